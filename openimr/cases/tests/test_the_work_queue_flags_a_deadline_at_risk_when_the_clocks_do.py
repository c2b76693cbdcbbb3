"""The work queue's "due within 2 days" (its count and its ``?status=at_risk`` filter) and its
overdue ones are the clocks' own status: an expedited case whose records were complete on
Thursday 11/26 at 10:00 Pacific has its determination due Sunday 11/29 (LC 4610.6(d): 3
days, not rolled forward), and on Friday 11/27 `openimr clocks show` says ``at_risk``; the
queue counted from the end of the due day and left the case out until Saturday."""

from datetime import datetime, timedelta

import pytest
import time_machine

from openimr.cases import models
from openimr.cases.selectors import deadline_rows, queue_counts, work_queue
from openimr.cases.services.lifecycle import clock_refresh
from openimr.core.clock import CALIFORNIA

pytestmark = pytest.mark.django_db
COMPLETE = datetime(2026, 11, 26, 10, 0, tzinfo=CALIFORNIA)


@pytest.fixture
def expedited(case):
    row = models.Case.objects.get(case_number=case.case_number)
    row.priority, row.records_complete_at = "expedited", COMPLETE
    clock_refresh(row)
    row.save()
    return row


def _seen_by_the_queue(number: str) -> dict[str, object]:
    return {
        status: (
            number in [c.case_number for c in work_queue(status=status)],
            queue_counts()[status],
        )
        for status in ("overdue", "at_risk")
    }


def test_on_friday_the_queue_counts_and_lists_the_sunday_deadline_as_due_within_2_days(expedited):
    with time_machine.travel(datetime(2026, 11, 27, 9, 0, tzinfo=CALIFORNIA), tick=False):
        (determination,) = deadline_rows(expedited)
        assert (determination["due"].isoformat(), determination["status"]) == (
            "2026-11-29",
            "at_risk",
        )
        assert _seen_by_the_queue(expedited.case_number) == {
            "overdue": (False, 0),
            "at_risk": (True, 1),
        }


def test_the_queue_and_the_clocks_agree_at_every_hour_of_the_clock(expedited):
    number = expedited.case_number
    for hours in range(0, 24 * 5, 1):
        moment = COMPLETE + timedelta(hours=hours, minutes=59, seconds=59)
        with time_machine.travel(moment, tick=False):
            (status,) = [d["status"] for d in deadline_rows(expedited)]
            expected = {s: (status == s, int(status == s)) for s in ("overdue", "at_risk")}
            assert _seen_by_the_queue(number) == expected, moment.isoformat()


def test_clocks_and_statuses_read_in_words_on_the_timeline_and_the_queue():
    # Staff had read "noarfi_due" and "on_track"; the data's name stays beside the words.
    from django.template import Context, Template

    page = Template(
        "{% load case_tags %}{{ 'noarfi_due'|clock_label }}|{{ 'at_risk'|status_label }}"
    ).render(Context())
    assert page == "Notice of Assignment|Due within 2 days"
