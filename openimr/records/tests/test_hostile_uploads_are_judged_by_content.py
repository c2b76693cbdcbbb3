"""An upload is judged by its bytes, never by its name or declared type: a PDF named like a
picture is a PDF, a web page named like a PDF is refused. The size limit is checked before
the file is read, and every refusal, on the web form and over the API, says what is wrong
with the file and stores nothing."""

import base64
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from conftest import intake_clerk
from openimr.api.services import token_create
from openimr.audit.models import AuditEvent
from openimr.core.errors import InvalidInput
from openimr.records.models import Record
from openimr.records.tests.hostile import decompression_bomb
from openimr.records.tests.receiving import pdf_of, stored_files

pytestmark = pytest.mark.django_db
API = "/api/v1/cases/CM16-0400101/documents"
PAGE = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"


def test_a_pdf_named_like_a_picture_is_stored_as_a_pdf(receive):
    record = receive(data=pdf_of("A progress note."), filename="scan.jpg")
    assert (record.filename, record.status, record.page_count) == ("scan.jpg", "extracted", 1)


@pytest.mark.parametrize("name", ["record.pdf", "RECORD.PDF", "record.pdf.pdf"])
def test_a_web_page_named_like_a_pdf_is_refused(receive, settings, name):
    with pytest.raises(InvalidInput) as caught:
        receive(data=PAGE, filename=name)
    assert (
        caught.value.problems[0].message == "the file is not a PDF (it does not start with %PDF-)"
    )
    assert Record.objects.count() == 0 and stored_files(settings.MEDIA_ROOT) == []


@pytest.fixture
def clerk(client, case):
    client.force_login(intake_clerk())
    return client


def _upload(client, data: bytes, name: str = "record.pdf", kind: str = "application/pdf"):
    upload = SimpleUploadedFile(name, data, content_type=kind)
    return client.post(
        "/records/CM16-0400101/upload/",
        {"file": upload, "submitted_by": "requesting_physician"},
    )


def test_the_web_form_refuses_an_oversized_file_before_reading_it(clerk, settings, monkeypatch):
    from openimr.records import services

    settings.OPENIMR_UPLOAD_MAX_BYTES = 1000
    monkeypatch.setattr(services, "record_receive", _never_called)
    response = _upload(clerk, pdf_of("x" * 4000))
    assert response.status_code == 422
    assert "the limit is 1,000" in response.content.decode()
    assert Record.objects.count() == 0


def _never_called(**_: object) -> None:
    raise AssertionError("an oversized file reached record_receive")


def test_the_web_form_says_why_a_decompression_bomb_is_refused(clerk, settings):
    settings.OPENIMR_PDF_MEMORY_MB = 160
    response = _upload(clerk, decompression_bomb(1000))
    assert response.status_code == 422
    assert "the PDF needed more than 160 MB of memory" in response.content.decode()
    assert Record.objects.count() == 0 and stored_files(settings.MEDIA_ROOT) == []
    assert not AuditEvent.objects.filter(action="record.received").exists()


@pytest.fixture
def token(db):
    get_user_model().objects.create_user("claims-portal", is_staff=True)
    # The portal of the administrator the case names ("Golden State Claims Services, Inc.").
    return token_create(
        name="portal", username="claims-portal", administrator="Golden State Claims Services Inc"
    )


def test_an_api_body_past_the_upload_limit_is_refused_before_it_is_read(
    client, case, settings, token
):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    body = {
        "filename": "records.pdf",
        "content_base64": base64.b64encode(pdf_of("x" * 4000)).decode(),
        "submitted_by": "claims_administrator",
    }
    response = client.post(
        API,
        json.dumps(body),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 413  # too_large, in the error shape, naming the limit
    assert response.json()["error"]["code"] == "too_large"
    assert Record.objects.count() == 0 and stored_files(settings.MEDIA_ROOT) == []


def test_the_api_refuses_a_decompression_bomb_in_the_one_error_shape(client, case, settings, token):
    settings.OPENIMR_PDF_MEMORY_MB = 160
    body = {
        "filename": "records.pdf",
        "content_base64": base64.b64encode(decompression_bomb(1000)).decode(),
        "submitted_by": "claims_administrator",
    }
    response = client.post(
        API,
        json.dumps(body),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 422
    assert response.json()["error"]["fields"] == [
        {"path": "$.content_base64", "message": "the PDF needed more than 160 MB of memory"}
    ]
    assert Record.objects.count() == 0 and stored_files(settings.MEDIA_ROOT) == []
