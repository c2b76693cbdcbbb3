"""Reads of cases, and the access helpers that raise instead of leaking: a user who may
not see a case gets NotFound, the same answer as for a case that does not exist."""

import io
from datetime import date, datetime
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q, QuerySet

from openimr.cases import models
from openimr.cases import status as _status
from openimr.cases.clocks import (
    deadline_met,
    deadlines_for,
    decided_in_document,  # noqa: F401 (QA judges the determination by this one rule)
    determination_due,  # noqa: F401 (review reads the one rule through this module)
    due_instant,
    open_deadlines,
    records_expected,
)
from openimr.cases.domain.application import Application, ServiceMethod
from openimr.cases.domain.consolidation import consolidation_groups
from openimr.cases.domain.deadline_status import deadline_status
from openimr.cases.domain.deadlines import Deadline
from openimr.cases.domain.eligibility import Outcome
from openimr.cases.domain.lifecycle import SCREENING_OPEN, State
from openimr.cases.mapping import case_from_row
from openimr.cases.queue import (  # noqa: F401  the work queue, read through the selectors
    QUEUE_STATUSES,
    queue_counts,
    work_queue,
    work_queue_count,
)
from openimr.cases.timeliness import TimelinessReport, months_asked, write_months_csv
from openimr.cases.timeliness import timeliness_report as _timeliness_report
from openimr.core.access import user_is_staff
from openimr.core.case import Case
from openimr.core.case_numbers import case_number_spellings
from openimr.core.clock import CALIFORNIA, now
from openimr.core.errors import NotFound

User = AbstractBaseUser | AnonymousUser


def user_is_case_staff(user: User) -> bool:
    """Until roles arrive, staff accounts handle cases; nobody else sees them."""
    return user_is_staff(user)


def case_list_for_user(user: User, *, query: str = "") -> QuerySet[models.Case]:
    if not user_is_case_staff(user):
        return models.Case.objects.none()
    # The letter's row comes in the same query, without its text and HTML (tens of
    # kilobytes a letter): the list and the case page show only when it was issued.
    cases = (
        models.Case.objects.select_related("letter")
        .defer("letter__text", "letter__html")
        .prefetch_related("items")
    )
    if query.strip():
        q = query.strip()
        cases = cases.filter(
            Q(case_number__icontains=q) | Q(items__treatment__icontains=q)
        ).distinct()
    return cases


def case_number_stored(text: str) -> str:
    """The case number as stored for ``text`` typed in any letter case (the public side's
    reading, `case_number_spellings`). A number no case has comes back in capitals, as one
    a case has would: the "no case" that follows then reads the same for a case that does
    not exist and for one the user may not see, and tells nothing of which it is."""
    spellings = case_number_spellings(text)
    for candidate in spellings:
        if models.Case.objects.filter(case_number=candidate).exists():
            return candidate
    return spellings[-1] if spellings else text


def case_get_for_user(user: User, case_number: str) -> models.Case:
    row = case_list_for_user(user).filter(case_number=case_number).first()
    if row is None:
        raise NotFound(f"no case {case_number}")
    return row


def case_by_number(case_number: str) -> Case:
    """The domain case, for trusted callers (CLI, services) that check no user."""
    row = models.Case.objects.filter(case_number=case_number).first()
    if row is None:
        raise NotFound(f"no case {case_number}")
    return case_from_row(row)


def case_of_row(row: models.Case) -> Case:
    """The domain case of a row the caller has read already (its access checked): the
    case's own row is not read again."""
    return case_from_row(row)


def case_id_for(case_number: str) -> int:
    row = models.Case.objects.only("id").filter(case_number=case_number).first()
    if row is None:
        raise NotFound(f"no case {case_number}")
    return row.id


def deadline_rows(row: models.Case, at: datetime | None = None) -> list[dict[str, Any]]:
    """Each clock of the case with its rule, source and status now: running, met, or
    stopped when the case closed before it was met (a case withdrawn before its Notice of
    Assignment was sent had shown that notice "met")."""
    moment = at or now()
    open_names = {d.name for d in open_deadlines(row)}

    def status(d: Deadline) -> str:
        if d.name in open_names:
            return deadline_status(d, moment)
        return "met" if deadline_met(row, d.name) else "stopped"

    return [
        {
            "name": d.name,
            "due": d.due,
            "due_at": due_instant(d),  # as the queue writes it: the day's end, in California
            "rule": d.rule,
            "source": d.source,
            "status": status(d),
        }
        for d in deadlines_for(row)
    ]


