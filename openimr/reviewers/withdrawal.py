"""Staff withdraw a reviewer from a case, after the attestation as before it, with a written
reason: the assignment is withdrawn, audited, the letter's statement of the reviewers'
qualifications is made again from those who remain, and the items go to another
conflict-free, qualified reviewer through the normal matching (LC 139.5(c), (d)). The rule
of when a reviewer may be withdrawn is ``reviewers.domain.reassignment``; the review app,
which keeps the reviewer's drafts, calls this through ``reviewers.services``."""

from datetime import date, datetime
from typing import Any

from openimr.audit.services import Actor, actor_label, audit_record
from openimr.cases import services as case_services
from openimr.cases.services.review import case_reviewer_qualifications_clear
from openimr.core.case import ReviewerQualifications
from openimr.core.errors import Conflict, InvalidInput, NotFound, Problem
from openimr.core.text import unprintable
from openimr.reviewers import models
from openimr.reviewers.domain.credentials import credentials_in_force
from openimr.reviewers.selectors import OPEN_STATUSES, panel

REASON_LIMIT = 2000


def withdrawal_reason_problems(reason: str) -> list[Problem]:
    """The written reason is required: the withdrawal is audited with it and shown to staff
    as written."""
    if not reason.strip():
        return [
            Problem(
                "$.reason",
                "say why the reviewer is withdrawn (suspended, a license lapsed, ill, a "
                "conflict found): nothing was changed",
            )
        ]
    if wrong := unprintable(reason):
        return [Problem("$.reason", f"the reason {wrong}")]
    if len(reason) > REASON_LIMIT:
        return [Problem("$.reason", f"the reason is over {REASON_LIMIT} characters")]
    return []


def assignment_withdrawn(
    *, assignment_id: int, actor: Actor, reason: str, set_aside: dict[str, Any], at: datetime
) -> models.Assignment:
    """Mark the open (proposed or attested) assignment withdrawn, keeping ``set_aside`` (the
    work the reviewer had saved) and the reason on it, audited as ``case.reviewer_removed``.
    NotFound for no such assignment; Conflict when it is no longer open; InvalidInput for a
    missing reason. The caller holds the transaction and hands the items on."""
    assignment = (
        models.Assignment.objects.select_for_update()
        .select_related("case", "reviewer")
        .filter(pk=assignment_id)
        .first()
    )
    if assignment is None:
        raise NotFound(f"no assignment {assignment_id}")
    if assignment.status not in OPEN_STATUSES:
        raise Conflict(
            f"this reviewer is already {assignment.get_status_display().lower()}: "
            "nothing was changed"
        )
    if problems := withdrawal_reason_problems(reason):
        raise InvalidInput(problems, "the reviewer was not withdrawn")
    assignment.status = models.Assignment.WITHDRAWN
    assignment.withdrawn_at, assignment.withdrawn_by = at, actor_label(actor)
    assignment.withdrawn_reason, assignment.set_aside = reason.strip(), set_aside
    assignment.save(
        update_fields=["status", "withdrawn_at", "withdrawn_by", "withdrawn_reason", "set_aside"]
    )
    audit_record(
        actor=actor,
        action="case.reviewer_removed",
        object_type="case",
        object_id=assignment.case.case_number,
        at=at,
        detail={
            "reviewer": assignment.reviewer.reviewer_id,
            "items": assignment.item_numbers,
            "text": reason.strip(),
        },
    )
    return assignment


def qualifications_restated(case_id: int, case_number: str, on: date) -> None:
    """The letter states the qualifications of the reviewers who decide: after a withdrawal,
    stated again from those still attested, each as in force ``on`` (LC 139.5(c))."""
    case_reviewer_qualifications_clear(case_number=case_number)
    reviewers = panel()
    kept = models.Assignment.objects.filter(case_id=case_id, status=models.Assignment.ATTESTED)
    for assignment in kept.select_related("reviewer"):
        if (found := reviewers.get(assignment.reviewer.reviewer_id)) is not None:
            specialties, states = credentials_in_force(found, on)
            qualifications = ReviewerQualifications(
                specialties=specialties,
                board_certified=bool(specialties),
                licensed_in=states,
                years_in_practice=found.years_in_practice,
                weekly_hours=found.weekly_hours,
            )
            case_services.case_add_reviewer_qualifications(
                case_number=case_number, qualifications=qualifications
            )
