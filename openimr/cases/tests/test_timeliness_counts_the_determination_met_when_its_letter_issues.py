"""The determination is due in writing (LC 4610.6(d)): the timeliness report counts it met
when its letter issues, as the clock does, not when the reviewer sent it to QA. A
determination submitted on time and issued after its last day is late; the work queue had
shown it overdue while it waited in QA, and the report must not call it on time after."""

from datetime import UTC, datetime

import pytest
import time_machine

from openimr.cases.clocks import open_deadlines
from openimr.cases.models import Case
from openimr.cases.tests.conftest import decided_through_intake
from openimr.cases.timeliness import timeliness_report
from openimr.core.clock import CALIFORNIA
from openimr.letters.services import letter_issue

pytestmark = pytest.mark.django_db
# Records complete Friday 03/22/2024: the determination is due 30 days on, Sunday 04/21,
# rolled to Monday 04/22. The reviewer submits to QA on 03/24.
RECEIVED = datetime(2024, 3, 20, 17, 0, tzinfo=UTC)
LAST_DAY = datetime(2024, 4, 22, 23, 59, 59, 999_999, tzinfo=CALIFORNIA)


def _issued_on(doc, when):
    row = decided_through_intake(doc, RECEIVED)
    with time_machine.travel(when, tick=False):
        letter_issue(case_number=row.case_number, actor="qa")
    return row


def _determination(row):
    report = timeliness_report(
        first="2024-04", last="2024-04", at=datetime(2024, 5, 1, 9, tzinfo=CALIFORNIA)
    )
    (month,) = [m for m in report.months if m.name == "determination_due"]
    late = [entry for entry in report.late if entry.case_number == row.case_number]
    return month, late


def test_a_letter_issued_after_the_last_day_is_late_though_submitted_in_time(application_doc):
    row = decided_through_intake(application_doc, RECEIVED)
    with time_machine.travel(datetime(2024, 4, 23, 9, tzinfo=CALIFORNIA), tick=False):
        # Waiting in QA past its last day, the queue shows it overdue.
        assert [d.name for d in open_deadlines(Case.objects.get(pk=row.pk))] == [
            "determination_due"
        ]
        letter_issue(case_number=row.case_number, actor="qa")
    month, late = _determination(row)
    assert (month.on_time, month.late, month.overdue) == (0, 1, 0)
    assert late[0].outcome.due_at == LAST_DAY
    assert late[0].outcome.met_at == datetime(2024, 4, 23, 9, tzinfo=CALIFORNIA)


def test_a_letter_issued_on_the_last_day_is_on_time(application_doc):
    row = _issued_on(application_doc, datetime(2024, 4, 22, 16, tzinfo=CALIFORNIA))
    month, late = _determination(row)
    assert (month.on_time, month.late, month.overdue) == (1, 0, 0)
    assert late == []
