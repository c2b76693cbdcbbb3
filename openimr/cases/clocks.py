"""Reading a stored case's clocks: its facts, its deadlines, which are still open."""

from dataclasses import replace
from datetime import date, datetime, time
from functools import lru_cache
from typing import Any, cast

from openimr.cases import models
from openimr.cases.domain.application import ServiceMethod
from openimr.cases.domain.deadline_status import due_instant as deadline_due_instant
from openimr.cases.domain.deadlines import ClockFacts, Deadline, case_deadlines
from openimr.cases.domain.lifecycle import CLOSED, State
from openimr.core.case import Priority
from openimr.core.clock import CALIFORNIA
from openimr.programs.loader import load_program

# Which fact closes each clock: a deadline is open until its fact is recorded. The records
# are in when `records_complete` says so. The determination is met by the letter
# (LC 4610.6(d): the determination in writing), whose issue closes the case; the
# reviewer's submit to QA does not meet it.
CLOSED_BY = {"noarfi_due": "noarfi_sent_at"}


def deadline_met(row: models.Case, name: str) -> bool:
    """Whether the fact that meets this clock is recorded (the notice sent, the records in):
    a closed case's clock that it was not met stopped with the case instead."""
    return _met(row, name)


def _met(row: models.Case, name: str) -> bool:
    """Whether the fact that closes this clock is recorded. The party's information is
    awaited only while the case is held in screening: staff record that it arrived, or
    decide eligibility on what is on file (8 CCR 9792.10.3(c)), and either ends the wait."""
    if name == "eligibility_information_due":
        held = row.state == State.SCREENING.value
        return not held or row.information_answered_at is not None
    if name == "records_due":
        return records_complete(row) is not None
    return name in CLOSED_BY and getattr(row, CLOSED_BY[name]) is not None


def records_complete(row: Any) -> datetime | None:
    """When the case's records were complete: the instant intake recorded or, for a case
    imported whole (`openimr case import`), the start of the California day its document
    gives (``dates.records_complete``). The determination clock counts calendar days from
    receipt of the records (LC 4610.6(d); 8 CCR 9792.10.6(b)-(c)), not counting that day,
    so the day is all it needs. None when neither says: the due date cannot be known."""
    if row.records_complete_at is not None:
        return cast(datetime, row.records_complete_at)
    day = row.date_records_complete
    return datetime.combine(day, time(), tzinfo=CALIFORNIA) if day else None


def decided_in_document(row: Any) -> datetime | None:
    """When a case imported whole, decided in its document, was determined: the end of the
    California day its document gives (``dates.decision``), on which it met or missed its
    clock (LC 4610.6(d)), whenever its letter issues here. None for a case with complete
    records or a decision recorded here, or not decided."""
    if row.records_complete_at is None and row.decided_at is None and row.date_decision:
        return datetime.combine(row.date_decision, time.max, tzinfo=CALIFORNIA)
    return None


def determination_due(row: Any) -> date | datetime | None:
    """When the determination is due (LC 4610.6(d)), counted from the complete records
    whether or not the reviewer has submitted or the letter issued: QA still has to meet it,
    and a decided case is judged against it."""
    facts = ClockFacts(
        priority=Priority(row.priority),
        records_complete_at=records_complete(row),
        converted_to_expedited_at=row.converted_to_expedited_at,
    )
    found = _deadlines(facts, row.program)
    return next((d.due for d in found if d.name == "determination_due"), None)


def clock_facts(row: models.Case, *, letter_issued_at: datetime | None = None) -> ClockFacts:
    """The case's clock facts. ``letter_issued_at``: when its letter issued, which then meets
    the determination (LC 4610.6(d): the determination in writing), where the case's own
    ``decided_at`` would."""
    determined_at = row.decided_at if row.state == State.ISSUED.value else None
    if determined_at is not None and letter_issued_at is not None:
        determined_at = letter_issued_at
    return ClockFacts(
        priority=Priority(row.priority),
        eligible_on=row.eligible_on,
        noarfi_sent_at=row.noarfi_sent_at,
        noarfi_method=ServiceMethod(row.noarfi_method) if row.noarfi_method else None,
        records_complete_at=records_complete(row),
        converted_to_expedited_at=row.converted_to_expedited_at,
        terminated_at=row.terminated_at,
        determined_at=determined_at,
        information_requested_at=row.information_requested_at,
        information_method=(
            ServiceMethod(row.information_method) if row.information_method else None
        ),
    )


def deadlines_for(row: models.Case) -> tuple[Deadline, ...]:
    return _deadlines(clock_facts(row), row.program)


@lru_cache(maxsize=4096)
def _deadlines(facts: ClockFacts, program: str) -> tuple[Deadline, ...]:
    """Asked for several times per move (the notice's due date, the queue columns, the
    next step) and a function of these facts alone, so computed once per set of facts."""
    return case_deadlines(facts, load_program(program))


def due_instant(deadline: Deadline) -> datetime:
    """A day deadline ends at the end of that California day (the domain's one rule, which
    the queue's stored due instants and the deadlines' status both follow)."""
    return deadline_due_instant(deadline, CALIFORNIA.key)


def open_deadlines(row: models.Case) -> list[Deadline]:
    if State(row.state) in CLOSED:
        return []
    return [d for d in deadlines_for(row) if not _met(row, d.name)]


def records_expected(row: models.Case) -> date | None:
    """The local day the case's records are complete, or the last day they are due
    (8 CCR 9792.10.5(a)(1)); before the Notice of Assignment is sent, the day they would
    be due were it mailed on its own last day (8 CCR 9792.10.4(b)), the latest they can
    come. None once the case is closed or has no clock yet (not eligible)."""
    complete = records_complete(row)
    if complete is not None:
        return complete.astimezone(CALIFORNIA).date()
    facts = clock_facts(row)
    if facts.noarfi_sent_at is None:
        noarfi = next((d for d in open_deadlines(row) if d.name == "noarfi_due"), None)
        if noarfi is None:
            return None
        facts = replace(facts, noarfi_sent_at=due_instant(noarfi), noarfi_method=None)
    elif State(row.state) in CLOSED:
        return None
    due = next((d for d in _deadlines(facts, row.program) if d.name == "records_due"), None)
    if due is None:
        return None
    return due.due.astimezone(CALIFORNIA).date() if isinstance(due.due, datetime) else due.due
