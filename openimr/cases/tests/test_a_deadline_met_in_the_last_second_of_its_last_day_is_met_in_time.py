"""A day clock runs through the whole of its last California day (CCP 12). Its end had been
written 23:59:59 sharp, while the instants compared with it keep their microseconds (every
fact is stamped with `now()`): records received at 23:59:59.4 on the last day were reported
late, and a work queue looked at in that last second showed the deadline overdue."""

import importlib
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.apps import apps

from openimr.cases.domain.application import ServiceMethod
from openimr.cases.domain.deadline_status import deadline_status
from openimr.cases.domain.deadlines import ClockFacts, Deadline
from openimr.cases.domain.timeliness import clock_outcomes
from openimr.cases.intake_schema import parse_application
from openimr.cases.models import Case
from openimr.cases.services import application_submit
from openimr.core.case import Priority
from openimr.programs.loader import load_program

upgrade = importlib.import_module("openimr.cases.migrations.0019_next_due_at_last_instant")

PROGRAM = load_program()
PACIFIC = ZoneInfo("America/Los_Angeles")
# A Notice of Assignment e-mailed Friday March 1, 2024: the records are due 12 days on,
# Wednesday March 13.
SENT = datetime(2024, 3, 1, 10, tzinfo=PACIFIC)
LAST_SECOND = datetime(2024, 3, 13, 23, 59, 59, 400_000, tzinfo=PACIFIC)
NEXT_DAY = datetime(2024, 3, 14, 0, 0, 0, tzinfo=PACIFIC)


def _records(complete_at: datetime) -> str:
    facts = ClockFacts(
        priority=Priority.STANDARD,
        eligible_on=date(2024, 2, 29),
        noarfi_sent_at=SENT,
        noarfi_method=ServiceMethod.ELECTRONIC,
        records_complete_at=complete_at,
    )
    outcomes = clock_outcomes(
        facts, PROGRAM, now=datetime(2024, 5, 1, tzinfo=PACIFIC), closed=False
    )
    (records,) = [o for o in outcomes if o.name == "records_due"]
    assert records.due == date(2024, 3, 13)
    return records.status


def test_records_received_in_the_last_second_of_their_last_day_came_in_time():
    assert _records(LAST_SECOND) == "on_time"


def test_records_received_as_the_next_day_begins_came_late():
    assert _records(NEXT_DAY) == "late"


def test_a_deadline_is_not_overdue_in_the_last_second_of_its_last_day():
    deadline = Deadline("records_due", date(2024, 3, 13), "rule", "source")
    assert deadline_status(deadline, LAST_SECOND) == "at_risk"
    assert deadline_status(deadline, NEXT_DAY) == "overdue"


@pytest.mark.django_db
def test_the_upgrade_moves_a_stored_due_day_to_its_last_instant_and_leaves_an_hour_clock(
    application_doc,
):
    with time_machine.travel("2024-03-20 17:00Z", tick=False):
        rows = [
            application_submit(
                form=parse_application(application_doc), via="web", actor="clerk", client="web"
            ).application.case
            for _ in range(2)
        ]
    day, hour = rows
    # As the queue wrote them before: a day clock's end at 23:59:59 sharp, and an hour
    # clock's instant that happens to fall in that last second.
    Case.objects.filter(pk=day.pk).update(
        next_due_at=datetime(2024, 3, 21, 23, 59, 59, tzinfo=PACIFIC)
    )
    at_the_hour = datetime(2024, 3, 21, 23, 59, 59, 250_000, tzinfo=PACIFIC)
    Case.objects.filter(pk=hour.pk).update(next_due_at=at_the_hour)
    upgrade.to_last_instant(apps, None)
    day.refresh_from_db()
    hour.refresh_from_db()
    assert day.next_due_at == datetime(2024, 3, 21, 23, 59, 59, 999_999, tzinfo=PACIFIC)
    assert hour.next_due_at == at_the_hour
