"""The dates an issued letter starts: implementing an overturn (8 CCR 9792.10.7(a)) and
appealing to the WCAB (LC 4610.6(h)), on the real California holidays and clocks."""

import json
import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from openimr.core.case import Decision
from openimr.core.errors import InvalidInput
from openimr.review.domain.implementation import (
    Deadline,
    Served,
    Service,
    appeal_deadline,
    clocks_from,
    count_period,
    deadline_sentence,
    implementation_deadlines,
    letter_deadlines,
    received_on,
)

PROGRAM = Path(__file__).resolve().parents[2] / "programs" / "ca_dwc_imr"
HOLIDAYS = frozenset(
    date.fromisoformat(row["date"])
    for row in json.loads((PROGRAM / "holidays.json").read_text(encoding="utf-8"))
)
D = date.fromisoformat
UP, OVER = Decision.UPHELD, Decision.OVERTURNED
MAIL, ELECTRONIC = Service.MAIL, Service.ELECTRONIC


@dataclass(frozen=True)
class Rule:
    count: int
    unit: str
    roll_forward: bool
    text: str
    source: str


def _program_rules():
    tables = tomllib.loads((PROGRAM / "clocks.toml").read_text(encoding="utf-8"))
    return {name: Rule(**table) for name, table in tables.items()}


CLOCKS = clocks_from(_program_rules())


def _dues(decisions, served_on, method):
    found = letter_deadlines(
        decisions, Served(D(served_on), method), holidays=HOLIDAYS, clocks=CLOCKS
    )
    return {d.name: d.due.isoformat() for d in found}


@pytest.mark.parametrize(
    ("served_on", "method", "authorize", "reimburse", "appeal"),
    [
        # Friday 2014-02-28: the five working days are the next week.
        ("2014-02-28", ELECTRONIC, "2014-03-07", "2014-03-20", "2014-04-01"),
        # Friday before Martin Luther King Jr. Day (Monday 2024-01-15): the Monday is skipped;
        # the appeal's 30th day is a Sunday and runs to Monday.
        ("2024-01-12", ELECTRONIC, "2024-01-22", "2024-02-01", "2024-02-12"),
        # Mailed: received Wednesday 1/17; the appeal gets 35 days.
        ("2024-01-12", MAIL, "2024-01-24", "2024-02-06", "2024-02-16"),
        # Year end: Christmas and New Year's Day are skipped.
        ("2024-12-24", ELECTRONIC, "2025-01-02", "2025-01-13", "2025-01-23"),
        # Mailed at year end: received Sunday 12/29; the 20th day is Saturday 1/18, Monday
        # 1/20 is Martin Luther King Jr. Day, so payment is due Tuesday 1/21.
        ("2024-12-24", MAIL, "2025-01-06", "2025-01-21", "2025-01-28"),
        # Thanksgiving and the day after are not working days.
        ("2024-11-22", ELECTRONIC, "2024-12-03", "2024-12-12", "2024-12-23"),
        # Mailed: the appeal's 35th day is Veterans Day (Monday 11/11) and runs to Tuesday.
        ("2024-10-07", MAIL, "2024-10-18", "2024-11-01", "2024-11-12"),
        # Fax and personal service carry no mail extension.
        ("2024-01-12", Service.FAX, "2024-01-22", "2024-02-01", "2024-02-12"),
        ("2024-01-12", Service.PERSONAL, "2024-01-22", "2024-02-01", "2024-02-12"),
    ],
)
def test_an_overturn_sets_authorization_payment_and_appeal_dates(
    served_on, method, authorize, reimburse, appeal
):
    assert _dues([UP, OVER], served_on, method) == {
        "authorize_by": authorize,
        "reimburse_by": reimburse,
        "appeal_by": appeal,
    }


@pytest.mark.parametrize(
    "decisions",
    [[UP], [UP, UP], [UP, None], []],
    ids=["one upheld", "all upheld", "upheld and undecided", "no items"],
)
def test_a_letter_without_an_overturn_sets_only_the_appeal(decisions):
    assert _dues(decisions, "2024-01-12", ELECTRONIC) == {"appeal_by": "2024-02-12"}
    served = Served(D("2024-01-12"), MAIL)
    assert implementation_deadlines(decisions, served, holidays=HOLIDAYS, clocks=CLOCKS) == ()


