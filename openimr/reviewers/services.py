"""Writes to the panel and to assignments: import, assign with an explanation, attest or
declare a conflict (and be replaced at once). Audit row in the same transaction."""

from dataclasses import asdict
from datetime import date, datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from openimr.audit.services import Actor, actor_label, audit_record
from openimr.cases import selectors as case_selectors
from openimr.cases import services as case_services
from openimr.cases.domain.lifecycle import State, check_reviewer_assignable
from openimr.cases.services.review import case_locked
from openimr.core.case import ReviewerQualifications
from openimr.core.clock import local_date, now
from openimr.core.errors import Conflict, InvalidInput, NotFound, Problem
from openimr.core.text import unprintable
from openimr.reviewers import models, selectors
from openimr.reviewers.choosing import match_case
from openimr.reviewers.choosing import match_for as _match_for
from openimr.reviewers.domain.conflicts import reviewer_conflicts
from openimr.reviewers.domain.credentials import credential_problems, credentials_in_force
from openimr.reviewers.domain.matching import MatchResult
from openimr.reviewers.domain.panel import Reviewer
from openimr.reviewers.importing import ImportReport, reviewers_import_csv
from openimr.reviewers.index import rapidfuzz_similarity
from openimr.reviewers.selectors import OPEN_STATUSES, panel_with_index
from openimr.reviewers.store import reviewer_store
from openimr.reviewers.withdrawal import assignment_withdrawn, qualifications_restated

# The panel's writes kept in modules of their own, offered to other apps from here.
__all__ = [
    "ImportReport",
    "assignment_attest",
    "assignment_withdraw",
    "match_case",
    "reviewer_account_link",
    "reviewer_assign",
    "reviewer_store",
    "reviewers_import_csv",
]


def _explanation(result: MatchResult, panel: dict[str, Reviewer]) -> dict[str, Any]:
    """What staff see about the choice: ids and reasons, never stored in any output a party
    receives (the names are looked up on staff pages only)."""
    return {
        "chosen": list(result.chosen),
        "multi_reviewer": result.multi_reviewer,
        "coverage": [list(pair) for pair in result.coverage],
        "ranked": [
            asdict(r) | {"expected_decision": r.expected_decision.isoformat()}
            for r in result.ranked[:10]
        ],
        "excluded": [
            {"reviewer_id": e.reviewer_id, "reasons": [asdict(r) for r in e.reasons]}
            for e in result.excluded[:50]
        ],
        "excluded_total": len(result.excluded),
        "panel_size": len(panel),
    }


def _pick_for(result: MatchResult, items: list[int]) -> list[tuple[str, list[int]]]:
    """Reviewers for some of a case's items: the best-ranked one who covers them all, else
    one per item from the proposed coverage."""
    for ranked in result.ranked:
        if set(items) <= set(ranked.covers):
            return [(ranked.reviewer_id, items)]
    per_item = dict(result.coverage)
    chosen: dict[str, list[int]] = {}
    for item in items:
        if item not in per_item:
            raise InvalidInput(
                [
                    Problem(
                        f"$.items[{item}]",
                        "no verified, available, conflict-free reviewer covers this item",
                    )
                ]
            )
        chosen.setdefault(per_item[item], []).append(item)
    return list(chosen.items())


def _declined(case_id: int) -> set[str]:
    # A reviewer withdrawn from the case (ill, suspended, a conflict found late) is not
    # chosen for it again, no more than one who declared a conflict.
    gone = (models.Assignment.DECLINED, models.Assignment.WITHDRAWN)
    rows = models.Assignment.objects.filter(case_id=case_id, status__in=gone)
    return set(rows.values_list("reviewer__reviewer_id", flat=True))


def _create(
    *,
    case_id: int,
    case_number: str,
    picks: list[tuple[str, list[int]]],
    explanation: dict[str, Any],
    actor: Actor,
    at: datetime,
) -> list[models.Assignment]:
    created = [
        models.Assignment.objects.create(
            case_id=case_id,
            reviewer=models.Reviewer.objects.get(reviewer_id=reviewer_id),
            items=items,
            assigned_at=at,
            assigned_by=actor_label(actor),
            explanation=explanation,
        )
        for reviewer_id, items in picks
    ]
    audit_record(
        actor=actor,
        action="case.reviewer_assigned",
        object_type="case",
        object_id=case_number,
        at=at,
        detail={"reviewers": [p[0] for p in picks], "excluded": explanation["excluded_total"]},
    )
    return created


