"""A party asked for information about eligibility answers within 5 business days of
receipt of the request (8 CCR 9792.10.3(c)), counted on California dates with the first day
left out (CCP 12, 12a), 5 calendar days more when the request was mailed (CCP 1013(a)). The
clock is met when staff record the answer or the case leaves screening; a later request
restarts it. The domain alone, and the stored case's view of which clocks are still open."""

from dataclasses import replace
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from openimr.cases import models
from openimr.cases.clocks import open_deadlines
from openimr.cases.domain.application import ServiceMethod
from openimr.cases.domain.deadline_status import DEADLINE_LABELS, deadline_status
from openimr.cases.domain.deadlines import ClockFacts, case_deadlines
from openimr.core.case import Priority
from openimr.programs.loader import load_program

PROGRAM = load_program()
LA = ZoneInfo("America/Los_Angeles")
NAME = "eligibility_information_due"


def _due(requested: datetime, method: ServiceMethod | None) -> date:
    facts = ClockFacts(
        Priority.STANDARD, information_requested_at=requested, information_method=method
    )
    (deadline,) = case_deadlines(facts, PROGRAM)
    assert deadline.name == NAME
    assert isinstance(deadline.due, date)
    return deadline.due


def _pacific(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=LA)


@pytest.mark.parametrize(
    ("requested", "method", "due", "why"),
    [
        ("2024-03-20 10:00", ServiceMethod.ELECTRONIC, "2024-03-27", "a weekend is not counted"),
        (
            "2024-11-25 10:00",
            ServiceMethod.ELECTRONIC,
            "2024-12-04",
            "Thanksgiving and the day after are not business days",
        ),
        (
            "2024-03-20 10:00",
            ServiceMethod.MAIL,
            "2024-04-02",
            "mailed: 5 business days to the 27th, 5 calendar days more to Monday April 1, "
            "Cesar Chavez Day observed, so Tuesday",
        ),
        (
            "2024-06-03 09:00",
            ServiceMethod.MAIL,
            "2024-06-17",
            "mailed: to Monday the 10th, 5 days more is a Saturday, rolled to Monday",
        ),
        (
            "2024-06-03 09:00",
            None,
            "2024-06-17",
            "a method not recorded counts as mail, the regulation's default",
        ),
        (
            "2024-03-20 20:00",
            ServiceMethod.ELECTRONIC,
            "2024-03-27",
            "8 p.m. Pacific is the 21st in UTC, but the law counts the California date",
        ),
    ],
)
def test_the_answer_is_due_five_business_days_after_the_request(requested, method, due, why):
    assert _due(_pacific(requested), method) == date.fromisoformat(due), why


def test_the_count_comes_from_the_program_data_not_the_code():
    rule = replace(PROGRAM.rules["eligibility_information"], count=6)
    program = replace(PROGRAM, rules={**PROGRAM.rules, "eligibility_information": rule})
    facts = ClockFacts(
        Priority.STANDARD,
        information_requested_at=_pacific("2024-03-20 10:00"),
        information_method=ServiceMethod.ELECTRONIC,
    )
    (deadline,) = case_deadlines(facts, program)
    assert deadline.due == date(2024, 3, 28)


def test_a_mailed_request_names_both_rules_and_their_law():
    facts = ClockFacts(
        Priority.STANDARD,
        information_requested_at=_pacific("2024-03-20 10:00"),
        information_method=ServiceMethod.MAIL,
    )
    (deadline,) = case_deadlines(facts, PROGRAM)
    assert deadline.source == "8 CCR 9792.10.3(c); CCP 1013(a)"
    assert "5 business days" in deadline.rule
    assert "served by mail" in deadline.rule
    e_mailed = ClockFacts(
        Priority.STANDARD,
        information_requested_at=_pacific("2024-03-20 10:00"),
        information_method=ServiceMethod.ELECTRONIC,
    )
    assert case_deadlines(e_mailed, PROGRAM)[0].source == "8 CCR 9792.10.3(c)"


def test_no_request_no_clock():
    assert case_deadlines(ClockFacts(Priority.STANDARD), PROGRAM) == ()


def test_the_clock_has_a_name_staff_read():
    assert DEADLINE_LABELS[NAME] == "Eligibility information from a party"


def test_it_is_overdue_the_day_after_its_last_day_and_due_soon_before():
    facts = ClockFacts(
        Priority.STANDARD,
        information_requested_at=_pacific("2024-03-20 10:00"),
        information_method=ServiceMethod.ELECTRONIC,
    )
    (deadline,) = case_deadlines(facts, PROGRAM)
    assert deadline_status(deadline, _pacific("2024-03-21 09:00")) == "on_track"
    assert deadline_status(deadline, _pacific("2024-03-25 09:00")) == "at_risk"
    assert deadline_status(deadline, _pacific("2024-03-27 23:00")) == "at_risk"
    assert deadline_status(deadline, _pacific("2024-03-28 00:01")) == "overdue"


def _held(**facts: object) -> models.Case:
    """A case as stored (not saved: the clocks read only its columns)."""
    fields = {
        "case_number": "CM24-0000001",
        "state": "screening",
        "priority": "standard",
        "information_requested_at": datetime(2024, 3, 20, 17, tzinfo=UTC),
        "information_method": "electronic",
        **facts,
    }
    return models.Case(**fields)


def test_the_clock_is_open_while_the_case_is_held_and_no_answer_is_recorded():
    assert [d.name for d in open_deadlines(_held())] == [NAME]


def test_the_answer_recorded_meets_the_clock():
    answered = _held(information_answered_at=datetime(2024, 3, 22, 17, tzinfo=UTC))
    assert open_deadlines(answered) == []


@pytest.mark.parametrize("outcome", ["deferred", "eligible"])
def test_leaving_screening_meets_the_clock(outcome):
    names = [d.name for d in open_deadlines(_held(state=outcome, eligible_on=date(2024, 3, 25)))]
    assert NAME not in names


def test_a_later_request_restarts_the_clock_from_itself():
    first = _held()
    again = _held(information_requested_at=datetime(2024, 3, 26, 17, tzinfo=UTC))
    assert open_deadlines(first)[0].due == date(2024, 3, 27)
    # Wednesday 27 to Wednesday April 3: Cesar Chavez Day (observed Monday April 1) skipped.
    assert open_deadlines(again)[0].due == date(2024, 4, 3)
