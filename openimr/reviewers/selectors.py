"""Reads of the panel: reviewers as the matching rules see them, the name index (built once
per panel version), the specialty table with staff edits, expiring credentials."""

from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from functools import lru_cache
from typing import Any

from django.db.models import Count, Max, Q

from openimr.core.access import group_names, user_works_intake
from openimr.core.errors import NotFound
from openimr.reviewers import models
from openimr.reviewers.domain.account import reviewer_account_refusal
from openimr.reviewers.domain.credentials import (
    availability_problems,
    credential_problems,
    expiring_credentials,
)
from openimr.reviewers.domain.panel import (
    Affiliation,
    AffiliationKind,
    Certification,
    License,
    Reviewer,
)
from openimr.reviewers.domain.specialties import SpecialtyTable, unknown_specialty
from openimr.reviewers.index import PanelIndex
from openimr.reviewers.specialty_data import default_specialty_table, with_overrides

OPEN_STATUSES = (models.Assignment.PROPOSED, models.Assignment.ATTESTED)
CLOSED_CASE_STATES = ("ineligible", "issued", "withdrawn", "terminated", "qa")
SUSPENDED = "Suspended: not on the active panel (Active is unticked in the admin)."


def _domain(row: models.Reviewer, open_cases: int) -> Reviewer:
    return Reviewer(
        reviewer_id=row.reviewer_id,
        name=row.name,
        certifications=tuple(
            Certification(c.board, c.specialty, c.expires) for c in row.certifications.all()
        ),
        licenses=tuple(
            License(x.state, x.number, x.restricted, x.expires, x.issued)
            for x in row.licenses.all()
        ),
        years_in_practice=row.years_in_practice,
        weekly_hours=row.weekly_hours,
        open_sanctions=sum(1 for s in row.sanctions.all() if s.closed is None),
        closed_sanctions=sum(1 for s in row.sanctions.all() if s.closed is not None),
        last_verified=row.last_verified,
        languages=tuple(row.languages),
        capacity_per_week=row.capacity_per_week,
        open_cases=open_cases,
        leave=tuple((x.start, x.end) for x in row.leave.all()),
        affiliations=tuple(
            Affiliation(a.name, AffiliationKind(a.kind), a.until) for a in row.affiliations.all()
        ),
        prior_case_numbers=tuple(row.prior_case_numbers),
    )


def _open_work() -> Count:
    return Count(
        "assignments",
        filter=Q(assignments__status__in=OPEN_STATUSES)
        & ~Q(assignments__case__state__in=CLOSED_CASE_STATES),
    )


def open_case_counts(reviewer_ids: list[str]) -> dict[str, int]:
    """The open cases of these reviewers now, counted as the panel counts them."""
    rows = models.Reviewer.objects.filter(reviewer_id__in=reviewer_ids).annotate(n=_open_work())
    return dict(rows.values_list("reviewer_id", "n"))


def panel_rows() -> list[models.Reviewer]:
    return list(
        models.Reviewer.objects.filter(active=True)
        .annotate(open_work=_open_work())
        .prefetch_related("certifications", "licenses", "affiliations", "leave", "sanctions")
    )


def panel() -> dict[str, Reviewer]:
    return {row.reviewer_id: _domain(row, row.open_work) for row in panel_rows()}  # type: ignore[attr-defined]


def panel_version() -> tuple[int, str]:
    """Changes whenever a reviewer (or, through its save, anything it owns) changes."""
    stats = models.Reviewer.objects.aggregate(n=Count("id"), latest=Max("updated_at"))
    return stats["n"], str(stats["latest"])


@lru_cache(maxsize=2)
def _index(version: tuple[int, str]) -> PanelIndex:
    return PanelIndex(panel().values())


def panel_with_index() -> tuple[dict[str, Reviewer], PanelIndex]:
    """The panel, read fresh (open-case counts change with every assignment), and its name
    index, rebuilt only when a reviewer or an affiliation changed."""
    return panel(), _index(panel_version())


