"""Writes the reviewer's workspace and QA make to a case: the clinical summary, one item's
determination, and QA's return of the case to review. The evidence-hierarchy rules run in
the review app before these are called; here the case only refuses to change once it has
left review, so an issued determination stays as issued (LC 4610.6(g))."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import transaction

from openimr.audit.services import Actor
from openimr.cases import models
from openimr.cases.domain.lifecycle import State, state_word
from openimr.cases.services.lifecycle import case_transition, clock_refresh, event_record
from openimr.core.case import Citation, Decision
from openimr.core.clock import now
from openimr.core.errors import Conflict, InvalidInput, Problem

EDITABLE = frozenset({State.RECORDS_COMPLETE, State.IN_REVIEW})


@dataclass(frozen=True)
class ItemDetermination:
    """What the reviewer decided on one item, as the letter prints it."""

    decision: Decision | None
    reviewer_basis: tuple[Citation, ...]
    why_not_mtus: str | None
    rationale: str | None


def _editable(row: models.Case, actor: Actor, at: datetime) -> None:
    """Refuse a change to a case that is not under review; a case whose records are complete
    starts its review with the reviewer's first change."""
    state = State(row.state)
    if state not in EDITABLE:
        if state is State.ISSUED:
            message = "the letter was issued: a correction is a new amended letter"
        elif state is State.QA:
            message = (
                "the determination was submitted and is with QA, not under review: "
                "nothing was changed; QA returns it to review if it needs a change"
            )
        else:
            message = f"the case is {state_word(state)}, not under review: nothing was changed"
        raise Conflict(message)
    if state is State.RECORDS_COMPLETE:
        case_transition(row=row, target=State.IN_REVIEW, actor=actor, at=at, note="review begun")
        row.save(update_fields=["state", "updated_at"])


def _locked(case_number: str) -> models.Case:
    return models.Case.objects.select_for_update().get(case_number=case_number)


def case_locked(case_number: str) -> models.Case:
    """The case row, locked until the caller's transaction ends: a withdrawal of its reviewer
    checks the state and clears the drafts while no save or submission can slip between."""
    return _locked(case_number)


@transaction.atomic
def case_summary_write(*, case_number: str, text: str, actor: Actor) -> None:
    """The reviewer's clinical case summary (domain.md §6), replacing the last one."""
    row, at = _locked(case_number), now()
    _editable(row, actor, at)
    row.clinical_summary = text.strip() or None
    row.save(update_fields=["clinical_summary", "updated_at"])
    event_record(row=row, actor=actor, at=at, kind="summary_saved")


def _basis_out(basis: Sequence[Citation]) -> list[dict[str, Any]]:
    return [{"mtus": c.mtus, "citation": c.citation} for c in basis]


@transaction.atomic
def case_item_write(
    *, case_number: str, position: int, determination: ItemDetermination, actor: Actor
) -> None:
    """One item's decision, the reviewer's basis, why the MTUS does not apply and the
    rationale (LC 4610.6(c), (e)); the decision takes effect when the case is submitted."""
    row, at = _locked(case_number), now()
    _editable(row, actor, at)
    item = row.items.filter(position=position).first()
    if item is None:
        raise InvalidInput([Problem(f"$.items[{position}]", "the case has no such item")])
    d = determination
    item.decision = d.decision.value if d.decision else None
    item.reviewer_basis = _basis_out(d.reviewer_basis)
    item.why_not_mtus, item.rationale = d.why_not_mtus, d.rationale
    item.save(update_fields=["decision", "reviewer_basis", "why_not_mtus", "rationale"])
    detail = {"item": position, "decision": item.decision}
    event_record(row=row, actor=actor, at=at, kind="item_saved", detail=detail)


@transaction.atomic
def case_return_to_review(*, case_number: str, actor: Actor, note: str) -> None:
    """QA sends the determination back to its reviewer (8 CCR 9792.10.6). The determination
    was not made after all: its date is cleared and the determination clock runs again
    (LC 4610.6(d))."""
    row, at = _locked(case_number), now()
    case_transition(row=row, target=State.IN_REVIEW, actor=actor, at=at, note=note)
    row.decided_at, row.date_decision = None, None
    clock_refresh(row)
    row.save()


@transaction.atomic
def case_reviewer_work_clear(
    *, case_number: str, positions: Sequence[int], summary: bool, actor: Actor, at: datetime
) -> None:
    """Take a withdrawn reviewer's saved work off the case: the decision, basis, reason for
    leaving the MTUS and rationale of the items at ``positions`` and, with ``summary``, the
    clinical summary. The reviewer who takes the items over decides them afresh; the work
    itself is kept on the withdrawn assignment for the audit trail. The clocks are left as
    they are (LC 4610.6(d): counted from the records, not from the assignment)."""
    row = _locked(case_number)
    items = row.items.filter(position__in=list(positions))
    items.update(decision=None, reviewer_basis=[], why_not_mtus=None, rationale=None)
    if summary:
        row.clinical_summary = None
        row.save(update_fields=["clinical_summary", "updated_at"])
    detail = {"items": sorted(positions), "summary": summary}
    event_record(row=row, actor=actor, at=at, kind="reviewer_work_set_aside", detail=detail)


@transaction.atomic
def case_reviewer_qualifications_clear(*, case_number: str) -> None:
    """Forget the qualifications the letter states of the case's reviewers, so that they can
    be stated again from the reviewers who remain (a withdrawn reviewer's license or
    specialty must not be printed in a letter they did not decide, LC 4610.6(f))."""
    row = _locked(case_number)
    row.reviewer_specialties, row.reviewer_licensed_in = [], []
    row.reviewer_board_certified = None
    row.reviewer_years_in_practice, row.reviewer_weekly_hours = None, None
    row.save()
