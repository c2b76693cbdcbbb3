"""The rules of the claims administrator's report that it authorized disputed treatment
(8 CCR 9792.10.6(a)), without a database: what it may name, and what it does to a case in
each state."""

from datetime import date

import pytest

from openimr.cases.domain.authorization import (
    AuthorizationReport,
    Effect,
    report_effect,
    report_problems,
)
from openimr.cases.domain.lifecycle import CLOSED, OPEN, State
from openimr.core.errors import Conflict

DISPUTED = ["MRI lumbar spine", "Physical therapy, 12 sessions"]
TODAY, UR = date(2024, 3, 20), date(2024, 3, 1)


def _problems(treatments, on=date(2024, 3, 19)):
    report = AuthorizationReport(tuple(treatments), on)
    found = report_problems(report, disputed=DISPUTED, ur_decision_date=UR, today=TODAY)
    return [(p.path, p.message) for p in found]


@pytest.mark.parametrize(
    ("treatments", "on", "paths"),
    [
        (["mri, LUMBAR spine"], date(2024, 3, 19), []),
        (["MRI lumbar spine"], UR, []),
        (["MRI lumbar spine"], TODAY, []),
        ([], date(2024, 3, 19), ["$.treatments"]),
        (["Knee surgery"], date(2024, 3, 19), ["$.treatments[0]"]),
        (["MRI lumbar spine", "mri lumbar spine"], date(2024, 3, 19), ["$.treatments[1]"]),
        (["MRI lumbar spine"], date(2024, 3, 21), ["$.authorized_on"]),
        (["MRI lumbar spine"], date(2024, 2, 29), ["$.authorized_on"]),
        (["x", "MRI lumbar spine"], date(2025, 1, 1), ["$.treatments[0]", "$.authorized_on"]),
    ],
)
def test_each_problem_is_named_at_its_field(treatments, on, paths):
    assert [path for path, _ in _problems(treatments, on)] == paths


def test_an_unknown_treatment_is_told_the_items_the_case_disputes():
    ((_, message),) = _problems(["Knee surgery"])
    assert message == (
        "is not a disputed item of this case (its items: MRI lumbar spine; "
        "Physical therapy, 12 sessions)"
    )


def test_a_treatment_reported_before_is_said_to_be_authorized_already():
    report = AuthorizationReport(("mri knee",), date(2024, 3, 19))
    found = report_problems(
        report,
        disputed=DISPUTED,
        ur_decision_date=UR,
        today=TODAY,
        authorized={"MRI knee": date(2024, 3, 10)},
    )
    assert [(p.path, p.message) for p in found] == [
        (
            "$.treatments[0]",
            "was reported authorized already (on 2024-03-10) and is no longer disputed",
        )
    ]


def _effect(state, authorized, split=False):
    return report_effect(
        state, disputed=2, authorized=authorized, split_by_item=split, case_number="CM1"
    )


@pytest.mark.parametrize("state", sorted(OPEN))
def test_every_item_authorized_terminates_an_open_case(state):
    assert _effect(state, 2) is Effect.TERMINATED


@pytest.mark.parametrize("state", sorted(CLOSED))
def test_a_closed_case_takes_no_report(state):
    with pytest.raises(Conflict, match="there is no review left to end"):
        _effect(state, 2)


@pytest.mark.parametrize("state", sorted(OPEN - {State.IN_REVIEW, State.QA}))
def test_some_items_leave_the_dispute_before_review_begins(state):
    assert _effect(state, 1) is Effect.ITEMS_REMOVED


@pytest.mark.parametrize("state", [State.IN_REVIEW, State.QA])
def test_some_items_are_refused_once_review_has_begun(state):
    with pytest.raises(Conflict, match="only before review begins"):
        _effect(state, 1)


def test_some_items_are_refused_while_reviewers_are_assigned_item_by_item():
    with pytest.raises(Conflict, match="split between reviewers"):
        _effect(State.ASSIGNED, 1, split=True)
