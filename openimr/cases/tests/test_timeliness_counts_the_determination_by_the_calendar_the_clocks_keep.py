"""The timeliness report judges each determination against the last day the clocks give:
30 days rolled past a weekend and state holidays (CCP 12, 12a; Thanksgiving and the day
after are both state holidays), 5 working days for a formulary dispute (LC 4610.6(d)(1)(A)),
3 days for an expedited review that do not roll (LC 4610.6(d)); a letter issued at 23:59 of
the last day is on time, one a minute after midnight late. Pure rules: no database."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from openimr.cases.domain.deadlines import ClockFacts
from openimr.cases.domain.timeliness import clock_outcomes
from openimr.core.case import Priority
from openimr.programs.loader import load_program

PROGRAM = load_program()
LA = ZoneInfo("America/Los_Angeles")


def at(day: str, hour: int = 10, minute: int = 0) -> datetime:
    return datetime.fromisoformat(day).replace(hour=hour, minute=minute, tzinfo=LA)


def determination(priority, complete, issued=None, now="2027-01-31"):
    facts = ClockFacts(priority, records_complete_at=at(complete), determined_at=issued)
    found = clock_outcomes(facts, PROGRAM, now=at(now), closed=issued is not None)
    (outcome,) = [o for o in found if o.name == "determination_due"]
    return outcome.due, outcome.status


@pytest.mark.parametrize(
    ("priority", "complete", "due"),
    [
        # 30 days from Tue 10/27/2026 is Thanksgiving (11/26); the day after is a state
        # holiday too, then the weekend: Monday 11/30.
        (Priority.STANDARD, "2026-10-27", date(2026, 11, 30)),
        # From Wed 11/25/2026, 5 working days skip Thanksgiving, the day after and the weekend.
        (Priority.FORMULARY, "2026-11-25", date(2026, 12, 4)),
        # Expedited: Mon 11/23 + 3 days is Thanksgiving, and it does not roll.
        (Priority.EXPEDITED, "2026-11-23", date(2026, 11, 26)),
        # 30 days from Sat 6/5/2027 is Mon 7/5/2027, Independence Day observed: Tuesday.
        (Priority.STANDARD, "2027-06-05", date(2027, 7, 6)),
    ],
)
def test_the_last_day_is_the_clocks_own(priority, complete, due):
    assert determination(priority, complete)[0] == due


def test_a_letter_issued_at_2359_of_the_last_day_is_on_time_and_after_midnight_late():
    last = determination(Priority.STANDARD, "2026-10-27", at("2026-11-30", 23, 59))
    assert last == (date(2026, 11, 30), "on_time")
    after = determination(Priority.STANDARD, "2026-10-27", at("2026-12-01", 0, 1))
    assert after == (date(2026, 11, 30), "late")


def test_an_expedited_letter_on_the_holiday_it_was_due_is_on_time_and_the_next_day_late():
    assert determination(Priority.EXPEDITED, "2026-11-23", at("2026-11-26", 23, 59))[1] == (
        "on_time"
    )
    assert determination(Priority.EXPEDITED, "2026-11-23", at("2026-11-27", 9))[1] == "late"
