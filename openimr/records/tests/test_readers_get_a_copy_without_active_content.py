"""Staff's download of a record, and the reviewer's PDF, are a copy without any active
content; staff get the original as received only by asking for it by name, audited under
its own action."""

import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from openimr.audit.models import AuditEvent
from openimr.records.pdf import pdf_read
from openimr.records.tests import active_pdfs

pytestmark = pytest.mark.django_db


def _body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_staff_download_the_copy_and_the_original_only_by_name(client, staff_client, receive, case):
    original = active_pdfs.launch_and_page_script()
    record = receive(data=original)
    base = f"/records/{case.case_number}/{record.pk}"
    copy = _body(client.get(f"{base}/file.pdf"))
    assert copy.startswith(b"%PDF-") and b"/Launch" not in copy and b"/AA" not in copy
    assert hashlib.sha256(_body(client.get(f"{base}/original.pdf"))).hexdigest() == record.sha256
    actions = list(
        AuditEvent.objects.filter(object_id=str(record.pk), action__contains="downloaded")
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == ["record.downloaded", "record.original_downloaded"]


def test_a_record_without_active_content_downloads_as_a_copy_too(
    client, staff_client, receive, case
):
    # The count decides nothing: a kind of content it does not know would go out unseen.
    original = active_pdfs.plain()
    record = receive(data=original)
    copy = _body(client.get(f"/records/{case.case_number}/{record.pk}/file.pdf"))
    assert copy != original
    assert pdf_read(copy, path="$").pages == pdf_read(original, path="$").pages
    assert _body(client.get(f"/records/{case.case_number}/{record.pk}/original.pdf")) == original


def test_the_original_is_for_staff_only(client, django_user_model, receive, case):
    record = receive(data=active_pdfs.scripts())
    visitor = django_user_model.objects.create_user("visitor", password="a-long-test-password")
    client.force_login(visitor)
    response = client.get(f"/records/{case.case_number}/{record.pk}/original.pdf")
    assert response.status_code == 404
    assert AuditEvent.objects.filter(action="record.original_downloaded.refused").count() == 1


def test_a_record_whose_copy_cannot_be_made_says_so(client, staff_client, receive, case, settings):
    record = receive(data=active_pdfs.scripts())
    # The stored file replaced by one pdfium cannot open: the copy fails, not the server.
    from pathlib import Path

    (Path(settings.MEDIA_ROOT) / record.file_path).write_bytes(b"%PDF-1.7\nnot a pdf")
    response = client.get(f"/records/{case.case_number}/{record.pk}/file.pdf")
    assert response.status_code == 500
    text = response.content.decode()
    assert f"a copy of record {record.pk} without its active content could not be made" in text
    assert "download the original" in text


def test_an_upload_from_the_form_keeps_what_it_found(client, staff_client, case):
    upload = SimpleUploadedFile("scan.pdf", active_pdfs.attachments(), "application/pdf")
    client.post(
        f"/records/{case.case_number}/upload/",
        {"file": upload, "submitted_by": "employee"},
    )
    page = client.get(f"/records/{case.case_number}/").content.decode()
    assert "This PDF contains 2 attached files" in page
