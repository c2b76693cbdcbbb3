"""Properties of the calendar and the clocks that hold for every date, count and order of
events, checked on generated inputs (hypothesis): a deadline never falls before its start,
counting skips exactly the weekends and holidays, later starts never give earlier
deadlines, and a case's clocks never raise on facts that could happen."""

from datetime import UTC, date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from openimr.cases.clocks import due_instant
from openimr.cases.domain.application import ServiceMethod
from openimr.cases.domain.deadline_status import deadline_status
from openimr.cases.domain.deadlines import (
    CLOCKS,
    ClockFacts,
    Unit,
    add_business_days,
    add_days,
    add_hours,
    case_deadlines,
    filing_deadline,
    is_business_day,
    local_date,
    next_business_day,
)
from openimr.core.case import Priority
from openimr.core.clock import CALIFORNIA
from openimr.programs.loader import load_program

PROGRAM = load_program()
# No per-example time limit: on a loaded CI machine a slow first example is not a bug.
UNTIMED = settings(deadline=None)
# Dates whose deadlines (at most ~60 days on) stay inside the holiday calendar.
DAYS = st.dates(min_value=date(2013, 1, 1), max_value=date(2035, 10, 31))
DAY_CLOCKS = [name for name in CLOCKS if PROGRAM.rules[name].unit != Unit.HOURS]
HOUR_CLOCKS = [name for name in CLOCKS if PROGRAM.rules[name].unit == Unit.HOURS]
INSTANTS = st.datetimes(
    min_value=datetime(2013, 1, 2), max_value=datetime(2035, 10, 31), timezones=st.just(UTC)
)
RANK = {"on_track": 0, "at_risk": 1, "overdue": 2}


def _business_days_between(start: date, end: date) -> int:
    """Business days in (start, end]."""
    return sum(
        is_business_day(start + timedelta(days=n), PROGRAM)
        for n in range(1, (end - start).days + 1)
    )


@UNTIMED
@given(day=DAYS)
def test_weekends_and_holidays_are_never_business_days(day):
    if day.weekday() >= 5 or day in PROGRAM.holidays:
        assert not is_business_day(day, PROGRAM)
    else:
        assert is_business_day(day, PROGRAM)


@UNTIMED
@given(day=DAYS)
def test_the_next_business_day_is_the_first_on_or_after_the_day(day):
    found = next_business_day(day, PROGRAM)
    assert found >= day and is_business_day(found, PROGRAM)
    skipped = (day + timedelta(days=n) for n in range((found - day).days))
    assert not any(is_business_day(d, PROGRAM) for d in skipped)
    assert next_business_day(found, PROGRAM) == found


@UNTIMED
@given(start=DAYS, n=st.integers(min_value=1, max_value=30))
def test_adding_business_days_counts_exactly_the_business_days(start, n):
    due = add_business_days(start, n, PROGRAM)
    assert due > start and is_business_day(due, PROGRAM)
    assert _business_days_between(start, due) == n


@UNTIMED
@given(start=DAYS, n=st.integers(min_value=0, max_value=29))
def test_one_more_business_day_ends_later(start, n):
    assert add_business_days(start, n + 1, PROGRAM) > add_business_days(start, n, PROGRAM)


@UNTIMED
@given(first=DAYS, gap=st.integers(min_value=0, max_value=40), clock=st.sampled_from(DAY_CLOCKS))
def test_a_later_start_never_gives_an_earlier_deadline(first, gap, clock):
    rule = PROGRAM.rules[clock]
    later = min(first + timedelta(days=gap), date(2035, 10, 31))
    assert add_days(later, rule, PROGRAM) >= add_days(first, rule, PROGRAM)


@UNTIMED
@given(start=DAYS, clock=st.sampled_from(DAY_CLOCKS))
def test_a_day_clock_ends_no_sooner_than_its_count_and_rolls_no_further_than_needed(start, clock):
    rule = PROGRAM.rules[clock]
    due = add_days(start, rule, PROGRAM)
    if rule.unit == Unit.CALENDAR_DAYS:
        plain = start + timedelta(days=rule.count)
        assert due == (next_business_day(plain, PROGRAM) if rule.roll_forward else plain)
    assert due >= start + timedelta(days=rule.count)


@UNTIMED
@given(start=INSTANTS, clock=st.sampled_from(HOUR_CLOCKS), zone=st.timezones())
def test_an_hour_clock_is_an_absolute_duration_in_any_time_zone(start, clock, zone):
    rule = PROGRAM.rules[clock]
    due = add_hours(start.astimezone(zone), rule)
    assert due - start == timedelta(hours=rule.count)


@UNTIMED
@given(day=DAYS, method=st.sampled_from(ServiceMethod))
def test_service_by_mail_never_shortens_the_time_to_file(day, method):
    mailed = filing_deadline(day, ServiceMethod.MAIL, PROGRAM).due
    assert filing_deadline(day, method, PROGRAM).due <= mailed
    assert mailed > day


@st.composite
def _facts(draw):
    """Facts in the order they can happen: eligible, notice sent, records complete, with an
    optional conversion to expedited anywhere after the notice."""
    priority = draw(st.sampled_from(Priority))
    steps = draw(st.integers(min_value=0, max_value=3))
    moments = sorted(draw(st.lists(INSTANTS, min_size=3, max_size=3)))
    eligible = moments[0] if steps >= 1 else None
    sent = moments[1] if steps >= 2 else None
    complete = moments[2] if steps >= 3 else None
    converted = None
    if sent is not None and draw(st.booleans()):
        converted = sent + draw(st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=40)))
    return ClockFacts(
        priority=priority,
        eligible_on=local_date(eligible, PROGRAM) if eligible else None,
        noarfi_sent_at=sent,
        noarfi_method=draw(st.none() | st.sampled_from(ServiceMethod)),
        records_complete_at=complete,
        converted_to_expedited_at=converted,
    )


STARTED_BY = {
    "noarfi_due": lambda f: f.eligible_on,
    "records_due": lambda f: f.noarfi_sent_at,
    "determination_due": lambda f: f.records_complete_at,
}


@settings(max_examples=300, deadline=None)
@given(facts=_facts())
def test_no_case_deadline_falls_before_the_event_that_starts_it(facts):
    deadlines = case_deadlines(facts, PROGRAM)
    assert [d.name for d in deadlines] == [
        name for name in STARTED_BY if STARTED_BY[name](facts) is not None
    ]
    for deadline in deadlines:
        start = STARTED_BY[deadline.name](facts)
        start_day = local_date(start, PROGRAM) if isinstance(start, datetime) else start
        assert due_instant(deadline) >= datetime.combine(start_day, datetime.min.time(), CALIFORNIA)
        assert deadline.rule and deadline.source


@UNTIMED
@given(
    facts=_facts(),
    now=INSTANTS,
    later=st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=90)),
)
def test_a_deadline_only_gets_closer_as_time_passes(facts, now, later):
    for deadline in case_deadlines(facts, PROGRAM):
        before, after = deadline_status(deadline, now), deadline_status(deadline, now + later)
        assert RANK[after] >= RANK[before]


@UNTIMED
@given(day=DAYS)
def test_a_day_deadline_ends_at_the_end_of_that_california_day(day):
    from openimr.cases.domain.deadlines import Deadline

    end = due_instant(Deadline("x", day, "rule", "source"))
    assert end.astimezone(CALIFORNIA).date() == day
    assert (end + timedelta(seconds=1)).astimezone(CALIFORNIA).date() == day + timedelta(days=1)
