"""The calendar and the clocks of a case, on the domain alone (no database)."""

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from openimr.cases.domain.application import ServiceMethod
from openimr.cases.domain.deadline_status import deadline_status
from openimr.cases.domain.deadlines import (
    CLOCKS,
    ClockFacts,
    Deadline,
    Unit,
    add_business_days,
    add_days,
    add_hours,
    case_deadlines,
    filing_deadline,
    is_business_day,
    local_date,
)
from openimr.core.case import Priority
from openimr.core.errors import InvalidInput
from openimr.programs.loader import (
    PROGRAMS_DIR,
    load_program,
)

PROGRAM = load_program()
LA = ZoneInfo("America/Los_Angeles")
CA_DIR = PROGRAMS_DIR / "ca_dwc_imr"
D = date.fromisoformat


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def pacific(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=LA)


# --- the holiday calendar -------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "business", "why"),
    [
        ("2024-11-28", False, "Thanksgiving"),
        ("2024-11-29", False, "the day after Thanksgiving"),
        ("2022-12-26", False, "Christmas on a Sunday is observed Monday"),
        ("2024-04-01", False, "Cesar Chavez Day on a Sunday is observed Monday"),
        ("2023-11-10", False, "Veterans Day on a Saturday is observed the Friday before"),
        ("2021-12-24", True, "other Saturday holidays are not moved: offices open Friday"),
        ("2021-12-31", True, "New Year's Day 2022 fell on a Saturday"),
        ("2024-06-19", True, "Juneteenth: state offices stay open"),
        ("2024-09-27", True, "Native American Day: state offices stay open"),
        ("2024-10-14", True, "Columbus Day: no longer a state holiday"),
        ("2024-02-15", True, "Susan B. Anthony Day is commemorative"),
        ("2024-06-01", False, "a Saturday"),
        ("2024-06-02", False, "a Sunday"),
        ("2024-06-03", True, "a Monday"),
    ],
)
def test_business_days_are_weekdays_when_state_offices_open(day, business, why):
    assert is_business_day(D(day), PROGRAM) is business, why


def test_the_holiday_file_is_what_the_script_generates():
    pytest.importorskip("holidays")
    from openimr.programs.ca_dwc_imr.make_holidays import render

    assert (CA_DIR / "holidays.json").read_text(encoding="utf-8") == render()


def test_a_date_outside_the_holiday_calendar_is_refused():
    with pytest.raises(InvalidInput, match="outside the holiday calendar"):
        is_business_day(D("2036-01-02"), PROGRAM)


@pytest.mark.parametrize(
    ("start", "n", "expected", "why"),
    [
        ("2024-05-23", 5, "2024-05-31", "over Memorial Day weekend"),
        ("2024-08-30", 1, "2024-09-03", "over Labor Day weekend"),
        ("2024-11-27", 1, "2024-12-02", "over Thanksgiving and the day after"),
        ("2024-12-24", 1, "2024-12-26", "over Christmas"),
        ("2024-06-05", 0, "2024-06-05", "zero days is the start"),
    ],
)
def test_business_days_skip_weekends_and_holidays(start, n, expected, why):
    assert add_business_days(D(start), n, PROGRAM) == D(expected), why


def test_a_rule_without_roll_forward_may_end_on_a_weekend():
    rule = replace(PROGRAM.rules["application_filing"], roll_forward=False)
    assert add_days(D("2024-05-02"), rule, PROGRAM) == D("2024-06-01")


def test_day_and_hour_clocks_are_not_mixed_up():
    with pytest.raises(ValueError, match="hours"):
        add_days(D("2024-05-02"), PROGRAM.rules["records_expedited"], PROGRAM)
    with pytest.raises(ValueError, match="not hours"):
        add_hours(utc("2024-05-02T00:00"), PROGRAM.rules["noarfi"])


# --- the filing deadline --------------------------------------------------------------