def timeliness_report(
    *, first: str | None, last: str | None, at: datetime, late_listed: int | None = None
) -> TimelinessReport:
    """The timeliness page's report (`openimr.cases.timeliness`) for the command line: the
    page's months by default (the last three), every missed deadline named unless
    ``late_listed`` caps them. InvalidInput at ``from`` or ``to`` for a month refused."""
    first, last = months_asked(first, last, at.astimezone(CALIFORNIA).date())
    return _timeliness_report(first=first, last=last, at=at, late_listed=late_listed)


def timeliness_csv(report: TimelinessReport) -> str:
    """The report's monthly table as the page's CSV download writes it."""
    text = io.StringIO(newline="")
    write_months_csv(text, report.months)
    return text.getvalue()


def application_client(case_number: str) -> tuple[str, str] | None:
    """Who filed the case's application and through which door (``via``): an API client's
    token name (``api``), ``user:NAME`` (``web`` or ``api``), or an internal filer such as
    ``batch``; None for a case with no application or no such case."""
    found = models.Application.objects.filter(case__case_number=case_number)
    return found.values_list("client", "via").first()


def application_filed_with(*, client: str, idempotency_key: str) -> models.Application | None:
    """The application this client filed under this Idempotency-Key, if any."""
    return models.Application.objects.filter(client=client, idempotency_key=idempotency_key).first()


def application_view(case_number: str) -> dict[str, Any]:
    """What the applications API answers for a case. A case imported whole (`case_import`)
    has no application: no one filed it through intake, and it skipped screening into
    review, which only an eligible application reaches (8 CCR 9792.10.3, 9792.10.4); it
    answers as eligible, with no reasons and no last day to file (the intake record that
    would date them is not here), and ``imported`` says why. NotFound for no such case."""
    row = models.Case.objects.select_related("application").filter(case_number=case_number).first()
    if row is None:
        raise NotFound(f"no case {case_number}")
    app = getattr(row, "application", None)
    return {
        "case_number": row.case_number,
        "state": row.state,
        "outcome": app.outcome if app is not None else Outcome.ELIGIBLE.value,
        "reasons": app.reasons if app is not None else [],
        "last_day_to_file": app.last_day_to_file if app is not None else None,
        "deadlines": deadline_rows(row),
        "imported": app is None,
    }


def consolidation_candidates(limit: int = 20_000) -> list[tuple[str, ...]]:
    """Case numbers of eligible applications not yet under review that may be decided
    together: one employee, the same requesting physician and date of injury
    (8 CCR 9792.10.4(a), applied by `consolidation_groups`)."""
    rows = models.Application.objects.filter(
        case__state__in=[State.ELIGIBLE.value, State.ASSIGNED.value]
    ).values(
        "case__case_number",
        "claim_number",
        "employee_name",
        "date_of_injury",
        "ur_decision_date",
        "ur_service_method",
        "received_on",
        "requesting_physician_name",
    )[:limit]
    applications = [
        (
            r["case__case_number"],
            Application(
                claim_number=r["claim_number"],
                employee_name=r["employee_name"],
                date_of_injury=r["date_of_injury"],
                ur_decision_date=r["ur_decision_date"],
                ur_service_method=ServiceMethod(r["ur_service_method"]),
                received_on=r["received_on"],
                treatments=(),
                requesting_physician_name=r["requesting_physician_name"] or None,
            ),
        )
        for r in rows
    ]
    return consolidation_groups(applications)


def case_row(case_number: str) -> models.Case:
    """The stored case, for access helpers that have already decided who may see it."""
    row = models.Case.objects.filter(case_number=case_number).first()
    if row is None:
        raise NotFound(f"no case {case_number}")
    return row


def screening_notice_at(case_number: str) -> datetime | None:
    """When the case's latest ineligibility or deferral notice, of the outcome it now
    stands at, was made (8 CCR 9792.10.3): when screening found it so. None for a case
    in another state, or one imported without its notice."""
    row = case_row(case_number)
    notices = models.Notice.objects.filter(case=row, kind=row.state)
    return notices.order_by("-created_at", "-id").values_list("created_at", flat=True).first()


def records_expected_on(case_number: str) -> date | None:
    """When the case's records are in, or due at the latest (`clocks.records_expected`)."""
    return records_expected(case_row(case_number))


