"""The case rules, on the domain model alone (no database, no JSON)."""

from dataclasses import replace
from datetime import date

import pytest

from openimr.cases.domain.rules import case_problems
from openimr.core.case import Case, Category, Dates, Decision, Item, ReviewerQualifications

ITEM = Item(
    "MRI lumbar spine", Category.DIAGNOSTICS, decision=Decision.UPHELD, rationale="Not needed."
)
DECIDED = Case(
    "CM16-0000001",
    dates=Dates(
        injury=date(2015, 1, 5),
        ur_decision=date(2016, 1, 5),
        application_received=date(2016, 1, 20),
        assigned=date(2016, 1, 21),
        records_complete=date(2016, 2, 1),
        decision=date(2016, 2, 10),
    ),
    items=(ITEM,),
)


def _paths(case):
    return [p.path for p in case_problems(case)]


def test_a_complete_decided_case_keeps_every_rule():
    assert case_problems(DECIDED) == []


@pytest.mark.parametrize(
    ("dates", "path"),
    [
        ({"ur_decision": date(2014, 1, 1)}, "$.dates.ur_decision"),
        ({"application_received": date(2016, 1, 4)}, "$.dates.application_received"),
        ({"assigned": date(2016, 1, 19)}, "$.dates.assigned"),
        ({"decision": date(2016, 1, 31)}, "$.dates.decision"),
    ],
)
def test_dates_cannot_run_backwards(dates, path):
    assert path in _paths(replace(DECIDED, dates=replace(DECIDED.dates, **dates)))


def test_same_day_events_are_in_order():
    same = replace(DECIDED.dates, application_received=date(2016, 1, 5), assigned=date(2016, 1, 5))
    assert case_problems(replace(DECIDED, dates=same)) == []


def test_missing_dates_are_not_compared():
    assert case_problems(replace(DECIDED, dates=Dates(decision=date(2016, 2, 10)))) == []


@pytest.mark.parametrize(
    ("qualifications", "path"),
    [
        (ReviewerQualifications(board_certified=False), "$.reviewer.board_certified"),
        (ReviewerQualifications(years_in_practice=5), "$.reviewer.years_in_practice"),
        (ReviewerQualifications(weekly_hours=23.5), "$.reviewer.weekly_hours"),
    ],
)
def test_reviewer_below_the_certified_minimums_is_refused(qualifications, path):
    assert _paths(replace(DECIDED, reviewer=qualifications)) == [path]


def test_reviewer_just_over_the_minimums_passes():
    reviewer = ReviewerQualifications(board_certified=True, years_in_practice=6, weekly_hours=24)
    assert case_problems(replace(DECIDED, reviewer=reviewer)) == []


def test_treatments_differing_only_in_case_and_spacing_are_duplicates():
    twin = replace(ITEM, treatment="MRI  LUMBAR spine")
    assert _paths(replace(DECIDED, items=(ITEM, twin))) == ["$.items[1].treatment"]


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        ({"items": (ITEM, replace(ITEM, treatment="..."))}, "$.items[1].treatment"),
        ({"items": (replace(ITEM, treatment="\u200b-\u0301"),)}, "$.items[0].treatment"),
        ({"diagnoses": ("M54.2 Cervicalgia", "?!")}, "$.diagnoses[1]"),
    ],
)
def test_a_treatment_or_diagnosis_of_punctuation_alone_is_refused(changes, path):
    assert path in _paths(replace(DECIDED, **changes))


def test_a_treatment_or_diagnosis_with_one_letter_or_digit_is_kept():
    items = (replace(ITEM, treatment="C.T. -- (head)"),)
    assert case_problems(replace(DECIDED, items=items, diagnoses=("R51.9 ???", "--x--"))) == []