@pytest.mark.parametrize(
    ("ur_decision", "method", "last_day", "why"),
    [
        ("2024-05-01", ServiceMethod.ELECTRONIC, "2024-05-31", "a 30th day on a Friday stays"),
        ("2024-05-02", ServiceMethod.ELECTRONIC, "2024-06-03", "a Saturday rolls to Monday"),
        ("2024-05-03", ServiceMethod.ELECTRONIC, "2024-06-03", "a Sunday rolls to Monday"),
        ("2024-10-30", ServiceMethod.ELECTRONIC, "2024-12-02", "the day after Thanksgiving"),
        ("2024-10-29", ServiceMethod.FAX, "2024-12-02", "Thanksgiving, then Friday, weekend"),
        ("2022-11-26", ServiceMethod.PERSONAL, "2022-12-27", "Christmas observed on Monday"),
        (
            "2021-11-24",
            ServiceMethod.ELECTRONIC,
            "2021-12-24",
            "Friday before a Saturday Christmas",
        ),
        ("2023-10-11", ServiceMethod.ELECTRONIC, "2023-11-13", "Veterans Day observed Friday"),
        ("2024-03-01", ServiceMethod.ELECTRONIC, "2024-04-02", "Cesar Chavez Sunday and Monday"),
        ("2024-03-01", ServiceMethod.MAIL, "2024-04-05", "served by mail: 35 days"),
        ("2024-05-01", ServiceMethod.MAIL, "2024-06-05", "by mail, no roll needed"),
        ("2024-12-10", ServiceMethod.ELECTRONIC, "2025-01-09", "across the year end"),
        ("2024-12-02", ServiceMethod.ELECTRONIC, "2025-01-02", "New Year's Day rolls"),
        ("2024-11-27", ServiceMethod.MAIL, "2025-01-02", "by mail onto New Year's Day"),
    ],
)
def test_the_last_day_to_file(ur_decision, method, last_day, why):
    assert filing_deadline(D(ur_decision), method, PROGRAM).due == D(last_day), why


def test_the_filing_deadline_names_its_rule_and_law():
    electronic = filing_deadline(D("2024-05-01"), ServiceMethod.ELECTRONIC, PROGRAM)
    mailed = filing_deadline(D("2024-05-01"), ServiceMethod.MAIL, PROGRAM)
    assert electronic == Deadline(
        "filing_due",
        D("2024-05-31"),
        "30 days from service of the UR decision",
        "LC 4610.5(h)(1); 8 CCR 9792.10.1(b)(1)",
    )
    assert "by mail" in mailed.rule
    assert mailed.source.endswith("CCP 1013(a)")


# --- the clocks of a case -------------------------------------------------------------

ELIGIBLE = ClockFacts(Priority.STANDARD, eligible_on=D("2024-03-01"))
ASSIGNED = replace(
    ELIGIBLE, noarfi_sent_at=utc("2024-03-04T17:00"), noarfi_method=ServiceMethod.MAIL
)


def _due(facts: ClockFacts, name: str) -> date | datetime:
    return next(d for d in case_deadlines(facts, PROGRAM) if d.name == name).due


@pytest.mark.parametrize(
    ("eligible_on", "due", "why"),
    [
        ("2024-03-04", "2024-03-05", "Monday to Tuesday"),
        ("2024-01-12", "2024-01-16", "Friday before Martin Luther King Jr. Day"),
        ("2024-02-16", "2024-02-20", "Friday before Presidents' Day"),
        ("2024-11-27", "2024-12-02", "the eve of Thanksgiving"),
    ],
)
def test_the_notice_of_assignment_is_due_one_business_day_after_eligibility(eligible_on, due, why):
    facts = ClockFacts(Priority.STANDARD, eligible_on=D(eligible_on))
    assert _due(facts, "noarfi_due") == D(due), why