def with_cases_decided_here(
    reviewers: dict[str, Reviewer], case_numbers: Iterable[str]
) -> dict[str, Reviewer]:
    """The reviewers, each who attested to one of ``case_numbers`` here with that case added
    to the prior cases their panel record lists. A dispute sent back on appeal goes to a
    different reviewer (LC 4610.6(h), (i)), and the panel file knows only the cases its
    reviewers decided before it was written, not those they decided in openimr since."""
    wanted = {n for number in case_numbers for n in (number, number.strip().upper())}
    if not wanted:
        return reviewers
    rows = models.Assignment.objects.filter(
        status=models.Assignment.ATTESTED, case__case_number__in=wanted
    ).values_list("reviewer__reviewer_id", "case__case_number")
    decided: dict[str, list[str]] = {}
    for rid, number in rows:
        decided.setdefault(rid, []).append(number)
    return {
        rid: replace(r, prior_case_numbers=tuple(dict.fromkeys((*r.prior_case_numbers, *found))))
        if (found := decided.get(rid))
        else r
        for rid, r in reviewers.items()
    }


def specialty_table() -> SpecialtyTable:
    rules = [(r.kind, r.key, tuple(r.specialties)) for r in models.SpecialtyRule.objects.all()]
    return with_overrides(default_specialty_table(), rules)


def reviewer_status(today: date) -> list[tuple[models.Reviewer, list[str], list[tuple[str, date]]]]:
    """Each reviewer with the checks it fails today (credentials, and leave or a full week,
    which keep matching from choosing them just as well) and the credentials expiring within
    60 days."""
    out, table = [], specialty_table()
    for row in panel_rows():
        reviewer = _domain(row, row.open_work)  # type: ignore[attr-defined]
        problems = credential_problems(reviewer, today) + availability_problems(reviewer, today)
        failing = [r.text for r in problems] + _unknown_specialties(reviewer, table)
        out.append((row, failing, expiring_credentials(reviewer, today)))
    # A suspended reviewer stays on the page, with the cases still open in their name: the
    # medical director who suspended them sees it took, and what is left to reassign.
    suspended = models.Reviewer.objects.filter(active=False).annotate(open_work=_open_work())
    out += [(row, [SUSPENDED], []) for row in suspended]
    return out


def _unknown_specialties(reviewer: Reviewer, table: SpecialtyTable) -> list[str]:
    """Certifications all under specialties the table does not know (typed in the admin, say):
    matching never chooses the reviewer, which the panel must say rather than "Yes"."""
    found = [unknown_specialty(table, c.specialty) for c in reviewer.certifications]
    if not found or not all(found):
        return []
    return [f"Board certification {why}: matching never chooses them." for why in found]


def assignments_for_case(case_id: int) -> list[models.Assignment]:
    return list(models.Assignment.objects.filter(case_id=case_id).select_related("reviewer"))


def assignment_for_user(user: object, assignment_id: int) -> models.Assignment:
    """Intake staff, or the assigned reviewer's own account; anyone else gets NotFound (a
    404)."""
    assignment = (
        models.Assignment.objects.select_related("case", "reviewer")
        .filter(pk=assignment_id)
        .first()
    )
    if assignment is None or not (
        user_works_intake(user) or assignment.reviewer.user_id == getattr(user, "pk", None)
    ):
        raise NotFound("no such assignment")
    return assignment


def reviewer_names(reviewer_ids: list[str]) -> dict[str, str]:
    """For staff pages only: ids to names."""
    return dict(
        models.Reviewer.objects.filter(reviewer_id__in=reviewer_ids).values_list(
            "reviewer_id", "name"
        )
    )


def assignment_view(case_id: int) -> dict[str, object]:
    """The case's assignments and the explanation of the latest choice, with names (staff)."""
    assignments = assignments_for_case(case_id)
    latest = assignments[-1].explanation if assignments else {}
    ids = [r["reviewer_id"] for r in latest.get("ranked", [])] + [
        e["reviewer_id"] for e in latest.get("excluded", [])
    ]
    has_open = any(a.status in OPEN_STATUSES for a in assignments)
    return {
        "assignments": assignments,
        "explanation": latest,
        "names": reviewer_names(ids),
        "open": has_open,
    }


