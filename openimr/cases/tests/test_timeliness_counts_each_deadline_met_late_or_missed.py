"""The timeliness record: each deadline of a case is on time, late, overdue or pending, from
the same facts the clocks count (8 CCR 9792.10.4(b), 9792.10.5(a)(1); LC 4610.6(d)), and the
months count them by the month each fell due. Pure rules: no database."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from openimr.cases.domain.application import ServiceMethod
from openimr.cases.domain.deadlines import ClockFacts
from openimr.cases.domain.timeliness import by_month, clock_outcomes
from openimr.core.case import Priority
from openimr.programs.loader import load_program

PROGRAM = load_program()
LA = ZoneInfo("America/Los_Angeles")


def pacific(day: str, hour: int = 10) -> datetime:
    return datetime.fromisoformat(day).replace(hour=hour, tzinfo=LA)


# Eligible Monday 03/02/2026: the notice is due Tuesday 03/03; mailed that day, the records
# are due 15 days later, Wednesday 03/18; complete Friday 03/20, the determination is due
# 30 days later, Sunday 04/19, which rolls to Monday 04/20.
DECIDED = ClockFacts(
    priority=Priority.STANDARD,
    eligible_on=date(2026, 3, 2),
    noarfi_sent_at=pacific("2026-03-03", 17),
    noarfi_method=ServiceMethod.MAIL,
    records_complete_at=pacific("2026-03-20"),
    determined_at=pacific("2026-04-20", 16),
)


def outcomes(facts, now="2026-06-01", closed=False):
    found = clock_outcomes(facts, PROGRAM, now=pacific(now), closed=closed)
    return {o.name: (o.due, o.status) for o in found}


def test_an_issued_case_reports_each_deadline_met_on_time_or_late():
    assert outcomes(DECIDED, closed=True) == {
        "noarfi_due": (date(2026, 3, 3), "on_time"),
        "records_due": (date(2026, 3, 18), "late"),
        "determination_due": (date(2026, 4, 20), "on_time"),
    }


def test_a_notice_sent_the_day_after_its_last_day_is_late():
    late = ClockFacts(
        Priority.STANDARD, eligible_on=date(2026, 3, 2), noarfi_sent_at=pacific("2026-03-04", 8)
    )
    assert outcomes(late)["noarfi_due"] == (date(2026, 3, 3), "late")


def test_an_unmet_deadline_is_overdue_once_past_and_pending_before():
    waiting = ClockFacts(Priority.STANDARD, eligible_on=date(2026, 3, 2))
    assert outcomes(waiting, now="2026-03-03")["noarfi_due"][1] == "pending"
    assert outcomes(waiting, now="2026-03-04")["noarfi_due"][1] == "overdue"


def test_a_case_closed_before_a_deadline_does_not_count_it():
    withdrawn = ClockFacts(
        Priority.STANDARD,
        eligible_on=date(2026, 3, 2),
        noarfi_sent_at=pacific("2026-03-03"),
        noarfi_method=ServiceMethod.MAIL,
    )
    assert outcomes(withdrawn, closed=True) == {"noarfi_due": (date(2026, 3, 3), "on_time")}


def test_months_count_the_deadlines_by_the_month_they_fell_due():
    waiting = ClockFacts(Priority.STANDARD, eligible_on=date(2026, 3, 2))
    found = [
        *clock_outcomes(DECIDED, PROGRAM, now=pacific("2026-06-01"), closed=True),
        *clock_outcomes(waiting, PROGRAM, now=pacific("2026-06-01"), closed=False),
    ]
    rows = {(r.month, r.name): r for r in by_month(found, PROGRAM)}
    assert sorted(rows) == [
        ("2026-03", "noarfi_due"),
        ("2026-03", "records_due"),
        ("2026-04", "determination_due"),
    ]
    march = rows[("2026-03", "noarfi_due")]
    assert (march.due, march.on_time, march.overdue, march.on_time_share) == (2, 1, 1, 0.5)
    assert rows[("2026-03", "records_due")].on_time_share == 0.0
    assert rows[("2026-04", "determination_due")].on_time_share == 1.0
