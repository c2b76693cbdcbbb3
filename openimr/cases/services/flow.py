"""The staff actions that move an open case along, each one transaction with its timeline
event and audit row, the clocks recomputed after it."""

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from django.db import transaction
from django.db.models import prefetch_related_objects

from openimr.audit.services import Actor, actor_label
from openimr.cases import models
from openimr.cases.domain.application import ServiceMethod
from openimr.cases.domain.eligibility import EligibilityResult, Outcome
from openimr.cases.domain.lifecycle import SCREENING_OPEN, State, check_convertible, state_words
from openimr.cases.domain.override import override_reason
from openimr.cases.domain.text import written_problem
from openimr.cases.services.lifecycle import (
    CaseChanges,
    case_event,
    case_transition,
    clock_refresh,
    event_record,
)
from openimr.cases.services.notices import (
    notice_build,
    notice_issue,
    notices_save,
    records_due_text,
)
from openimr.cases.services.screening import outcome_record
from openimr.core.case import Decision, Priority
from openimr.core.clock import local_date, now
from openimr.core.db import rows_update
from openimr.core.errors import Conflict, InvalidInput, Problem


def _due_text(row: models.Case) -> str:
    return records_due_text(row) or "the date in the notice"


def _prefetch(rows: Sequence[models.Case], *lookups: str) -> None:
    """Load what a batch reads (applications, treatments, items) in one query per table,
    not one per case."""
    prefetch_related_objects(list(rows), *lookups)


@transaction.atomic
def cases_assign(
    *, batch: Sequence[tuple[models.Case, datetime, ServiceMethod]], actor: Actor
) -> list[models.Notice]:
    """Send each case's Notice of Assignment and Request for Information (8 CCR
    9792.10.4(b)); the records clock runs from it (8 CCR 9792.10.5(a)(1))."""
    changes, notices = CaseChanges(), []
    _prefetch([row for row, _, _ in batch], "application__treatments", "authorized_items")
    for row, at, method in batch:
        changes.move(row, State.ASSIGNED, actor=actor, at=at)
        row.noarfi_sent_at, row.noarfi_method = at, method.value
        row.date_assigned = local_date(at)
        changes.changed(row, "noarfi_sent_at", "noarfi_method", "date_assigned")
        notices.append(notice_build(row=row, kind="noarfi", at=at, records_due=_due_text(row)))
        changes.events.append(
            case_event(row=row, actor=actor, at=at, kind="notice", detail={"notice": "noarfi"})
        )
    changes.save()
    notices_save(notices)
    return [notice for notice, _ in notices]


def case_assign(
    *,
    row: models.Case,
    actor: Actor,
    method: ServiceMethod = ServiceMethod.ELECTRONIC,
    at: datetime | None = None,
) -> models.Notice:
    return cases_assign(batch=[(row, at or now(), method)], actor=actor)[0]


@transaction.atomic
def cases_records_complete(*, batch: Sequence[tuple[models.Case, datetime]], actor: Actor) -> None:
    """Each case file is complete: the determination clock starts (LC 4610.6(d))."""
    changes = CaseChanges()
    for row, at in batch:
        changes.move(row, State.RECORDS_COMPLETE, actor=actor, at=at)
        row.records_complete_at, row.date_records_complete = at, local_date(at)
        changes.changed(row, "records_complete_at", "date_records_complete")
    changes.save()


def case_records_complete(*, row: models.Case, actor: Actor, at: datetime | None = None) -> None:
    cases_records_complete(batch=[(row, at or now())], actor=actor)


@transaction.atomic
def cases_begin_review(*, batch: Sequence[tuple[models.Case, datetime]], actor: Actor) -> None:
    changes = CaseChanges()
    for row, at in batch:
        changes.move(row, State.IN_REVIEW, actor=actor, at=at)
    changes.save()


def case_begin_review(*, row: models.Case, actor: Actor, at: datetime | None = None) -> None:
    cases_begin_review(batch=[(row, at or now())], actor=actor)


Decided = tuple[models.Case, datetime, Sequence[tuple[Decision, str]]]


def _decide_items(row: models.Case, decisions: Sequence[tuple[Decision, str]]) -> list[Any]:
    items = sorted(row.items.all(), key=lambda item: item.position)
    if len(decisions) != len(items):
        where, count = f"$.items ({row.case_number})", len(items)
        raise InvalidInput(
            [Problem(where, f"{count} items need {count} decisions, got {len(decisions)}")]
        )
    for item, (decision, rationale) in zip(items, decisions, strict=True):
        item.decision, item.rationale = decision.value, rationale
    return items


@transaction.atomic
def cases_submit_decision(*, batch: Sequence[Decided], actor: Actor) -> None:
    """The reviewer's determination of every item goes to quality assurance; the
    determination clock is met when it is made (LC 4610.6(d))."""
    changes, items = CaseChanges(), []
    _prefetch([row for row, _, _ in batch], "items")
    for row, at, decisions in batch:
        items += _decide_items(row, decisions)
        changes.move(row, State.QA, actor=actor, at=at)
        row.decided_at, row.date_decision = at, local_date(at)
        changes.changed(row, "decided_at", "date_decision")
    rows_update(items, ["decision", "rationale"])
    changes.save()