def attested_assignments_for_user(user: object) -> list[models.Assignment]:
    """The reviewer's own work: the attested assignments of the reviewer whose account is
    ``user``, with their cases. The case file opens only after the attestation of no
    conflict (LC 139.5), so a proposed or declined assignment is not listed; nor is any of
    a reviewer suspended from the panel, whose access to case files ends with it."""
    pk = getattr(user, "pk", None)
    if pk is None:
        return []
    return list(
        models.Assignment.objects.filter(
            reviewer__user_id=pk, reviewer__active=True, status=models.Assignment.ATTESTED
        ).select_related("case", "reviewer")
    )


def proposed_assignments_for_user(user: object) -> list[models.Assignment]:
    """The assignments waiting for the attestation of the reviewer whose account is
    ``user``: they answer it before the case file opens (LC 139.5), oldest first."""
    pk = getattr(user, "pk", None)
    if pk is None:
        return []
    return list(
        models.Assignment.objects.filter(
            reviewer__user_id=pk, reviewer__active=True, status=models.Assignment.PROPOSED
        )
        .select_related("case", "reviewer")
        .order_by("assigned_at", "pk")
    )


def withdrawn_from(user: object, case_number: str) -> models.Assignment | None:
    """``user``'s latest assignment to the case when it was withdrawn and none of theirs is
    attested: staff took the case from them (a reviewer of the case before, no longer)."""
    pk = getattr(user, "pk", None)
    if pk is None or attested_assignment(user, case_number) is not None:
        return None
    mine = models.Assignment.objects.filter(reviewer__user_id=pk, case__case_number=case_number)
    return mine.filter(status=models.Assignment.WITHDRAWN).order_by("-withdrawn_at").first()


def attested_assignment(user: object, case_number: str) -> models.Assignment | None:
    """The attested assignment of ``user``'s reviewer to the case, or None: the one question
    the reviewer's access helper asks."""
    pk = getattr(user, "pk", None)
    if pk is None:
        return None
    return (
        models.Assignment.objects.filter(
            reviewer__user_id=pk,
            status=models.Assignment.ATTESTED,
            case__case_number=case_number,
        )
        .select_related("case", "reviewer")
        .first()
    )


def reviewer_identities(case_id: int) -> list[tuple[str, list[str]]]:
    """For QA only: the name and license numbers of each reviewer attested on the case, so
    that text meant for the parties can be searched for them (LC 4610.6(f))."""
    rows = models.Assignment.objects.filter(
        case_id=case_id, status=models.Assignment.ATTESTED
    ).select_related("reviewer")
    return [
        (a.reviewer.name, list(a.reviewer.licenses.values_list("number", flat=True))) for a in rows
    ]


def attested_on_case(case_id: int) -> list[tuple[models.Assignment, Reviewer | None]]:
    """Each attested assignment of the case with its reviewer as the credential rules see
    them, or None for a reviewer suspended from the panel: what the submission and QA's
    approval check again (LC 139.5(c))."""
    assignments = list(
        models.Assignment.objects.filter(
            case_id=case_id, status=models.Assignment.ATTESTED
        ).select_related("reviewer")
    )
    rows = (
        models.Reviewer.objects.filter(pk__in=[a.reviewer_id for a in assignments], active=True)
        .annotate(open_work=_open_work())
        .prefetch_related("certifications", "licenses", "affiliations", "leave", "sanctions")
    )
    found = {row.pk: _domain(row, row.open_work) for row in rows}
    return [(a, found.get(a.reviewer_id)) for a in assignments]


def assignment_row(assignment_id: int) -> models.Assignment:
    """One assignment with its case and reviewer; NotFound when there is none."""
    found = (
        models.Assignment.objects.select_related("case", "reviewer")
        .filter(pk=assignment_id)
        .first()
    )
    if found is None:
        raise NotFound(f"no assignment {assignment_id}")
    return found


def account_refusal(user: Any) -> str | None:
    """Why ``user`` may not be a panel reviewer's login (openimr.reviewers.domain.account),
    naming the account and its roles; None when it may."""
    return reviewer_account_refusal(
        user.get_username(), group_names(user), superuser=user.is_superuser
    )
