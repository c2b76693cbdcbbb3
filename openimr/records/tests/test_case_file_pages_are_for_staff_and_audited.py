"""The case-file pages: staff only (anyone else gets 404, and the refusal is audited), every
look at a case file or a record audited, uploads and corrections through the forms."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from openimr.audit.models import AuditEvent
from openimr.records.models import Record
from openimr.records.pdf import pdf_read
from openimr.records.tests.receiving import PROGRESS_NOTE, pdf_of, stored_files

pytestmark = pytest.mark.django_db


@pytest.fixture
def outsider(client, django_user_model):
    user = django_user_model.objects.create_user("visitor", password="a-long-test-password")
    client.force_login(user)
    return user


def test_pages_ask_for_a_login_first(client, case):
    response = client.get(f"/records/{case.case_number}/")
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_a_user_who_is_not_staff_gets_404_and_the_refusal_is_audited(
    client, outsider, receive, case
):
    record = receive(*PROGRESS_NOTE)
    assert client.get(f"/records/{case.case_number}/").status_code == 404
    assert client.get(f"/records/{case.case_number}/{record.pk}/").status_code == 404
    # The visitor's own login is in the trail too: only the refusals are counted.
    refused = AuditEvent.objects.filter(actor_label="visitor", action__endswith=".refused")
    refused = refused.order_by("id")
    assert [(e.action, e.object_id) for e in refused] == [
        ("case_file.viewed.refused", case.case_number),
        ("record.viewed.refused", str(record.pk)),
    ]


def test_a_record_of_another_case_is_404_by_url(client, staff_client, receive, case, seed_doc):
    from openimr.cases.interchange import case_from_document
    from openimr.cases.services import case_import

    case_import(case=case_from_document(seed_doc), actor="test")
    record = receive(*PROGRESS_NOTE)
    response = client.get(f"/records/{seed_doc['case_number']}/{record.pk}/")
    assert response.status_code == 404
    assert AuditEvent.objects.filter(action="record.viewed.refused").count() == 1


def test_the_case_file_lists_its_records_and_the_look_is_audited(
    client, staff_client, receive, case
):
    record = receive(*PROGRESS_NOTE)
    body = client.get(f"/records/{case.case_number}/").content.decode()
    assert f"/records/{case.case_number}/{record.pk}/" in body
    assert "Requesting physician" in body
    event = AuditEvent.objects.get(action="case_file.viewed")
    assert (event.actor_label, event.object_id) == ("clerk", case.case_number)


def test_a_search_is_audited_with_its_words_and_links_to_the_page(
    client, staff_client, receive, case
):
    record = receive(*PROGRESS_NOTE)
    body = client.get(f"/records/{case.case_number}/", {"q": "rehab kit"}).content.decode()
    assert f"/records/{case.case_number}/{record.pk}/#page-2" in body
    assert AuditEvent.objects.get(action="case_file.viewed").detail["q"] == "rehab kit"


def test_the_record_page_shows_each_page_with_an_anchor(client, staff_client, receive, case):
    record = receive(*PROGRESS_NOTE)
    body = client.get(f"/records/{case.case_number}/{record.pk}/").content.decode()
    assert 'id="page-1"' in body and 'id="page-2"' in body
    assert "Optimum Home Rehab Kit" in body
    assert AuditEvent.objects.get(action="record.viewed").object_id == str(record.pk)


def test_the_stored_pdf_downloads_and_the_download_is_audited(client, staff_client, receive, case):
    data = pdf_of(*PROGRESS_NOTE)
    record = receive(data=data)
    response = client.get(f"/records/{case.case_number}/{record.pk}/file.pdf")
    assert response.status_code == 200
    # The copy of its pages (docs/decisions/0011); the file as received is asked for by name.
    served = b"".join(response.streaming_content)
    assert pdf_read(served, path="$").pages == pdf_read(data, path="$").pages
    original = client.get(f"/records/{case.case_number}/{record.pk}/original.pdf")
    assert b"".join(original.streaming_content) == data
    assert AuditEvent.objects.filter(action="record.downloaded").count() == 1
    assert AuditEvent.objects.filter(action="record.original_downloaded").count() == 1


def test_an_upload_through_the_form_becomes_a_record(client, staff_client, case):
    upload = SimpleUploadedFile("note.pdf", pdf_of(*PROGRESS_NOTE), "application/pdf")
    response = client.post(
        f"/records/{case.case_number}/upload/",
        {"file": upload, "submitted_by": "claims_administrator"},
    )
    record = Record.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/records/{case.case_number}/{record.pk}/"
    assert (record.filename, record.submitted_by, record.received_by) == (
        "note.pdf",
        "claims_administrator",
        "clerk",
    )


def test_a_bad_upload_through_the_form_is_shown_and_nothing_is_stored(
    client, staff_client, case, settings
):
    upload = SimpleUploadedFile("note.pdf", b"not a pdf at all", "application/pdf")
    response = client.post(
        f"/records/{case.case_number}/upload/", {"file": upload, "submitted_by": "employee"}
    )
    assert response.status_code == 422
    assert "the file is not a PDF" in response.content.decode()
    assert Record.objects.count() == 0 and stored_files(settings.MEDIA_ROOT) == []


def test_an_upload_by_someone_not_staff_is_404_and_stores_nothing(client, outsider, case):
    upload = SimpleUploadedFile("note.pdf", pdf_of(*PROGRESS_NOTE), "application/pdf")
    response = client.post(
        f"/records/{case.case_number}/upload/", {"file": upload, "submitted_by": "employee"}
    )
    assert response.status_code == 404 and Record.objects.count() == 0
    assert AuditEvent.objects.filter(action="record.upload.refused").count() == 1


def test_a_correction_through_the_form_is_saved(client, staff_client, receive, case):
    record = receive(*PROGRESS_NOTE)
    url = f"/records/{case.case_number}/{record.pk}/edit/"
    given = {
        "kind": "rfa",
        "author": "K. Abernathy",
        "date_of_service": "2014-04-30",
        "title": "RFA",
    }
    assert client.post(url, given).status_code == 302
    record.refresh_from_db()
    assert (record.kind, record.author, record.title) == ("rfa", "K. Abernathy", "RFA")


def test_a_bad_correction_through_the_form_is_shown_at_its_field(
    client, staff_client, receive, case
):
    record = receive(*PROGRESS_NOTE)
    url = f"/records/{case.case_number}/{record.pk}/edit/"
    response = client.post(url, {"kind": "rfa", "date_of_service": "2099-01-01", "title": ""})
    assert response.status_code == 422
    assert 'data-field="date_of_service">is in the future' in response.content.decode()


def test_the_forms_take_only_posts(client, staff_client, receive, case):
    record = receive(*PROGRESS_NOTE)
    assert client.get(f"/records/{case.case_number}/upload/").status_code == 405
    assert client.get(f"/records/{case.case_number}/{record.pk}/edit/").status_code == 405
