"""The claims administrator reports that it authorized disputed treatment before the
determination. The review of what it authorized ends: every item authorized, the process
is terminated (8 CCR 9792.10.6(a)); some of them, those items leave the dispute and the
review goes on with the rest. Pure rules: what the report may name, and what follows."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from openimr.cases.domain.eligibility import normalise_text
from openimr.cases.domain.lifecycle import OPEN, State, state_words
from openimr.core.errors import Conflict, Problem

# Before review begins no reviewer has decided an item, so one can leave the dispute; in
# review and in QA a reviewer's work and the letter's references name the items by place.
ITEMS_LEAVE_BEFORE = frozenset(OPEN - {State.IN_REVIEW, State.QA})


class Effect(StrEnum):
    TERMINATED = "terminated"  # every disputed item authorized: the case closes
    ITEMS_REMOVED = "items_removed"  # some: the review goes on with the others


@dataclass(frozen=True)
class AuthorizationReport:
    treatments: tuple[str, ...]
    authorized_on: date


def report_problems(
    report: AuthorizationReport,
    *,
    disputed: Sequence[str],
    ur_decision_date: date | None,
    today: date,
    authorized: Mapping[str, date] | None = None,
) -> list[Problem]:
    """Every problem of the report, by the JSON path of its field: a treatment that is not
    one of the case's disputed items (compared as `normalise_text` compares treatments),
    saying so of one reported authorized before (``authorized``: treatment to the day, a
    retried report), one named twice, none named, or an authorization dated in the future or
    before the UR decision it reverses (8 CCR 9792.10.6(a): it ends a dispute over that
    decision)."""
    problems: list[Problem] = []
    if not report.treatments:
        problems.append(Problem("$.treatments", "name at least one disputed treatment"))
    keys = {normalise_text(t): t for t in disputed}
    before = {normalise_text(t): on for t, on in (authorized or {}).items()}
    seen: set[str] = set()
    for n, treatment in enumerate(report.treatments):
        key = normalise_text(treatment)
        if key not in keys and key in before:
            message = (
                f"was reported authorized already (on {before[key].isoformat()}) and is no "
                "longer disputed"
            )
            problems.append(Problem(f"$.treatments[{n}]", message))
        elif key not in keys:
            listed = "; ".join(disputed) or "none"
            message = f"is not a disputed item of this case (its items: {listed})"
            problems.append(Problem(f"$.treatments[{n}]", message))
        elif key in seen:
            problems.append(Problem(f"$.treatments[{n}]", "is named twice"))
        seen.add(key)
    if report.authorized_on > today:
        problems.append(Problem("$.authorized_on", f"is after today ({today.isoformat()})"))
    if ur_decision_date is not None and report.authorized_on < ur_decision_date:
        message = (
            f"is before the UR decision it would reverse ({ur_decision_date.isoformat()}): "
            "an authorization before it is no answer to the dispute"
        )
        problems.append(Problem("$.authorized_on", message))
    return problems


def report_effect(
    state: State, *, disputed: int, authorized: int, split_by_item: bool, case_number: str
) -> Effect:
    """What the report does to the case in ``state``: terminated when every disputed item is
    authorized (8 CCR 9792.10.6(a)), items removed when some are. Conflict, saying why, for a
    closed case, and for some items once review has begun or while reviewers are assigned
    item by item: their work names the items by place."""
    if state not in OPEN:
        raise Conflict(
            f"case {case_number} is {state.label.lower()}: there is no review left to end"
        )
    if authorized >= disputed:
        return Effect.TERMINATED
    if state not in ITEMS_LEAVE_BEFORE or split_by_item:
        why = (
            "its items are split between reviewers"
            if state in ITEMS_LEAVE_BEFORE
            else f"it is {state_words(state)} case"
        )
        raise Conflict(
            f"case {case_number}: some items can leave the dispute only before review begins, "
            f"and {why}; authorize every item to end the review, or ask the IMR organization "
            "to take these items out"
        )
    return Effect.ITEMS_REMOVED
