"""The same bytes sent twice (a retry, or two parties sending one report) are one record;
the second receipt is audited, and another case's file is its own."""

import pytest

from openimr.audit.models import AuditEvent
from openimr.cases.interchange import case_from_document
from openimr.cases.selectors import case_row
from openimr.cases.services import case_import
from openimr.records import services
from openimr.records.models import Record
from openimr.records.tests.receiving import pdf_of, stored_files

pytestmark = pytest.mark.django_db


def test_a_second_receipt_returns_the_first_record(receive, settings):
    data = pdf_of("Progress note of 02/19/2014.")
    first = receive(data=data)
    again = receive(data=data, filename="copy.pdf", submitted_by="claims_administrator")
    assert again.pk == first.pk and again.replayed is True
    assert again.filename == "record.pdf"
    assert Record.objects.count() == 1
    assert len(stored_files(settings.MEDIA_ROOT)) == 1


def test_the_second_receipt_is_audited_with_its_sender(receive):
    data = pdf_of("Progress note of 02/19/2014.")
    record = receive(data=data)
    receive(data=data, submitted_by="employee", actor="portal")
    event = AuditEvent.objects.get(action="record.received_again")
    assert (event.object_id, event.actor_label) == (str(record.pk), "portal")
    assert event.detail["submitted_by"] == "employee"


def test_the_same_file_in_another_case_is_a_record_of_that_case(receive, seed_doc):
    case_import(case=case_from_document(seed_doc), actor="test")
    other = case_row(seed_doc["case_number"])
    data = pdf_of("A report sent to two cases.")
    first = receive(data=data)
    second = services.record_receive(
        case=other,
        data=data,
        filename="report.pdf",
        submitted_by="employee",
        via=services.Via.API,
        actor="portal",
    )
    assert second.pk != first.pk and second.replayed is False
    assert second.file_path == first.file_path
