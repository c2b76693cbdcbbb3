"""Holding a screening for a party's information: staff ask a party the application names
for what eligibility needs, the party has 5 business days to answer (8 CCR 9792.10.3(c)),
and staff record the answer, then the outcome (`application_override`). Each action is one
transaction with its timeline event and audit row; bad input writes nothing."""

from datetime import datetime

from django.db import transaction

from openimr.audit.services import Actor
from openimr.cases import models
from openimr.cases.domain.application import ServiceMethod
from openimr.cases.domain.lifecycle import SCREENING_OPEN, State, state_word
from openimr.cases.domain.text import written_problem
from openimr.cases.services.lifecycle import case_transition, clock_refresh, event_record
from openimr.cases.services.notices import (
    Party,
    case_noarfi_served,
    information_due_text,
    notice_build,
    notices_save,
    parties_named,
)
from openimr.core.clock import local_date, now
from openimr.core.dates import in_sentence
from openimr.core.errors import Conflict, InvalidInput, Problem

# The parties an application names, in words, as the request and its notice call them.
PARTY_WORDS = {
    "employee": "the employee",
    "claims_administrator": "the claims administrator",
    "requesting_physician": "the requesting physician",
    "attorney": "the employee's attorney",
}
_INFORMATION_FIELDS = [
    "state",
    "information_requested_at",
    "information_method",
    "information_answered_at",
    "next_due_at",
    "next_due_name",
    "updated_at",
]


def information_parties(row: models.Case) -> list[Party]:
    """The parties staff may ask: those the case's application names (none without one)."""
    app = getattr(row, "application", None)
    return parties_named(app) if app is not None else []


def _request_problems(
    row: models.Case, party: str, text: str, named: dict[str, Party]
) -> list[Problem]:
    problems = []
    if State(row.state) not in SCREENING_OPEN or not named:
        problems.append(
            Problem(
                "$.state",
                f"the case is {state_word(State(row.state))}: information about "
                "eligibility is asked only of a case in screening or found ineligible or "
                "deferred, on the application it was filed with",
            )
        )
    if not party:
        problems.append(Problem("$.party", "choose the party to ask"))
    elif party not in named:
        names = ", ".join(PARTY_WORDS[role] for role in named) or "none"
        problems.append(
            Problem("$.party", f"{party!r} is not a party the application names ({names})")
        )
    missing = "write what is needed from the party"
    found = written_problem(text, path="$.text", name="the request", missing=missing)
    return problems + ([found] if found else [])


@transaction.atomic
def case_information_request(
    *, row: models.Case, party: str, text: str, actor: Actor, at: datetime | None = None
) -> models.Notice:
    """Ask one party for what screening needs and hold the decision until it arrives
    (8 CCR 9792.10.3(c)): the case moves to screening, the 5-business-day clock starts
    from this request (a second one restarts it), and the request is served on the party
    with a copy to the employee, by e-mail where an address was given, else by mail (which
    lengthens the clock, CCP 1013(a))."""
    named = {p["role"]: p for p in information_parties(row)}
    problems = _request_problems(row, party, text, named)
    if problems:
        raise InvalidInput(problems)
    _request_not_repeated(row, party, text)
    at, asked = at or now(), named[party]
    if row.state != State.SCREENING.value:
        case_transition(
            row=row, target=State.SCREENING, actor=actor, at=at, note="information requested"
        )
    method = ServiceMethod.ELECTRONIC if asked["email"] else ServiceMethod.MAIL
    row.information_requested_at, row.information_method = at, method.value
    row.information_answered_at = None
    clock_refresh(row)
    row.save(update_fields=_INFORMATION_FIELDS)
    detail = {"party": party, "text": text, "served_by": method.value}
    event_record(row=row, actor=actor, at=at, kind="information_requested", detail=detail)
    return _request_serve(row=row, asked=asked, text=text, actor=actor, at=at)


def _request_not_repeated(row: models.Case, party: str, text: str) -> None:
    """Conflict for the same request sent again (a double click, a resent form) while the
    first awaits its answer: the case, read again under this transaction's lock, is held
    for the same words from the same party. Served again, the party would get a second
    request and its 5 business days would start over (8 CCR 9792.10.3(c))."""
    current = models.Case.objects.select_for_update().get(pk=row.pk)
    awaiting = current.state == State.SCREENING.value and current.information_answered_at is None
    latest = current.notices.filter(kind="information_request").order_by("-created_at", "-id")
    last = latest.first() if awaiting and current.information_requested_at else None
    if last is None or last.facts.get("party_role") != party:
        return
    if str(last.facts.get("information") or "").strip() == text.strip():
        sent = in_sentence(local_date(last.created_at))
        raise Conflict(
            f"This request was already sent to {PARTY_WORDS[party]} on {sent} and "
            f"awaits its answer; it was not sent again"
        )


