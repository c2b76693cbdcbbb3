"""Replacing a reviewer who attested, and checking the reviewers still qualify when their
determination leaves them (rules and sources: ``reviewers.domain.reassignment``).

A withdrawn reviewer's drafts (the items' decisions, bases and rationales they saved, and
the summary when no other reviewer of the case remains) are taken off the case and kept on
the withdrawn assignment, never shown to the reviewer who takes the items over. The
determination is the new reviewer's own (LC 4610.6(d); LC 139.5(c), (d)): a draft by a
reviewer found in conflict, unlicensed or unable to finish would otherwise be the starting
point of an independent review, and the letter would state a decision that reviewer shaped.
The audit trail keeps what they wrote, for the medical director and for a later challenge.
"""

from datetime import datetime
from typing import Any

from django.db import transaction

from openimr.audit.services import Actor
from openimr.cases.domain.lifecycle import State
from openimr.cases.selectors import case_by_number
from openimr.cases.services.review import case_locked, case_reviewer_work_clear
from openimr.core.clock import local_date, now
from openimr.core.errors import Conflict, Problem
from openimr.review.domain.assignment import assigned_positions
from openimr.review.models import Determination
from openimr.reviewers import selectors as reviewer_selectors
from openimr.reviewers import services as reviewer_services
from openimr.reviewers.domain.reassignment import SOURCE, lapses, withdrawal_refusal


def _set_aside(row: Any, positions: frozenset[int], summary: bool) -> dict[str, Any]:
    """What the reviewer saved on their items (and the summary), as it stands."""
    case = case_by_number(row.case_number)
    stored = Determination.objects.select_for_update().filter(case_id=row.pk).first()
    inputs = stored.rationale_inputs if stored else {}
    items = {}
    for n in sorted(positions):
        item = case.items[n]
        saved = {
            "decision": item.decision.value if item.decision else None,
            "reviewer_basis": [
                {"mtus": c.mtus, "citation": c.citation} for c in item.reviewer_basis
            ],
            "why_not_mtus": item.why_not_mtus,
            "rationale": item.rationale,
            "rationale_input": inputs.get(str(n), ""),
        }
        if any(saved.values()):
            items[str(n)] = saved
    found: dict[str, Any] = {"items": items} if items else {}
    written = stored.summary_input if stored else ""
    if summary and (case.clinical_summary or written):
        found["summary"] = {"text": case.clinical_summary, "input": written}
    return found


def _forget(row: Any, positions: frozenset[int], summary: bool) -> None:
    """The drafts' page-marked texts and sources leave the new reviewer's editor too."""
    stored = Determination.objects.select_for_update().filter(case_id=row.pk).first()
    if stored is None:
        return
    for n in positions:
        stored.rationale_inputs.pop(str(n), None)
        stored.rationale_sources.pop(str(n), None)
    if summary:
        stored.summary_input, stored.summary_sources = "", []
    stored.save()


@transaction.atomic
def reviewer_withdraw(
    *, assignment_id: int, actor: Actor, reason: str, at: datetime | None = None
) -> list[Any]:
    """Staff withdraw the reviewer of an assignment with a written reason: refused (Conflict)
    once the determination is submitted or issued, and for an assignment not open; their
    drafts are set aside; their items go to another reviewer through the normal matching
    (the new assignments are returned, none when nobody is free). The case's deadlines stay
    as they are. The withdrawn reviewer's access to the case file ends with the attested
    assignment (``review.selectors.case_for_reviewer``)."""
    at = at or now()
    row = case_locked(reviewer_selectors.assignment_row(assignment_id).case.case_number)
    # Read again under the lock: a reviewer who attested and saved while this waited for
    # the case would otherwise keep their work on it, the assignment read as proposed.
    assignment = reviewer_selectors.assignment_row(assignment_id)
    if refusal := withdrawal_refusal(State(row.state)):
        raise Conflict(refusal)
    count = row.items.count()
    positions = assigned_positions(assignment.items, count)
    others = [a for a, _ in reviewer_selectors.attested_on_case(row.pk) if a.pk != assignment.pk]
    summary = not assignment.items or not others
    kept: dict[str, Any] = {}
    if assignment.status == assignment.ATTESTED:  # a proposed reviewer saw nothing yet
        kept = _set_aside(row, positions, summary)
    if kept:
        case_reviewer_work_clear(
            case_number=row.case_number,
            positions=sorted(int(n) for n in kept.get("items", {})),
            summary="summary" in kept,
            actor=actor,
            at=at,
        )
        _forget(row, positions, "summary" in kept)
    return reviewer_services.assignment_withdraw(
        assignment_id=assignment.pk, actor=actor, reason=reason, set_aside=kept, at=at
    )


def lapse_problems(row: Any, actor: Actor) -> list[Problem]:
    """A reviewer of the case who no longer qualifies today (suspended, a license or board
    certification lapsed, a sanction opened since the attestation): their determination
    may not go on (LC 139.5(c)). Said to the reviewer in full when it is theirs; of another
    reviewer of the case, without their credentials (a reviewer's identity stays with the
    staff, LC 4610.6(f)); to staff and QA with the reviewer's panel id."""
    on, problems = local_date(now()), []
    found = reviewer_selectors.attested_on_case(row.pk)
    own_pk = getattr(actor, "pk", None)
    is_reviewer = own_pk is not None and any(a.reviewer.user_id == own_pk for a, _ in found)
    for assignment, reviewer in found:
        reasons = lapses(reviewer, assignment.reviewer.reviewer_id, on)
        if not reasons:
            continue
        what = " ".join(r.text for r in reasons)
        if own_pk is not None and assignment.reviewer.user_id == own_pk:
            text = (
                f"you no longer qualify to decide this case ({SOURCE}): {what} Ask staff to "
                "record the renewed credential on the panel, or to withdraw you from the "
                "case on its timeline so that your items go to another reviewer"
            )
        elif is_reviewer:
            text = (
                f"another reviewer of this case no longer qualifies ({SOURCE}): a license, "
                "board certification or standing on the panel lapsed. Staff can withdraw "
                "them on the case's timeline so that their items go to another reviewer"
            )
        else:
            text = (
                f"reviewer {assignment.reviewer.reviewer_id} no longer qualifies ({SOURCE}): "
                f"{what} Record the renewed credential on the panel, or withdraw the "
                "reviewer on the case's timeline (a case in QA is returned to review first) "
                "so that the items go to another reviewer"
            )
        problems.append(Problem("$.reviewer", text))
    return problems