@pytest.mark.parametrize(
    ("served_on", "method", "received"),
    [
        ("2024-01-12", ELECTRONIC, "2024-01-12"),
        ("2024-01-12", Service.FAX, "2024-01-12"),
        ("2024-01-12", MAIL, "2024-01-17"),
        ("2024-12-24", MAIL, "2024-12-29"),
    ],
)
def test_a_mailed_letter_is_received_five_days_after_mailing(served_on, method, received):
    assert received_on(Served(D(served_on), method), CLOCKS) == D(received)


def test_each_deadline_carries_its_rule_source_and_start():
    served = Served(D("2024-01-12"), MAIL)
    authorize, reimburse, appeal = letter_deadlines(
        [OVER], served, holidays=HOLIDAYS, clocks=CLOCKS
    )
    assert authorize == Deadline(
        "authorize_by",
        D("2024-01-24"),
        "5 working days from receipt of the determination to authorize the treatment; "
        "a mailed letter is received 5 days after mailing",
        "8 CCR 9792.10.7(a); CCP 1013(a)",
        "5 working days",
        D("2024-01-17"),
    )
    assert (reimburse.period, reimburse.counted_from) == ("20 days", D("2024-01-17"))
    assert appeal.source == "LC 4610.6(h); 8 CCR 10575(c); CCP 1013(a)"
    assert appeal.counted_from == D("2024-01-12")


@pytest.mark.parametrize(
    ("served_on", "method", "name", "sentence"),
    [
        (
            "2014-02-28",
            ELECTRONIC,
            "authorize_by",
            "Overturned items must be authorized by March 7, 2014 "
            "(5 working days, 8 CCR 9792.10.7(a)).",
        ),
        (
            "2014-02-28",
            ELECTRONIC,
            "reimburse_by",
            "Overturned items already provided must be paid for by March 20, 2014 "
            "(20 days, 8 CCR 9792.10.7(a)).",
        ),
        (
            "2014-02-28",
            MAIL,
            "appeal_by",
            "An appeal to the Workers' Compensation Appeals Board must be filed by April 4, "
            "2014 (30 days and 5 more for service by mail, LC 4610.6(h); 8 CCR 10575(c); "
            "CCP 1013(a)).",
        ),
    ],
)
def test_the_letter_states_each_deadline_in_one_sentence(served_on, method, name, sentence):
    found = letter_deadlines([OVER], Served(D(served_on), method), holidays=HOLIDAYS, clocks=CLOCKS)
    assert deadline_sentence(next(d for d in found if d.name == name)) == sentence


@pytest.mark.parametrize(
    ("start", "count", "unit", "roll", "due"),
    [
        ("2024-06-07", 1, "business_days", True, "2024-06-10"),
        ("2024-06-08", 1, "business_days", True, "2024-06-10"),
        ("2024-07-03", 1, "business_days", True, "2024-07-05"),
        ("2024-06-07", 0, "business_days", True, "2024-06-07"),
        ("2024-06-07", 1, "calendar_days", True, "2024-06-10"),
        ("2024-06-07", 1, "calendar_days", False, "2024-06-08"),
        ("2024-06-07", 3, "calendar_days", True, "2024-06-10"),
    ],
    ids=[
        "Friday to Monday",
        "counted from a Saturday",
        "over Independence Day",
        "no days",
        "a Saturday rolls to Monday",
        "no roll when the rule says so",
        "a Monday stays",
    ],
)
def test_counting_skips_the_first_day_and_rolls_off_weekends_and_holidays(
    start, count, unit, roll, due
):
    assert count_period(D(start), count, unit, roll, HOLIDAYS) == D(due)


@pytest.mark.parametrize("served_on", ["2035-12-20", "2012-12-20"])
def test_a_date_outside_the_holiday_calendar_is_refused(served_on):
    served = Served(D(served_on), ELECTRONIC)
    with pytest.raises(InvalidInput, match="outside the holiday calendar"):
        appeal_deadline(served, holidays=HOLIDAYS, clocks=CLOCKS)


def test_without_holidays_only_weekends_are_skipped():
    served = Served(D("2024-12-24"), ELECTRONIC)
    [authorize, _] = implementation_deadlines([OVER], served, holidays=frozenset(), clocks=CLOCKS)
    assert authorize.due == D("2024-12-31")