@transaction.atomic
def reviewer_assign(
    *, case_number: str, actor: Actor, at: datetime | None = None
) -> list[models.Assignment]:
    """Choose the reviewer (or reviewers, for items no one reviewer covers), record why and who
    was excluded, and await each reviewer's attestation of no conflict (LC 139.5(d);
    8 CCR 9792.10.6: one expert reviewer designated for the case). The case's row is held
    from the question "has it a reviewer?" to the write: two clerks assigning at once would
    otherwise both read none and give the case two reviewers for the same items."""
    at = at or now()
    case_selectors.case_row(case_number)  # NotFound for an unknown case, before locking
    case = case_locked(case_number)
    check_reviewer_assignable(State(case.state))
    case_id = case.id
    if models.Assignment.objects.filter(case_id=case_id, status__in=OPEN_STATUSES).exists():
        raise Conflict(
            f"case {case_number} already has a reviewer; one who declares a conflict is replaced"
        )
    result, available = _match_for(case_number, local_date(at), _declined(case_id))
    if not result.chosen or result.uncovered:
        raise _nobody_for(case_number, result)
    coverage = dict(result.coverage)
    picks = [
        (rid, sorted(i for i, r in coverage.items() if r == rid) if result.multi_reviewer else [])
        for rid in result.chosen
    ]
    return _create(
        case_id=case_id,
        case_number=case_number,
        picks=picks,
        explanation=_explanation(result, available),
        actor=actor,
        at=at,
    )


def _nobody_for(case_number: str, result: MatchResult) -> InvalidInput:
    """Every item needs a reviewer: one left without would keep the case from ever being
    submitted, so nothing is assigned. Says which items, and who was passed over and why."""
    items = match_case(case_number).items
    problems = [
        Problem(
            f"$.items[{i}]",
            f"no verified, available, conflict-free reviewer fits item {i + 1} "
            f"({items[i].treatment}); nothing was assigned",
        )
        for i in result.uncovered
    ] or [Problem("$.reviewer", "no verified, available, conflict-free reviewer covers this case")]
    passed = [f"{e.reviewer_id}: {' '.join(r.text for r in e.reasons)}" for e in result.excluded]
    if passed:
        more = f" (and {len(passed) - 5} more)" if len(passed) > 5 else ""
        problems.append(Problem("$.reviewer", f"passed over: {'; '.join(passed[:5])}{more}"))
    return InvalidInput(problems)


def _replace(assignment: models.Assignment, actor: Actor, at: datetime) -> list[models.Assignment]:
    """A declared conflict: the same items go at once to the best reviewer left."""
    number, case_id = assignment.case.case_number, assignment.case_id
    busy = set(
        models.Assignment.objects.filter(case_id=case_id, status__in=OPEN_STATUSES).values_list(
            "reviewer__reviewer_id", flat=True
        )
    )
    result, available = _match_for(number, local_date(at), _declined(case_id) | busy)
    items = assignment.items or list(range(len(match_case(number).items)))
    picks = _pick_for(result, items)
    if not assignment.items and len(picks) == 1:
        picks = [(picks[0][0], [])]
    return _create(
        case_id=case_id,
        case_number=number,
        picks=picks,
        explanation=_explanation(result, available),
        actor=actor,
        at=at,
    )


def _qualifications(reviewer: Reviewer, on: date) -> ReviewerQualifications:
    specialties, states = credentials_in_force(reviewer, on)
    return ReviewerQualifications(
        specialties=specialties,
        board_certified=bool(specialties),
        licensed_in=states,
        years_in_practice=reviewer.years_in_practice,
        weekly_hours=reviewer.weekly_hours,
    )