def _request_serve(
    *, row: models.Case, asked: Party, text: str, actor: Actor, at: datetime
) -> models.Notice:
    """The request served on the party asked, and a copy on the employee, who must know
    the application is on hold."""
    words = PARTY_WORDS[asked["role"]]
    extra = {
        "party_role": asked["role"],
        "party_asked": f"{words} ({asked['name']})" if asked["role"] != "employee" else words,
        "information": text,
        "information_due": information_due_text(row),
    }
    notice, parties = notice_build(row=row, kind="information_request", at=at, extra=extra)
    served = [p for p in parties if p["role"] in {asked["role"], "employee"}]
    notices_save([(notice, served)])
    detail = {"notice": "information_request"}
    event_record(row=row, actor=actor, at=at, kind="notice", detail=detail)
    return notice


@transaction.atomic
def case_information_received(
    *, row: models.Case, note: str, actor: Actor, at: datetime | None = None
) -> None:
    """The party's answer arrived: its clock is met (8 CCR 9792.10.3(c)) and staff go on
    to record the screening outcome (`application_override`)."""
    problems = []
    awaiting = row.state == State.SCREENING.value and row.information_requested_at is not None
    if not awaiting or row.information_answered_at is not None:
        problems.append(
            Problem("$.state", "no request for information on this case awaits an answer")
        )
    missing = "say what was received, and from whom"
    found = written_problem(note, path="$.note", name="the note", missing=missing)
    if problems or found:
        raise InvalidInput(problems + ([found] if found else []))
    at = at or now()
    row.information_answered_at = at
    clock_refresh(row)
    row.save(update_fields=_INFORMATION_FIELDS)
    event_record(row=row, actor=actor, at=at, kind="information_received", detail={"text": note})


def case_information_served(
    *, case_number: str, notice_id: int, party_role: str, at: datetime, actor: Actor
) -> bool:
    """The latest request for information reached the party asked by mail, not as planned
    (its e-mail failed), or was mailed on a later day than issued: the party's time counts
    from that mailing, 5 days longer (8 CCR 9792.10.3(c); CCP 1013(a)). The employee's copy
    moves nothing, unless the employee is the party asked; nor does a request already
    answered. False when nothing changed."""
    with transaction.atomic():
        row = models.Case.objects.select_for_update().get(case_number=case_number)
        latest = row.notices.filter(kind="information_request").order_by("-created_at", "-id")
        notice = latest.first()
        sent = row.information_requested_at
        awaiting = row.state == State.SCREENING.value and row.information_answered_at is None
        if notice is None or notice.pk != notice_id or sent is None or not awaiting:
            return False
        if party_role != _asked_role(notice):
            return False
        later = local_date(at) > local_date(sent)
        if row.information_method == ServiceMethod.MAIL.value and not later:
            return False
        row.information_method = ServiceMethod.MAIL.value
        row.information_requested_at = max(sent, at) if later else sent
        clock_refresh(row)
        row.save(update_fields=_INFORMATION_FIELDS)
        mailed = local_date(row.information_requested_at).isoformat()
        detail = {"notice": "information_request", "mailed": mailed, "party": party_role}
        event_record(row=row, actor=actor, at=at, kind="notice", detail=detail)
    return True


def _asked_role(notice: models.Notice) -> str:
    """The party a request was served on: the one that is not the employee's copy."""
    roles = set(notice.services.values_list("party_role", flat=True))
    return next(iter(roles - {"employee"}), "employee")


def case_notice_mailed(
    *, case_number: str, notice_id: int, party_role: str, at: datetime, actor: Actor
) -> bool:
    """A notice served on ``party_role`` went by mail instead of e-mail, or was mailed on a
    later day: whichever clock that service starts counts from the mailing (the records
    clock for a Notice of Assignment to the claims administrator, 8 CCR 9792.10.5(a)(1);
    the party's time to answer a request for information, 8 CCR 9792.10.3(c)). False when
    no clock moved."""
    if party_role == "claims_administrator" and case_noarfi_served(
        case_number=case_number, notice_id=notice_id, at=at, actor=actor
    ):
        return True
    return case_information_served(
        case_number=case_number, notice_id=notice_id, party_role=party_role, at=at, actor=actor
    )
