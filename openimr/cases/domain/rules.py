"""Rules a case must keep beyond its schema. Each returns problems located by the JSON path
of the `openimr.case/1` field, so a file, a form and the database report them alike."""

from collections.abc import Callable, Iterator
from datetime import date

from openimr.cases.domain.eligibility import normalise_text
from openimr.core.case import Case
from openimr.core.errors import Problem
from openimr.core.text import (
    NAMES_NO_DIAGNOSIS,
    NAMES_NO_ONE,
    TREATMENTS_TOLD_APART,
    letter_or_digit_problem,
)

# The life of a case, in the order its dates must come; records_complete sits between
# assignment and decision but is often unknown for published letters.
_CHRONOLOGY = (
    "injury",
    "ur_decision",
    "application_received",
    "assigned",
    "records_complete",
    "decision",
)


def dates_in_order(case: Case) -> Iterator[Problem]:
    """The injury precedes the UR decision it led to; the application follows the UR decision
    it disputes (LC 4610.5(h)(1)); assignment follows the application
    (8 CCR 9792.10.4(b)); the determination follows its records (LC 4610.6(d)).
    Each date is compared with the latest earlier date that is known."""
    latest: tuple[str, date] | None = None
    for name in _CHRONOLOGY:
        value = getattr(case.dates, name)
        if value is None:
            continue
        if latest and value < latest[1]:
            yield Problem(
                f"$.dates.{name}",
                f"{value.isoformat()} is before dates.{latest[0]} ({latest[1].isoformat()})",
            )
        else:
            latest = (name, value)


def rfa_dates_in_order(case: Case) -> Iterator[Problem]:
    """A Request for Authorization asks for treatment of the injury, and utilization review
    decides it (8 CCR 9792.9.1): an item's RFA date is on or after the date of injury and on
    or before the UR decision, when those are known (8 CCR 9792.10.4(b)(2))."""
    injury, decided = case.dates.injury, case.dates.ur_decision
    for index, item in enumerate(case.items):
        rfa, where = item.rfa_date, f"$.items[{index}].rfa_date"
        if rfa and injury and rfa < injury:
            yield Problem(where, f"{rfa.isoformat()} is before dates.injury ({injury.isoformat()})")
        elif rfa and decided and rfa > decided:
            yield Problem(
                where, f"{rfa.isoformat()} is after dates.ur_decision ({decided.isoformat()})"
            )


def decided_items_complete(case: Case) -> Iterator[Problem]:
    """A determination decides every disputed item and states its reasons
    (LC 4610.6(c), (e)): once the case has a decision date, each item needs a decision and
    a rationale."""
    if not case.is_decided:
        return
    for index, item in enumerate(case.items):
        if item.decision is None:
            yield Problem(f"$.items[{index}].decision", "the case is decided but this item is not")
        if not (item.rationale or "").strip():
            yield Problem(f"$.items[{index}].rationale", "a decided item needs a rationale")


def decision_needs_a_decision_date(case: Case) -> Iterator[Problem]:
    """A decided item belongs to an issued determination, which is dated (LC 4610.6(d))."""
    if case.is_decided:
        return
    for index, item in enumerate(case.items):
        if item.decision is not None:
            yield Problem(
                f"$.items[{index}].decision",
                "the item is decided but dates.decision is null",
            )


def reviewer_meets_minimums(case: Case) -> Iterator[Problem]:
    """The letter certifies a board-certified reviewer with more than five years of active
    practice and at least 24 hours a week of it (LC 139.5; domain.md §4): known facts that
    contradict that certification cannot be issued."""
    rev = case.reviewer
    if rev.board_certified is False and case.is_decided:
        yield Problem(
            "$.reviewer.board_certified", "a decided case needs a board-certified reviewer"
        )
    if rev.years_in_practice is not None and rev.years_in_practice <= 5:
        yield Problem("$.reviewer.years_in_practice", "must be more than 5 years")
    if rev.weekly_hours is not None and rev.weekly_hours < 24:
        yield Problem("$.reviewer.weekly_hours", "must be at least 24 hours a week")


def unique_treatments(case: Case) -> Iterator[Problem]:
    """Each disputed item is decided once (8 CCR 9792.10.6(d)): the same treatment listed
    twice would get two, possibly contradictory, determinations. The same as intake and
    screening compare treatments (`normalise_text`): "MRI, lumbar spine." repeats "MRI
    lumbar spine" in an imported case as on an application."""
    seen: dict[str, int] = {}
    for index, item in enumerate(case.items):
        key = normalise_text(item.treatment)
        if key in seen:
            yield Problem(f"$.items[{index}].treatment", f"repeats items[{seen[key]}]")
        seen.setdefault(key, index)


# Every party a case document names (`openimr.case/1`), in the schema's order.
_PARTIES = (
    "employee", "employer", "claims_administrator", "requesting_physician", "attorney",
    "organization", "medical_group", "facility", "manufacturer", "ur_organization",
    "ur_reviewer",
)  # fmt: skip


def names_hold_a_letter_or_digit(case: Case) -> Iterator[Problem]:
    """Every party's name, disputed treatment and diagnosis holds a letter or digit, the rule
    intake's form and the panel import apply (`core.text.letter_or_digit_problem`), so an
    imported case cannot store what they refuse. "..." names no one to serve a notice on or
    for a reviewer to be free of a tie to (LC 4610.6(f); LC 139.5(d)); tells no treatment
    apart from another for a duplicate or a prior review (8 CCR 9792.10.3(a)(2)), or for
    each item's own determination (8 CCR 9792.10.6(d)); and names no condition for the
    reviewer to be chosen to know (LC 139.5; 8 CCR 9792.10.2)."""
    for path, text, reason in _named(case):
        if text and (problem := letter_or_digit_problem(text, reason)):
            yield Problem(path, problem)


def _named(case: Case) -> Iterator[tuple[str, str | None, str]]:
    """Each name, treatment and diagnosis of the document: its path, its text, and why it
    needs a letter or digit."""
    for party in _PARTIES:
        yield f"$.{party}.name", getattr(case, party).name, NAMES_NO_ONE
    for index, item in enumerate(case.items):
        yield f"$.items[{index}].treatment", item.treatment, TREATMENTS_TOLD_APART
    for index, diagnosis in enumerate(case.diagnoses):
        yield f"$.diagnoses[{index}]", diagnosis, NAMES_NO_DIAGNOSIS


RULES: tuple[Callable[[Case], Iterator[Problem]], ...] = (
    dates_in_order,
    rfa_dates_in_order,
    decided_items_complete,
    decision_needs_a_decision_date,
    reviewer_meets_minimums,
    unique_treatments,
    names_hold_a_letter_or_digit,
)


def case_problems(case: Case) -> list[Problem]:
    """Every rule's problems, in rule order."""
    return [problem for rule in RULES for problem in rule(case)]
