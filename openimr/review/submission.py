"""The reviewer's submission of the determination to QA (LC 4610.6(d): the determination is
made), and what keeps it back.

A submission and staff withdrawing the reviewer (``review.reassign.reviewer_withdraw``) may
come at the same moment. Both take the case's row lock first and read what they decide on
under it, so one waits for the other: a withdrawal that comes first leaves the reviewer no
determination to send (``ReviewerWithdrawn``), a submission that comes first leaves a
determination made, which is not withdrawn from (``reviewers.domain.reassignment``)
(``review.held``, shared with the workspace's saves). The
submission used to read the drafts before its transaction: a withdrawal committed in
between set the drafts aside and freed the items, and the submission then sent the
withdrawn reviewer's decisions to QA all the same."""

import re
from typing import Any

from django.db import transaction

from openimr.audit.services import Actor, audit_record
from openimr.cases.domain.lifecycle import State
from openimr.cases.selectors import case_by_number
from openimr.cases.services import case_submit_decision
from openimr.core.case import Case
from openimr.core.clock import now
from openimr.core.errors import Conflict, InvalidInput, Problem
from openimr.guidelines.domain.hierarchy import basis_problems
from openimr.review.held import case_held
from openimr.review.models import Determination
from openimr.review.reassign import lapse_problems
from openimr.review.selectors import items_for_user

# The workspace shows a draft in the summary's box before any is saved: "write" read wrong.
_SUMMARY_UNSAVED = (
    "save the clinical case summary (a draft shown in its box is not saved until you save it)"
)


def submit_problems(case: Case) -> list[Problem]:
    """What keeps a determination from QA: a summary, and every item decided on a basis that
    keeps the hierarchy, with its rationale (LC 4610.6(c), (e); LC 4610.5(c)(2))."""
    problems = []
    if not (case.clinical_summary or "").strip():
        problems.append(Problem("$.clinical_summary", _SUMMARY_UNSAVED))
    for i, item in enumerate(case.items):
        if item.decision is None:
            problems.append(Problem(f"$.items[{i}].decision", "decide this item"))
        if not (item.rationale or "").strip():
            problems.append(Problem(f"$.items[{i}].rationale", "give the decision's rationale"))
        problems += basis_problems(item, index=i)
    return problems


def determination_submit(*, row: Any, actor: Actor) -> None:
    """The reviewer's determination goes to QA (LC 4610.6(d): the determination is made).
    One already there (the other reviewer of a split case sent it) is not sent again; a
    reviewer withdrawn meanwhile sends nothing (``ReviewerWithdrawn``). Everything it
    decides on is read under the case's lock (the module's docstring says why)."""
    with transaction.atomic():
        row = case_held(actor, row.case_number, not_done="the determination was not sent to QA")
        if row.state in (State.QA.value, State.ISSUED.value):
            where = "with quality assurance" if row.state == State.QA.value else "issued"
            raise Conflict(f"the determination is already {where}: nothing was changed")
        case = case_by_number(row.case_number)
        # A credential that lapsed since the attestation stops the determination (LC 139.5(c)).
        problems = lapse_problems(row, actor) + _as_for(
            submit_problems(case), items_for_user(actor, row.case_number, len(case.items))
        )
        if problems:
            raise InvalidInput(problems, "the determination is not ready for QA")
        decisions = [(i.decision, i.rationale or "") for i in case.items if i.decision is not None]
        stored, _ = Determination.objects.select_for_update().get_or_create(case_id=row.pk)
        case_submit_decision(row=row, decisions=decisions, actor=actor)
        stored.submitted_at = now()
        stored.save()
        audit_record(
            actor=actor, action="review.submitted", object_type="case", object_id=row.case_number
        )


_UNDECIDED = re.compile(r"^\$\.items\[(\d+)\]\.(decision|rationale)$")


def _as_for(problems: list[Problem], mine: frozenset[int]) -> list[Problem]:
    """``problems`` as the reviewer submitting can act on them: an item of the other reviewer
    of a split case (LC 139.5(c)) is theirs to decide, said once, not "decide this item"."""
    said, kept = set(), []
    for problem in problems:
        found = _UNDECIDED.match(problem.path)
        if found is None or int(found[1]) in mine:
            kept.append(problem)
        elif found[1] not in said:
            said.add(found[1])
            kept.append(Problem(problem.path, _OTHERS[found[2]]))
    return kept


_OTHERS = {
    "decision": "the other reviewer on this case has not decided this item yet",
    "rationale": "the other reviewer on this case has not given this item's rationale yet",
}
