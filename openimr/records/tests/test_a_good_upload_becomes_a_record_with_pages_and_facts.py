"""A readable PDF becomes a record: stored by checksum, read page by page, its kind, author
and date of service inferred, and every step in the audit trail."""

import hashlib
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings

from openimr.audit.models import AuditEvent
from openimr.records.domain.pages import PAGE_BREAK
from openimr.records.models import Record
from openimr.records.tests.receiving import pdf_of

pytestmark = pytest.mark.django_db
DEMO = Path(__file__).resolve().parents[2] / "demo" / "records" / "CM14-0000001"
NOTE = (DEMO / "02-progress-note-2014-02-19.txt").read_text(encoding="utf-8")


def test_the_record_is_stored_with_its_checksum_sender_and_time(receive, case):
    data = pdf_of(*NOTE.split(PAGE_BREAK))
    record = receive(data=data, filename="C:\\scans\\note.pdf")
    assert record.sha256 == hashlib.sha256(data).hexdigest()
    assert (record.size, record.filename) == (len(data), "note.pdf")
    assert (record.submitted_by, record.via, record.received_by) == (
        "requesting_physician",
        "upload",
        "clerk",
    )
    assert (Path(settings.MEDIA_ROOT) / record.file_path).read_bytes() == data
    assert record.received_at is not None and record.replayed is False


def test_its_pages_are_read_and_its_facts_inferred(receive):
    record = Record.objects.get(pk=receive(*NOTE.split(PAGE_BREAK)).pk)
    assert (record.status, record.error) == ("extracted", "")
    assert record.page_count == 2 == record.pages.count()
    assert record.kind == "progress_note"
    assert record.author == "Kenneth Abernathy, D.O."
    assert record.date_of_service == date(2014, 2, 19)
    assert record.title
    first, second = record.pages.order_by("number")
    assert "\r" not in first.text and first.number == 1 and second.number == 2


def test_receipt_and_extraction_are_audited(receive, case):
    record = receive(*NOTE.split(PAGE_BREAK))
    events = AuditEvent.objects.filter(object_type="record", object_id=str(record.pk))
    received = events.get(action="record.received")
    assert received.actor_label == "clerk"
    assert received.detail["case_number"] == case.case_number
    assert received.detail["sha256"] == record.sha256
    extracted = events.get(action="record.extracted")
    assert (extracted.actor_label, extracted.detail["pages"]) == ("worker", 2)
    assert extracted.detail["kind"] == "progress_note"


def test_without_a_worker_the_record_waits_as_pending(receive, settings):
    from openimr.records.tests.receiving import DUMMY

    settings.TASKS = DUMMY
    record = receive("A record that nobody has read yet.")
    assert (record.status, record.page_count) == ("pending", 0)
    assert not record.pages.exists()