@pytest.mark.parametrize(
    ("sent_at", "method", "due", "why"),
    [
        ("2024-03-04T17:00", ServiceMethod.MAIL, "2024-03-19", "15 days after mailing"),
        ("2024-03-04T17:00", None, "2024-03-19", "an unknown method counts as mail"),
        ("2024-03-04T17:00", ServiceMethod.ELECTRONIC, "2024-03-18", "12 days, Sat to Mon"),
        ("2024-03-04T17:00", ServiceMethod.FAX, "2024-03-18", "fax is electronic"),
        ("2024-03-05T03:00", ServiceMethod.MAIL, "2024-03-19", "the 5th in UTC, the 4th here"),
    ],
)
def test_records_are_due_15_days_after_a_mailed_notice_12_after_an_electronic_one(
    sent_at, method, due, why
):
    facts = replace(ELIGIBLE, noarfi_sent_at=utc(sent_at), noarfi_method=method)
    assert _due(facts, "records_due") == D(due), why


@pytest.mark.parametrize(
    ("sent_local", "due_utc", "due_local", "why"),
    [
        ("2024-03-09T10:00", "2024-03-10T18:00", "2024-03-10T11:00", "spring forward: 11:00"),
        ("2024-11-02T10:00", "2024-11-03T17:00", "2024-11-03T09:00", "fall back: 09:00"),
        ("2024-06-14T10:00", "2024-06-15T17:00", "2024-06-15T10:00", "no change: 10:00"),
    ],
)
def test_expedited_records_are_due_24_absolute_hours_after_the_notice(
    sent_local, due_utc, due_local, why
):
    facts = ClockFacts(
        Priority.EXPEDITED, eligible_on=D(sent_local[:10]), noarfi_sent_at=pacific(sent_local)
    )
    due = _due(facts, "records_due")
    assert due == utc(due_utc)
    assert due.tzinfo is UTC
    assert due - pacific(sent_local) == timedelta(hours=24)
    assert due.astimezone(LA).replace(tzinfo=None) == datetime.fromisoformat(due_local), why


@pytest.mark.parametrize(
    ("priority", "complete_at", "due", "why"),
    [
        (Priority.STANDARD, "2024-03-04T20:00", "2024-04-03", "30 days"),
        (Priority.STANDARD, "2024-03-05T03:00", "2024-04-03", "counted from the local date"),
        (Priority.STANDARD, "2024-10-30T20:00", "2024-12-02", "30th day after Thanksgiving"),
        (Priority.FORMULARY, "2024-05-23T20:00", "2024-05-31", "5 business days, Memorial Day"),
        (Priority.EXPEDITED, "2024-03-06T20:00", "2024-03-09", "3 days, kept on a Saturday"),
    ],
)
def test_the_determination_is_due_from_the_complete_records(priority, complete_at, due, why):
    facts = replace(ASSIGNED, priority=priority, records_complete_at=utc(complete_at))
    assert _due(facts, "determination_due") == D(due), why


@pytest.mark.parametrize(
    ("facts", "names"),
    [
        (ClockFacts(Priority.STANDARD), []),
        (ELIGIBLE, ["noarfi_due"]),
        (ASSIGNED, ["noarfi_due", "records_due"]),
        (
            replace(ASSIGNED, records_complete_at=utc("2024-03-10T20:00")),
            ["noarfi_due", "records_due", "determination_due"],
        ),
    ],
)
def test_each_clock_starts_with_its_event_and_met_ones_stay_listed(facts, names):
    assert [d.name for d in case_deadlines(facts, PROGRAM)] == names


CONVERTED = replace(ASSIGNED, converted_to_expedited_at=utc("2024-03-05T20:00"))


@pytest.mark.parametrize(
    ("facts", "records_due", "determination_due", "records_converted"),
    [
        (CONVERTED, utc("2024-03-06T20:00"), None, True),
        (
            replace(CONVERTED, records_complete_at=utc("2024-03-06T18:00")),
            utc("2024-03-06T20:00"),
            D("2024-03-09"),
            True,
        ),
        (
            replace(CONVERTED, records_complete_at=utc("2024-03-04T18:00")),
            D("2024-03-19"),
            D("2024-03-08"),
            False,
        ),
    ],
    ids=["records awaited", "records after conversion", "records before conversion"],
)
def test_a_conversion_to_expedited_recomputes_the_clocks(
    facts, records_due, determination_due, records_converted
):
    found = {d.name: d for d in case_deadlines(facts, PROGRAM)}
    assert found["records_due"].due == records_due
    assert found["records_due"].converted is records_converted
    if determination_due is None:
        assert "determination_due" not in found
        return
    determination = found["determination_due"]
    assert determination.due == determination_due
    assert determination.converted
    assert "expedited on 2024-03-05" in determination.rule
    assert determination.source.endswith("8 CCR 9792.10.4(c)")


