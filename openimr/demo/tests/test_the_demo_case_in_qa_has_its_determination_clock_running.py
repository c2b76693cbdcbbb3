"""The demo's case waiting in QA had no records-complete date, so the QA queue and the work
queue showed "—" for its determination due. Its file was complete a few days before the
load, so its clock runs and both queues show when it is due. Recorded once."""

from datetime import timedelta

import pytest

from openimr.audit.models import AuditEvent
from openimr.cases.models import Case
from openimr.cases.selectors import deadline_rows
from openimr.core.clock import local_date, now
from openimr.demo.services import QA_CASE, demo_load
from openimr.demo.tests.conftest import demo_login

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_case_in_qa_shows_its_determination_due_in_both_queues(demo):
    row = Case.objects.get(case_number=QA_CASE)
    today = local_date(now())
    assert row.state == "qa"
    assert today - timedelta(days=14) < row.date_records_complete < today
    (determination,) = [d for d in deadline_rows(row) if d["name"] == "determination_due"]
    assert determination["due"] > today and determination["status"] == "on_track"
    qa_client, _ = demo_login("qa")
    qa_queue = qa_client.get("/review/qa/").content.decode()
    (qa_row,) = [r for r in qa_queue.split("<tr") if QA_CASE in r]
    due = determination["due"]
    assert f"{due:%B} {due.day}, {due.year}" in qa_row
    staff, _ = demo_login("staff")
    queue = staff.get("/cases/queue/").content.decode()
    (queue_row,) = [r for r in queue.split("<tr") if QA_CASE in r]
    assert f"{due:%m/%d/%Y}" in queue_row


def test_a_second_load_writes_nothing_for_the_case_in_qa(demo):
    before = Case.objects.get(case_number=QA_CASE)
    events = AuditEvent.objects.filter(object_id=QA_CASE).count()
    demo_load()
    after = Case.objects.get(case_number=QA_CASE)
    assert (after.records_complete_at, after.next_due_at) == (
        before.records_complete_at,
        before.next_due_at,
    )
    assert AuditEvent.objects.filter(object_id=QA_CASE).count() == events
