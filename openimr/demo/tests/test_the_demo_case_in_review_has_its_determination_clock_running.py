"""The demo's case in review has its file complete from the day the demo loads, so its
determination clock runs (LC 4610.6(d): 30 days for a standard review): the reviewer's
start page and workspace showed "Determination due: not yet running" / "—", and QA warned
that the records-complete date was missing. Recorded once: a second load changes nothing."""

from datetime import timedelta

import pytest

from openimr.audit.models import AuditEvent
from openimr.cases.models import Case
from openimr.cases.selectors import deadline_rows
from openimr.core.clock import local_date, now
from openimr.demo.services import REVIEW_CASE, demo_load
from openimr.demo.tests.conftest import demo_login

pytestmark = pytest.mark.django_db(transaction=True)


def _long(day) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def test_the_case_in_review_is_due_30_days_after_the_day_it_loaded(demo):
    row = Case.objects.get(case_number=REVIEW_CASE)
    today = local_date(now())
    assert row.state == "in_review" and row.priority == "standard"
    assert row.date_records_complete == today
    (determination,) = [d for d in deadline_rows(row) if d["name"] == "determination_due"]
    # 30 days, moved to the next business day when the 30th is not one (CCP 12a).
    assert today + timedelta(days=30) <= determination["due"] <= today + timedelta(days=34)
    assert determination["status"] == "on_track"
    assert "LC 4610.6(d)" in determination["source"]
    client, start = demo_login("reviewer")
    due = _long(determination["due"])
    assert due in start.content.decode()
    workspace = client.get(f"/review/{REVIEW_CASE}/").content.decode()
    assert f"Determination due: <strong>{due}</strong>" in workspace
    assert "not yet running" not in workspace


def test_a_second_load_records_the_file_complete_no_second_time(demo):
    before = Case.objects.get(case_number=REVIEW_CASE)
    events = AuditEvent.objects.filter(object_id=REVIEW_CASE).count()
    demo_load()
    after = Case.objects.get(case_number=REVIEW_CASE)
    assert (after.records_complete_at, after.date_records_complete, after.next_due_at) == (
        before.records_complete_at,
        before.date_records_complete,
        before.next_due_at,
    )
    assert AuditEvent.objects.filter(object_id=REVIEW_CASE).count() == events