# The parties a Final Determination Letter is served on (LC 4610.6(f)), in the letter's order.
_PARTY_FIELDS = (
    ("employee", "employee_name"),
    ("attorney", "attorney_name"),
    ("employer", "employer_name"),
    ("claims_administrator", "claims_administrator_name"),
    ("requesting_physician", "requesting_physician_name"),
)


def case_parties(case_number: str) -> list[dict[str, str]]:
    """Each named party of the case with the e-mail address and the postal address on file
    for it ("" when none: the party is served by mail, and staff find an address to mail
    to). A filed case takes them from its application (both for the employee, the attorney,
    the claims administrator and the requesting physician; a postal address only for the
    employer, who is served by mail); a case imported whole, from the contacts it came with."""
    row = case_row(case_number)
    reach = row.party_reach()
    return [
        {"role": role, "name": name, **reach[role]}
        for role, column in _PARTY_FIELDS
        if (name := getattr(row, column))
    ]


def case_contacts(case_number: str) -> dict[str, dict[str, str]]:
    """How to reach the parties, for staff's `openimr case export` alone: the contacts a case
    imported whole came with (`openimr.cases.contacts`), or what a filed case's application
    gave each party the case names, so that its export imports again whole, its letter and
    notices served where they were, not all left in the print queue."""
    row = case_row(case_number)
    if case_imported_whole(row):
        return dict(row.contacts)
    given = {
        role: {"address": getattr(row.application, f"{role}_address", "")}
        | {"email": getattr(row.application, f"{role}_email", "")}
        for role in models.case.PARTY_ROLES
        if getattr(row, f"{role}_name")
    }
    return {role: {k: v for k, v in ways.items() if v} for role, ways in given.items()}


def case_claim_number(case_number: str) -> str:
    """The claim number its parties give on /status/ ("" for none), for staff's export alone:
    without it a filed case imported elsewhere was found by no party (`cases.import_claim`)."""
    return claim_number_of(case_row(case_number))


def case_administrator_account(case_number: str) -> int | None:
    """The account (user id) of the registered claims administrator the case is linked to;
    None for an unlinked case, one whose administrator has no account, or no such case."""
    found = models.Case.objects.filter(case_number=case_number)
    return found.values_list("claims_administrator__account_id", flat=True).first()


def case_imported_whole(row: models.Case) -> bool:
    """A case imported whole (`openimr case import`) has no application: its claim number
    is the one staff record (`services.case_claim_number_set`), not an application's."""
    return not hasattr(row, "application")


def claim_number_of(row: models.Case) -> str:
    """The claim number the case's parties give on /status/: a filed case's is its
    application's (the case row keeps none), one imported whole's its own ("" for none)."""
    return row.application.claim_number if hasattr(row, "application") else row.claim_number


def information_view(row: models.Case) -> dict[str, Any]:
    """Where the case stands on a request for eligibility information (8 CCR 9792.10.3(c)):
    whether staff may ask now (a screening open to question, on an application), whether an
    answer is awaited, and the latest request's clock."""
    has_application = hasattr(row, "application")
    held = row.state == State.SCREENING.value and row.information_requested_at is not None
    due = next((d for d in deadlines_for(row) if d.name == "eligibility_information_due"), None)
    return {
        "askable": has_application and State(row.state) in SCREENING_OPEN,
        "held": held,
        "awaiting": held and row.information_answered_at is None,
        "requested_at": row.information_requested_at,
        "method": row.information_method or "",
        "answered_at": row.information_answered_at,
        "due": due.due if due is not None else None,
    }


def ur_decision_files_named(paths: list[str]) -> set[str]:
    """Which of these stored files (paths under MEDIA_ROOT) an application's UR decision
    names."""
    found = models.Application.objects.filter(ur_decision_file__in=paths)
    return set(found.values_list("ur_decision_file", flat=True))


def case_status(case_number: str) -> dict[str, Any]:
    """Where the case stands, for a party to it (`openimr.cases.status`)."""
    return _status.case_status(case_number)


def case_status_for_party(
    *, case_number: str, claim_number: str, date_of_injury: date
) -> dict[str, Any]:
    """The same, for whoever gives the case's claim number and date of injury."""
    return _status.case_status_for_party(
        case_number=case_number, claim_number=claim_number, date_of_injury=date_of_injury
    )