@pytest.mark.parametrize("closing", ["terminated_at", "determined_at"])
def test_a_terminated_or_determined_review_has_no_deadlines(closing):
    busy = replace(CONVERTED, records_complete_at=utc("2024-03-06T18:00"))
    assert case_deadlines(busy, PROGRAM)
    assert case_deadlines(replace(busy, **{closing: utc("2024-03-07T18:00")}), PROGRAM) == ()


def test_every_case_deadline_carries_its_rule_text_and_source():
    facts = replace(ASSIGNED, records_complete_at=utc("2024-03-10T20:00"))
    for deadline in case_deadlines(facts, PROGRAM):
        assert deadline.rule and deadline.source
    assert [d.source for d in case_deadlines(facts, PROGRAM)] == [
        "8 CCR 9792.10.4(b)",
        "8 CCR 9792.10.5(a)(1)",
        "LC 4610.6(d)",
    ]


def test_clock_facts_refuse_a_naive_datetime():
    with pytest.raises(InvalidInput) as raised:
        ClockFacts(Priority.STANDARD, noarfi_sent_at=datetime(2024, 3, 4, 9))
    assert [p.path for p in raised.value.problems] == ["$.noarfi_sent_at"]


def test_local_dates_are_california_dates():
    assert local_date(utc("2024-03-05T03:00"), PROGRAM) == D("2024-03-04")
    assert local_date(utc("2024-03-05T09:00"), PROGRAM) == D("2024-03-05")


# --- deadline status ------------------------------------------------------------------

ON_DAY = Deadline("records_due", D("2024-03-10"), "rule", "source")
AT_INSTANT = Deadline("records_due", utc("2024-03-10T18:00"), "rule", "source")


@pytest.mark.parametrize(
    ("deadline", "now", "status"),
    [
        (ON_DAY, pacific("2024-03-11T00:00:01"), "overdue"),
        (ON_DAY, pacific("2024-03-10T23:59:59"), "at_risk"),
        (ON_DAY, utc("2024-03-11T06:00"), "at_risk"),  # still the 10th in California
        (ON_DAY, pacific("2024-03-08T00:00"), "at_risk"),
        (ON_DAY, pacific("2024-03-07T23:59"), "on_track"),
        (AT_INSTANT, utc("2024-03-10T18:00:01"), "overdue"),
        (AT_INSTANT, utc("2024-03-10T18:00"), "at_risk"),
        # An hour clock is at risk on the same dates as a day clock: from the start of the
        # California day two days before the one it runs out on (the 8th, 08:00 UTC).
        (AT_INSTANT, utc("2024-03-08T08:00"), "at_risk"),
        (AT_INSTANT, utc("2024-03-08T07:59:59"), "on_track"),
    ],
)
def test_deadline_status_boundaries(deadline, now, status):
    assert deadline_status(deadline, now) == status


def test_deadline_status_needs_an_aware_now():
    with pytest.raises(InvalidInput):
        deadline_status(ON_DAY, datetime(2024, 3, 10, 12))


# --- properties -----------------------------------------------------------------------


@given(
    start=st.dates(min_value=date(2013, 1, 1), max_value=date(2034, 12, 31)),
    clock=st.sampled_from(CLOCKS),
)
def test_a_due_date_is_never_before_its_start_and_rolls_onto_a_business_day(start, clock):
    rule = PROGRAM.rules[clock]
    if rule.unit == Unit.HOURS:
        begin = datetime.combine(start, time(12), tzinfo=LA)
        assert add_hours(begin, rule) >= begin
        return
    due = add_days(start, rule, PROGRAM)
    assert due >= start
    if rule.roll_forward:
        assert is_business_day(due, PROGRAM)
