"""A reviewer chosen before the records are in can only decide after they arrive: leave that
starts before then, though after the queue's few days from today, makes the reviewer unable
to meet the determination deadline (LC 4610.6(d))."""

from datetime import timedelta

from openimr.reviewers.domain.matching import MatchCase, expected_decision
from openimr.reviewers.tests.builders import TODAY, reviewer
from openimr.reviewers.tests.test_matching import FUSION, NOBODY, reasons, run

# Leave from the tenth to the twentieth day: after a decision counted from today, before
# one counted from records due in two weeks.
LEAVE = ((TODAY + timedelta(days=10), TODAY + timedelta(days=20)),)


def test_leave_before_the_records_are_due_does_not_count_against_a_reviewer():
    away, other = reviewer("R-1", leave=LEAVE), reviewer("R-2", open_cases=5)
    result = run(MatchCase(NOBODY, (FUSION,)), {"R-1": away, "R-2": other})
    assert result.chosen == ("R-1",)


def test_a_reviewer_away_when_the_records_arrive_is_passed_over_for_leave():
    away, other = reviewer("R-1", leave=LEAVE), reviewer("R-2", open_cases=5)
    case = MatchCase(NOBODY, (FUSION,), records_by=TODAY + timedelta(days=14))
    result = run(case, {"R-1": away, "R-2": other})
    assert result.chosen == ("R-2",)
    assert reasons(result)["R-1"] == ["on_leave"]


def test_the_expected_decision_counts_from_the_records_not_from_today():
    r = reviewer("R-1", open_cases=0, capacity_per_week=5)
    records_by = TODAY + timedelta(days=14)
    assert expected_decision(r, TODAY, False, records_by) > records_by
    assert expected_decision(r, TODAY, False, TODAY - timedelta(days=3)) == expected_decision(
        r, TODAY, False
    )
