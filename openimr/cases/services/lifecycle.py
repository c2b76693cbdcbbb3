"""Moving a case through its states, with the timeline event and the audit row written in
the same transaction, and the clocks recomputed from the facts after every move."""

from datetime import datetime
from typing import Any

from openimr.audit.services import Actor, PendingEvent, audit_event, audit_save
from openimr.cases import models
from openimr.cases.clocks import due_instant, open_deadlines
from openimr.cases.domain.lifecycle import State, check_transition
from openimr.core.clock import now
from openimr.core.db import rows_update


def case_event(
    *,
    row: models.Case,
    actor: Actor,
    at: datetime,
    kind: str,
    note: str = "",
    detail: dict[str, Any] | None = None,
    from_state: str = "",
    to_state: str = "",
) -> PendingEvent:
    """One row of the audit trail, not yet written, which is also the case's timeline: a
    second table would say the same thing twice and could disagree with the trail."""
    return audit_event(
        actor=actor,
        action=f"case.{kind}",
        object_type="case",
        object_id=row.case_number,
        at=at,
        detail={"from": from_state, "to": to_state, "note": note, **(detail or {})},
    )


def event_record(**fields: Any) -> None:
    """`case_event`, written now."""
    audit_save([case_event(**fields)])


def transition_event(
    *,
    row: models.Case,
    target: State,
    actor: Actor,
    at: datetime,
    note: str = "",
    detail: dict[str, Any] | None = None,
) -> PendingEvent:
    """Move the case in memory (IllegalTransition when the table forbids it) and return the
    event that records the move; the caller writes both."""
    current = State(row.state)
    check_transition(current, target)
    row.state = target.value
    return case_event(
        row=row,
        actor=actor,
        at=at,
        kind="transition",
        note=note,
        detail=detail,
        from_state=current.value,
        to_state=target.value,
    )


def case_transition(**fields: Any) -> None:
    """`transition_event` with the event written now; the caller saves the row."""
    audit_save([transition_event(**fields)])


# The columns clock_refresh writes, for save(update_fields=...).
CLOCK_FIELDS = ("next_due_at", "next_due_name", "updated_at")


def clock_refresh(row: models.Case) -> None:
    """Keep next_due_* (what queues sort by) in step with the facts; the caller saves."""
    pending = sorted(open_deadlines(row), key=due_instant)
    row.next_due_at = due_instant(pending[0]) if pending else None
    row.next_due_name = pending[0].name if pending else ""


class CaseChanges:
    """The writes of a batch of case moves, made with one statement per table when saved:
    the rows' changed columns and their timeline events. A batch of one is a single move;
    a batch of hundreds (a day's filings, a simulated year) costs little more than one."""

    def __init__(self) -> None:
        self.rows: dict[int, models.Case] = {}
        self.fields: set[str] = {"updated_at"}
        self.events: list[PendingEvent] = []

    def move(self, row: models.Case, target: State, *, actor: Actor, at: datetime) -> None:
        self.events.append(transition_event(row=row, target=target, actor=actor, at=at))
        self.changed(row, "state")

    def changed(self, row: models.Case, *fields: str) -> None:
        """Mark columns to write; the clocks are recomputed for every changed row."""
        self.rows[row.pk] = row
        self.fields.update(fields)

    def save(self) -> None:
        stamp = now()  # bulk_update skips auto_now, which would set the same
        for row in self.rows.values():
            clock_refresh(row)
            row.updated_at = stamp
        if self.rows:
            fields = sorted(self.fields.union(CLOCK_FIELDS))
            rows_update(list(self.rows.values()), fields)
        audit_save(self.events)
