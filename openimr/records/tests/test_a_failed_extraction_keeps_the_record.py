"""When the worker cannot read a stored record, the record stays, marked failed with the
reason for staff to see; reading it again once the cause is fixed completes it."""

from pathlib import Path

import pytest
from django.conf import settings as django_settings

from openimr.audit.models import AuditEvent
from openimr.records import services
from openimr.records.models import Record
from openimr.records.tests.receiving import DUMMY, IMMEDIATE

pytestmark = pytest.mark.django_db


@pytest.fixture
def pending(receive, settings):
    settings.TASKS = DUMMY
    record = receive("Progress note. Date of service: 02/19/2014.")
    settings.TASKS = IMMEDIATE
    return record


def test_a_missing_file_marks_the_record_failed_with_the_reason(pending):
    stored = Path(django_settings.MEDIA_ROOT) / pending.file_path
    stored.rename(stored.with_suffix(".moved"))
    assert services.record_extract.call(pending.pk) == "failed"
    record = Record.objects.get(pk=pending.pk)
    assert record.status == "failed"
    assert record.error.startswith("the stored file cannot be read")
    event = AuditEvent.objects.get(action="record.extraction_failed")
    assert event.detail["error"] == record.error


def test_an_unexpected_error_is_kept_on_the_record_too(pending, monkeypatch):
    def broken(pages):
        raise RuntimeError("inference broke")

    monkeypatch.setattr(services, "infer_record", broken)
    assert services.record_extract.call(pending.pk) == "failed"
    record = Record.objects.get(pk=pending.pk)
    assert (record.status, record.error) == ("failed", "RuntimeError: inference broke")
    assert record.pages.count() == 0


def test_reading_it_again_after_the_fix_completes_it(pending):
    stored = Path(django_settings.MEDIA_ROOT) / pending.file_path
    moved = stored.rename(stored.with_suffix(".moved"))
    services.record_extract.call(pending.pk)
    moved.rename(stored)
    record = services.record_extract_again(record=Record.objects.get(pk=pending.pk), actor="clerk")
    record.refresh_from_db()
    assert (record.status, record.error, record.page_count) == ("extracted", "", 1)
    assert AuditEvent.objects.filter(action="record.extraction_queued").count() == 1


def test_a_record_deleted_before_its_turn_is_skipped(pending):
    Record.objects.filter(pk=pending.pk).delete()
    assert services.record_extract.call(pending.pk) == "gone"