@transaction.atomic
def assignment_withdraw(
    *,
    assignment_id: int,
    actor: Actor,
    reason: str,
    set_aside: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> list[models.Assignment]:
    """Staff withdraw a reviewer, after the attestation as before it, with a written reason
    (``reviewers.withdrawal``); the letter's qualifications are restated from the reviewers
    left and the items go to the best reviewer left, as after a declared conflict."""
    at = at or now()
    gone = assignment_withdrawn(
        assignment_id=assignment_id, actor=actor, reason=reason, set_aside=set_aside or {}, at=at
    )
    qualifications_restated(gone.case_id, gone.case.case_number, local_date(at))
    return _replace_or_tell_staff(gone, actor, at)


@transaction.atomic
def assignment_attest(
    *,
    assignment_id: int,
    actor: Actor,
    no_conflict: bool,
    statement: str,
    at: datetime | None = None,
) -> list[models.Assignment]:
    """The reviewer attests no conflict before the case file opens; declaring one removes the
    reviewer and assigns another at once (LC 139.5; 8 CCR 9792.10.6). When no other reviewer
    is free the decline still stands, with a ``case.reviewer_needed`` event telling staff;
    the new assignments are returned (none then). A reviewer who no longer qualifies when
    they attest is withdrawn (``case.reviewer_withdrawn``) and replaced the same way."""
    at = at or now()
    # The case's lock first, as staff's withdrawal takes it (review.reassign): the locking
    # read below, joined to the case, took the assignment's row and then waited for the
    # case's behind a withdrawal that held it and waited for the assignment's, a deadlock
    # PostgreSQL broke by failing the attestation.
    case_locked(selectors.assignment_row(assignment_id).case.case_number)
    assignment = (
        models.Assignment.objects.select_for_update()
        .select_related("case", "reviewer")
        .get(pk=assignment_id)
    )
    if assignment.status != models.Assignment.PROPOSED:
        raise Conflict(f"this assignment is already {assignment.get_status_display().lower()}")
    if not no_conflict and not statement.strip():
        raise InvalidInput([Problem("$.statement", "describe the conflict")])
    if wrong := unprintable(statement):  # kept and shown to staff as written
        raise InvalidInput([Problem("$.statement", f"the statement {wrong}")])
    rid, number = assignment.reviewer.reviewer_id, assignment.case.case_number
    unfit = _no_longer_fit(rid, number, local_date(at)) if no_conflict else ""
    if unfit:
        return _withdraw(assignment, actor, at, unfit)
    assignment.status = models.Assignment.ATTESTED if no_conflict else models.Assignment.DECLINED
    assignment.attested_at, assignment.statement = at, statement
    assignment.save(update_fields=["status", "attested_at", "statement"])
    number = assignment.case.case_number
    audit_record(
        actor=actor,
        action="case.reviewer_attested" if no_conflict else "case.reviewer_declined",
        object_type="case",
        object_id=number,
        at=at,
        detail={"reviewer": assignment.reviewer.reviewer_id},
    )
    if no_conflict:
        reviewers, _ = panel_with_index()
        qualifications = _qualifications(reviewers[assignment.reviewer.reviewer_id], local_date(at))
        case_services.case_add_reviewer_qualifications(
            case_number=number, qualifications=qualifications
        )
        return [assignment]
    return _replace_or_tell_staff(assignment, actor, at)


def _no_longer_fit(reviewer_id: str, case_number: str, on: date) -> str:
    """Why a reviewer chosen earlier may not take the case now they come to attest: suspended
    (taken off the active panel in the admin), a credential lapsed or a sanction opened since
    (LC 139.5(c)), a conflict the case shows now, as a record they wrote that arrived since
    (LC 139.5(d)), or a remand of a review they decided here (LC 4610.6(h), (i)). Empty
    when they still qualify. Leave and load were weighed then."""
    reviewer = panel_with_index()[0].get(reviewer_id)
    if reviewer is None:
        return f"{reviewer_id} is suspended: no longer on the active panel."
    parties = match_case(case_number).parties
    [reviewer] = selectors.with_cases_decided_here(
        {reviewer_id: reviewer}, parties.appealed_from
    ).values()
    reasons = credential_problems(reviewer, on)
    reasons += reviewer_conflicts(reviewer, parties, on, rapidfuzz_similarity)
    return " ".join(reason.text for reason in reasons)


def _withdraw(
    assignment: models.Assignment, actor: Actor, at: datetime, why: str
) -> list[models.Assignment]:
    """The attestation is refused and the assignment withdrawn, audited with the reason; the
    items go to another reviewer at once, as after a declared conflict."""
    assignment.status, assignment.attested_at, assignment.statement = (
        models.Assignment.WITHDRAWN,
        at,
        why,
    )
    assignment.save(update_fields=["status", "attested_at", "statement"])
    audit_record(
        actor=actor,
        action="case.reviewer_withdrawn",
        object_type="case",
        object_id=assignment.case.case_number,
        at=at,
        detail={"reviewer": assignment.reviewer.reviewer_id, "text": why},
    )
    return _replace_or_tell_staff(assignment, actor, at)


def _replace_or_tell_staff(
    assignment: models.Assignment, actor: Actor, at: datetime
) -> list[models.Assignment]:
    try:
        with transaction.atomic():  # a replacement that fails leaves the decline standing
            return _replace(assignment, actor, at)
    except InvalidInput as exc:
        # Nobody free is left to take the items: the reviewer still must not decide
        # (LC 139.5(c), (d)), and staff are told on the case's timeline to assign someone
        # once the panel allows.
        audit_record(
            actor=actor,
            action="case.reviewer_needed",
            object_type="case",
            object_id=assignment.case.case_number,
            at=at,
            detail={
                "declined": assignment.reviewer.reviewer_id,
                "reason": "; ".join(p.message for p in exc.problems),
            },
        )
        return []


@transaction.atomic
def reviewer_account_link(*, reviewer_id: str, username: str, actor: Actor) -> None:
    """Give a panel reviewer the login that opens their workspace: a reviewer sees the cases
    their own record is attested on, through this account (LC 139.5). NotFound for an unknown
    reviewer or account; Conflict when the account belongs to another reviewer, or is not
    one a reviewer may log in with (openimr.reviewers.domain.account: an intake clerk's, the
    administrator's, one without the reviewer role)."""
    row = models.Reviewer.objects.select_for_update().filter(reviewer_id=reviewer_id).first()
    user = get_user_model().objects.filter(username=username).first()
    if row is None or user is None:
        raise NotFound(f"no reviewer {reviewer_id}" if row is None else f"no user {username}")
    refusal = selectors.account_refusal(user)
    if refusal is not None:
        raise Conflict(refusal)
    other = models.Reviewer.objects.filter(user=user).exclude(pk=row.pk).first()
    if other is not None:
        raise Conflict(f"the account {username} belongs to reviewer {other.reviewer_id}")
    row.user = user
    row.save(update_fields=["user"])
    audit_record(
        actor=actor,
        action="reviewer.account_linked",
        object_type="reviewer",
        object_id=reviewer_id,
        detail={"username": username},
    )
