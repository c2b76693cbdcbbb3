"""POST /api/v1/cases/{n}/documents after the case's Final Determination Letter issued: 409
in the one error shape, saying when the case was decided, and nothing stored. Before the
letter, while the determination is in QA, the record is taken with a `warning`."""

import base64
import json

import pytest

from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import
from openimr.letters.services import letter_issue
from openimr.records.models import Record
from openimr.records.tests.receiving import IMMEDIATE, PROGRESS_NOTE, pdf_of

pytestmark = pytest.mark.django_db
URL = "/api/v1/cases/CM16-0400101/documents"


@pytest.fixture(autouse=True)
def _setup(settings, three_item_doc):
    settings.TASKS = IMMEDIATE
    case_import(case=case_from_document(three_item_doc), actor="test")  # decided: in QA


@pytest.fixture
def token(administrator_token):
    return administrator_token


def _post(client, token):
    body = {
        "filename": "pr2.pdf",
        "content_base64": base64.b64encode(pdf_of(*PROGRESS_NOTE)).decode(),
        "submitted_by": "claims_administrator",
    }
    return client.post(
        URL,
        data=json.dumps(body),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )


def test_after_the_letter_a_new_document_is_refused_409(client, token):
    letter_issue(case_number="CM16-0400101", actor="qa")
    response = _post(client, token)
    assert response.status_code == 409, response.content
    error = response.json()["error"]
    assert error["code"] == "conflict"
    assert "CM16-0400101 was decided on 10/24/2016" in error["message"]
    assert "records are no longer accepted" in error["message"]
    assert Record.objects.count() == 0


def test_in_qa_the_document_is_taken_with_a_warning(client, token):
    response = _post(client, token)
    assert response.status_code == 201, response.content
    assert "quality assurance" in response.json()["warning"]


def test_the_listing_carries_no_warning(client, token):
    _post(client, token)
    listed = client.get(URL, headers={"Authorization": f"Bearer {token}"}).json()
    assert [d["warning"] for d in listed] == [""]
