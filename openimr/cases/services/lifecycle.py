"""Moving a case through its states, with the timeline event and the audit row written in
the same transaction, and the clocks recomputed from the facts after every move."""

from datetime import datetime
from typing import Any

from openimr.audit.services import Actor, audit_record
from openimr.cases import models
from openimr.cases.clocks import due_instant, open_deadlines
from openimr.cases.domain.lifecycle import State, check_transition


def event_record(
    *,
    row: models.Case,
    actor: Actor,
    at: datetime,
    kind: str,
    note: str = "",
    detail: dict[str, Any] | None = None,
    from_state: str = "",
    to_state: str = "",
) -> None:
    """One row in the audit trail, which is also the case's timeline: a second table would
    say the same thing twice and could disagree with the trail."""
    audit_record(
        actor=actor,
        action=f"case.{kind}",
        object_type="case",
        object_id=row.case_number,
        at=at,
        detail={"from": from_state, "to": to_state, "note": note, **(detail or {})},
    )


def case_transition(
    *,
    row: models.Case,
    target: State,
    actor: Actor,
    at: datetime,
    note: str = "",
    detail: dict[str, Any] | None = None,
) -> None:
    """Move the case (IllegalTransition when the table forbids it); the caller saves."""
    current = State(row.state)
    check_transition(current, target)
    event_record(
        row=row,
        actor=actor,
        at=at,
        kind="transition",
        note=note,
        detail=detail,
        from_state=current.value,
        to_state=target.value,
    )
    row.state = target.value


# The columns clock_refresh writes, for save(update_fields=...).
CLOCK_FIELDS = ("next_due_at", "next_due_name", "updated_at")


def clock_refresh(row: models.Case) -> None:
    """Keep next_due_* (what queues sort by) in step with the facts; the caller saves."""
    pending = sorted(open_deadlines(row), key=due_instant)
    row.next_due_at = due_instant(pending[0]) if pending else None
    row.next_due_name = pending[0].name if pending else ""