def case_submit_decision(
    *,
    row: models.Case,
    decisions: Sequence[tuple[Decision, str]],
    actor: Actor,
    at: datetime | None = None,
) -> None:
    cases_submit_decision(batch=[(row, at or now(), decisions)], actor=actor)


@transaction.atomic
def case_convert_expedited(
    *, row: models.Case, actor: Actor, note: str, at: datetime | None = None
) -> None:
    """The treating physician certified an imminent and serious threat to health: the review
    becomes expedited, its clocks are recomputed, and every party is served a notice of the
    conversion with the records' new due date (8 CCR 9792.10.4(c))."""
    check_convertible(State(row.state), expedited=row.priority == Priority.EXPEDITED.value)
    _note_check(note, missing="describe the physician's certification")
    at = at or now()
    row.priority, row.converted_to_expedited_at = Priority.EXPEDITED.value, at
    event_record(row=row, actor=actor, at=at, kind="converted", note=note)
    clock_refresh(row)
    row.save()
    # The Notice of Assignment the parties hold gives the regular records date; this one
    # gives the earlier date the expedited clock counts to.
    notice_issue(row=row, kind="converted", actor=actor, at=at, records_due=records_due_text(row))


@transaction.atomic
def case_close(
    *, row: models.Case, target: State, actor: Actor, note: str, at: datetime | None = None
) -> None:
    """Withdrawn by the applicant, or terminated because the claims administrator authorized
    the disputed treatment (8 CCR 9792.10.6(a)); every clock stops."""
    if target not in {State.WITHDRAWN, State.TERMINATED}:
        raise InvalidInput([Problem("$.target", "only withdrawn or terminated close a case here")])
    # Closing cannot be undone: the trail must say why (who withdrew, what was authorized).
    why = (
        "who withdrew it"
        if target is State.WITHDRAWN
        else "what the claims administrator authorized"
    )
    _note_check(note, missing=f"closing a case needs a note saying {why}")
    at = at or now()
    case_transition(row=row, target=target, actor=actor, at=at, note=note)
    row.closed_at = at
    if target is State.TERMINATED:
        row.terminated_at = at
    clock_refresh(row)
    row.save()


def _note_check(note: str, *, missing: str) -> None:
    """The note is the timeline's and the trail's record of why the case changed: held to
    the rule of every text staff write (a NUL cannot even be stored on PostgreSQL)."""
    problem = written_problem(note, path="$.note", name="the note", missing=missing)
    if problem is not None:
        raise InvalidInput([problem])


def _reason_check(reason: str) -> None:
    """The reason is printed on the notice served on the parties: text a page can show."""
    problem = written_problem(
        reason, path="$.reason", name="the reason", missing="an override needs a written reason"
    )
    if problem is not None:
        raise InvalidInput([problem])


@transaction.atomic
def application_override(
    *, row: models.Case, outcome: Outcome, reason: str, actor: Actor, at: datetime | None = None
) -> None:
    """Staff replace the screening outcome with their own, for a written reason; the case is
    screened again into the new outcome and the change is audited (8 CCR 9792.10.3). A case
    held in screening for a party's information is given its outcome the same way, which
    ends the wait for the information (8 CCR 9792.10.3(c))."""
    _reason_check(reason)
    _override_not_repeated(row, outcome, reason)
    if (state := State(row.state)) not in SCREENING_OPEN:
        # An eligible case is withdrawn or terminated instead; its clocks are already running.
        said = f"{state_words(state)} case has no screening outcome to override"
        raise InvalidInput([Problem("$.state", said)])
    at = at or now()
    stored = row.application
    stored.override_reason, stored.override_by = reason, actor_label(actor)
    if row.state != State.SCREENING.value:
        case_transition(row=row, target=State.SCREENING, actor=actor, at=at, note="override")
    reasons = (override_reason(outcome, reason),) if outcome is not Outcome.ELIGIBLE else ()
    result = EligibilityResult(outcome, reasons, stored.last_day_to_file or stored.received_on)
    outcome_record(
        row=row, stored=stored, result=result, actor=actor, at=at, note=f"override: {reason}"
    )


def _override_not_repeated(row: models.Case, outcome: Outcome, reason: str) -> None:
    """Conflict for the same override sent again (a double click, a resent form): the case,
    read again under this transaction's lock, already stands at that outcome for that
    written reason, and a second copy would serve the parties a second notice."""
    current = models.Case.objects.select_for_update().get(pk=row.pk)
    stored = models.Application.objects.filter(case=current).values_list("override_reason")
    same_reason = any((said or "").strip() == reason.strip() for (said,) in stored)
    if current.state == outcome.value and same_reason:
        raise Conflict(
            f"case {row.case_number} is already {outcome.value} for this reason; "
            f"nothing was changed and no second notice was sent"
        )
