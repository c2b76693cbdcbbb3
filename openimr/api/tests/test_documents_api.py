"""POST and GET /api/v1/cases/{case_number}/documents: the answer, the same file twice,
every field's bad input in the one error shape, unknown and forbidden cases, the audit."""

import base64
import json

import pytest
from django.contrib.auth import get_user_model

from openimr.api.services import token_create
from openimr.audit.models import AuditEvent
from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import
from openimr.records.models import Record
from openimr.records.tests.receiving import IMMEDIATE, PROGRESS_NOTE, pdf_of, stored_files

pytestmark = pytest.mark.django_db
URL = "/api/v1/cases/CM16-0400101/documents"


@pytest.fixture(autouse=True)
def _setup(settings, three_item_doc):
    settings.TASKS = IMMEDIATE
    case_import(case=case_from_document(three_item_doc), actor="test")


@pytest.fixture
def token(administrator_token):
    return administrator_token


@pytest.fixture
def document():
    return {
        "filename": "pr2-2016-08-30.pdf",
        "content_base64": base64.b64encode(pdf_of(*PROGRESS_NOTE)).decode(),
        "submitted_by": "claims_administrator",
    }


def post(client, token, body, url=URL):
    return client.post(
        url,
        data=json.dumps(body),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )


def get(client, token, url=URL):
    return client.get(url, headers={"Authorization": f"Bearer {token}"})


def test_a_good_document_is_stored_and_answered_201(client, token, document):
    response = post(client, token, document)
    assert response.status_code == 201, response.content
    body = response.json()
    record = Record.objects.get()
    assert body["id"] == record.pk and body["sha256"] == record.sha256
    assert (body["status"], body["page_count"], body["replayed"]) == ("extracted", 2, False)
    assert (body["submitted_by"], body["via"]) == ("claims_administrator", "api")
    assert record.received_by == "claims-portal"
    assert AuditEvent.objects.filter(action="record.received").count() == 1


def test_the_same_bytes_again_answer_200_with_the_first_record(client, token, document):
    first = post(client, token, document).json()
    again = post(client, token, {**document, "filename": "again.pdf"})
    assert again.status_code == 200
    assert (again.json()["id"], again.json()["replayed"]) == (first["id"], True)
    assert Record.objects.count() == 1


def test_the_case_file_is_listed_and_the_look_audited(client, token, document):
    post(client, token, document)
    response = get(client, token)
    assert response.status_code == 200
    [listed] = response.json()
    assert listed["filename"] == "pr2-2016-08-30.pdf" and listed["kind"]
    event = AuditEvent.objects.get(action="case_file.viewed")
    assert (event.object_id, event.detail["via"]) == ("CM16-0400101", "api")


@pytest.mark.parametrize("method", ["get", "post"])
def test_an_unknown_case_is_404_in_the_error_shape(client, token, document, method):
    url = "/api/v1/cases/CM99-0000001/documents"
    response = get(client, token, url) if method == "get" else post(client, token, document, url)
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert Record.objects.count() == 0


def test_a_client_whose_user_is_not_staff_gets_404_and_the_refusal_is_audited(client, document):
    # A token is made only for a staff account; this one lost the flag afterwards.
    user = get_user_model().objects.create_user("stranger", is_staff=True)
    stranger = token_create(name="stranger-app", username="stranger")
    user.is_staff = False
    user.save(update_fields=["is_staff"])
    assert post(client, stranger, document).status_code == 404
    assert get(client, stranger).status_code == 404
    refused = AuditEvent.objects.filter(actor_label="stranger").values_list("action", flat=True)
    assert sorted(refused) == ["case_file.viewed.refused", "record.upload.refused"]
    assert Record.objects.count() == 0


def test_without_a_token_the_answer_is_401(client, document):
    response = client.post(URL, data=json.dumps(document), content_type="application/json")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthenticated"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


BAD_FIELDS = [
    ("filename", "", "$.filename"),
    ("filename", None, "$.filename"),
    ("filename", "x" * 256, "$.filename"),
    ("filename", "tab\there.pdf", "$.filename"),
    ("content_base64", "", "$.content_base64"),
    ("content_base64", "%%% not base64", "$.content_base64"),
    ("content_base64", _b64(b"hello world"), "$.content_base64"),
    ("content_base64", _b64(b"%PDF-1.4\ngarbage"), "$.content_base64"),
    ("content_base64", 42, "$.content_base64"),
    ("submitted_by", "neighbour", "$.submitted_by"),
    ("submitted_by", None, "$.submitted_by"),
    ("surprise", 1, "$.surprise"),
]


@pytest.mark.parametrize(
    ("field", "value", "path"), BAD_FIELDS, ids=[f"{f}={v!r}"[:50] for f, v, _ in BAD_FIELDS]
)
def test_each_bad_field_is_named_in_the_one_error_shape_and_nothing_is_stored(
    client, token, document, settings, field, value, path
):
    body = {**document, field: value}
    response = post(client, token, body)
    assert response.status_code == 422, response.content
    error = response.json()["error"]
    assert set(error) == {"code", "message", "fields"} and error["code"] == "invalid"
    assert path in [f["path"] for f in error["fields"]], error
    assert all(f["message"] for f in error["fields"])
    assert Record.objects.count() == 0 and stored_files(settings.MEDIA_ROOT) == []
    assert not AuditEvent.objects.filter(object_type="record").exists()


@pytest.mark.parametrize("field", ["filename", "content_base64", "submitted_by"])
def test_each_missing_field_is_named(client, token, document, field):
    del document[field]
    response = post(client, token, document)
    assert response.status_code == 422
    assert f"$.{field}" in [f["path"] for f in response.json()["error"]["fields"]]


def test_an_oversized_file_is_refused_with_the_limit(client, token, document, settings):
    settings.OPENIMR_UPLOAD_MAX_BYTES = 100
    response = post(client, token, document)
    assert response.status_code == 422
    assert "the limit is 100" in response.json()["error"]["fields"][0]["message"]


def test_the_openapi_document_still_validates(client):
    from openapi_spec_validator import validate

    document = client.get("/api/v1/openapi.json").json()
    validate(document)
    assert "/api/v1/cases/{case_number}/documents" in document["paths"]
