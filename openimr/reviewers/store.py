"""Writing one reviewer, with everything it owns, from the panel file or the panel CSV,
audited (`reviewer_store`, which `services` offers to other apps). Names stay staff-only
(LC 4610.6(f))."""

from dataclasses import dataclass
from datetime import date

from django.db import transaction

from openimr.audit.services import Actor, audit_record
from openimr.core.clock import local_date, now
from openimr.reviewers import models
from openimr.reviewers.domain.panel import Reviewer


@dataclass(frozen=True)
class Kept:
    """What a panel file left standing of a stored reviewer: the ties and leave staff entered
    and the prior case numbers the file does not carry."""

    ties: int = 0
    leave: int = 0
    prior_cases: int = 0

    def said(self) -> str:
        """``kept 1 tie and 1 leave period staff entered, and 2 prior case numbers the file does
        not carry``, or "" when nothing was kept."""
        ties = f"{self.ties} tie{'' if self.ties == 1 else 's'}" if self.ties else ""
        leave = f"{self.leave} leave period{'' if self.leave == 1 else 's'}" if self.leave else ""
        entered = " and ".join(x for x in (ties, leave) if x)
        parts = [f"{entered} staff entered"] if entered else []
        if self.prior_cases:
            numbers = "number" if self.prior_cases == 1 else "numbers"
            parts.append(f"{self.prior_cases} prior case {numbers} the file does not carry")
        return f"kept {', and '.join(parts)}" if parts else ""


@transaction.atomic
def reviewer_store(*, reviewer: Reviewer, actor: Actor) -> Kept:
    """Add or replace one reviewer with everything it owns, audited; returns what was kept."""
    kept = store_reviewer(reviewer, local_date(now()))
    audit_record(
        actor=actor,
        action="reviewer.stored",
        object_type="reviewer",
        object_id=reviewer.reviewer_id,
        detail={"kept": kept.said()} if kept.said() else None,
    )
    return kept


def store_reviewer(reviewer: Reviewer, today: date) -> Kept:
    """Replace the reviewer's credentials with the file's, and the ties and leave an earlier
    file stored. Ties and leave staff entered stay (see ``_keep_staff_entries``), and so do
    the prior case numbers (``_prior_cases``); sanctions: see ``_keep_sanctions_open``."""
    prior, kept_cases = _prior_cases(reviewer)
    row, _ = models.Reviewer.objects.update_or_create(
        reviewer_id=reviewer.reviewer_id,
        defaults={
            "name": reviewer.name,
            "years_in_practice": reviewer.years_in_practice,
            "weekly_hours": reviewer.weekly_hours,
            "last_verified": reviewer.last_verified,
            "languages": list(reviewer.languages),
            "capacity_per_week": reviewer.capacity_per_week,
            "prior_case_numbers": prior,
        },
    )
    for related in (row.certifications, row.licenses):
        related.all().delete()
    models.Certification.objects.bulk_create(
        models.Certification(reviewer=row, board=c.board, specialty=c.specialty, expires=c.expires)
        for c in reviewer.certifications
    )
    models.License.objects.bulk_create(
        models.License(
            reviewer=row,
            state=x.state,
            number=x.number,
            restricted=x.restricted,
            issued=x.issued,
            expires=x.expires,
        )
        for x in reviewer.licenses
    )
    ties, leave = _keep_staff_entries(row, reviewer)
    _keep_sanctions_open(row, reviewer.open_sanctions, today)
    return Kept(ties=ties, leave=leave, prior_cases=kept_cases)


def _prior_cases(reviewer: Reviewer) -> tuple[list[str], int]:
    """The file's prior case numbers followed by those stored that it does not carry, and
    how many of those. A reviewer who decided a case must never decide its remand
    (LC 4610.6(h), (i)); the panel CSV has no such column, and a case once decided stays
    decided, so no file empties the list (staff correct a mistyped number in the admin)."""
    stored = models.Reviewer.objects.filter(reviewer_id=reviewer.reviewer_id)
    before = stored.values_list("prior_case_numbers", flat=True).first() or []
    kept = [n for n in before if n not in reviewer.prior_case_numbers]
    return [*reviewer.prior_case_numbers, *kept], len(kept)


def _keep_staff_entries(row: models.Reviewer, reviewer: Reviewer) -> tuple[int, int]:
    """Replace the ties and leave an earlier file stored with this file's, keeping those staff
    entered, and return how many of each were kept. A conflict a reviewer disclosed to staff
    disqualifies them from the case (LC 139.5(d); 8 CCR 9792.10.6) whatever a routine panel
    export says; a file's entry that staff already entered is not stored twice."""
    row.affiliations.filter(source=models.FROM_FILE).delete()
    row.leave.filter(source=models.FROM_FILE).delete()
    ties = {(a.name, a.kind, a.until) for a in row.affiliations.all()}
    leave = {(x.start, x.end) for x in row.leave.all()}
    models.Affiliation.objects.bulk_create(
        models.Affiliation(
            reviewer=row, name=a.name, kind=a.kind.value, until=a.until, source=models.FROM_FILE
        )
        for a in dict.fromkeys(reviewer.affiliations)
        if (a.name, a.kind.value, a.until) not in ties
    )
    models.Leave.objects.bulk_create(
        models.Leave(reviewer=row, start=s, end=e, source=models.FROM_FILE)
        for s, e in dict.fromkeys(reviewer.leave)
        if (s, e) not in leave
    )
    return len(ties), len(leave)


def _keep_sanctions_open(row: models.Reviewer, declared: int, today: date) -> None:
    """The file gives only a count of open disciplinary actions; each one keeps the reviewer
    off cases (LC 139.5(c)), so the panel holds at least that many open. Sanctions staff
    recorded with their details are never closed or removed by a file: a spreadsheet saying
    0 does not prove a board action has ended, staff close it in the admin."""
    missing = declared - row.sanctions.filter(closed__isnull=True).count()
    models.Sanction.objects.bulk_create(
        models.Sanction(
            reviewer=row,
            description="Open disciplinary action or sanction declared in the panel file "
            "(open_sanctions); record its details here.",
            opened=today,
        )
        for _ in range(max(missing, 0))
    )
