"""A client generated from /api/v1/openapi.json must be able to read every answer: each
status an operation really gives (its refusals and errors too, docs/api.md) is declared for
that operation, and the body matches the schema declared for it."""

import base64
import json

import jsonschema
import pytest
from django.contrib.auth import get_user_model

from openimr.api.services import token_create
from openimr.api.tests.server_error import answer_of_a_bug
from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import
from openimr.letters.services import letter_issue
from openimr.records.tests.receiving import IMMEDIATE, PROGRESS_NOTE, pdf_of

pytestmark = pytest.mark.django_db
CASE = "CM16-0400101"
DOCS = f"/api/v1/cases/{CASE}/documents"
DOCS_TEMPLATE = "/api/v1/cases/{case_number}/documents"


@pytest.fixture(autouse=True)
def _case(settings, three_item_doc):
    settings.TASKS = IMMEDIATE
    case_import(case=case_from_document(three_item_doc), actor="test")


@pytest.fixture
def token(administrator_token):
    return administrator_token


@pytest.fixture
def document_api(client):
    return client.get("/api/v1/openapi.json").json()


def _call(client, method, url, token=None, body=None):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    if method == "GET":
        return client.get(url, headers=headers)
    return client.post(url, data=body, content_type="application/json", headers=headers)


def _assert_declared(document_api, method, template, response):
    declared = document_api["paths"][template][method.lower()]["responses"]
    status = str(response.status_code)
    assert status in declared, f"{method} {template} answers {status}; declares {list(declared)}"
    schema = declared[status]["content"]["application/json"]["schema"]
    jsonschema.validate(
        response.json(),
        {**schema, "components": document_api["components"]},
        cls=jsonschema.Draft202012Validator,
    )


def _pdf_body():
    return json.dumps(
        {
            "filename": "pr2.pdf",
            "content_base64": base64.b64encode(pdf_of(*PROGRESS_NOTE)).decode(),
            "submitted_by": "claims_administrator",
        }
    )


TOKEN_OPERATIONS = [
    ("POST", "/api/v1/applications", "/api/v1/applications"),
    ("GET", f"/api/v1/applications/{CASE}", "/api/v1/applications/{case_number}"),
    ("POST", DOCS, DOCS_TEMPLATE),
    ("GET", DOCS, DOCS_TEMPLATE),
    ("GET", f"/api/v1/review/{CASE}", "/api/v1/review/{case_number}"),
]


@pytest.mark.parametrize(("method", "url", "template"), TOKEN_OPERATIONS)
def test_the_answer_to_no_token_is_declared(client, document_api, method, url, template):
    response = _call(client, method, url, body="{}")
    assert response.status_code == 401
    _assert_declared(document_api, method, template, response)


def test_the_answer_to_a_token_without_the_scope_is_declared(client, document_api, token):
    response = _call(client, "GET", f"/api/v1/review/{CASE}", token)
    assert response.status_code == 403
    _assert_declared(document_api, "GET", "/api/v1/review/{case_number}", response)


@pytest.mark.parametrize(
    ("method", "url", "template"),
    [
        ("GET", "/api/v1/applications/CM99-0000001", "/api/v1/applications/{case_number}"),
        ("POST", "/api/v1/cases/CM99-0000001/documents", DOCS_TEMPLATE),
        ("GET", "/api/v1/cases/CM99-0000001/documents", DOCS_TEMPLATE),
        ("GET", "/api/v1/decisions/CM99-0000001", "/api/v1/decisions/{case_number}"),
    ],
)
def test_the_answer_for_no_such_case_is_declared(
    client, document_api, token, method, url, template
):
    response = _call(client, method, url, token, body=_pdf_body())
    assert response.status_code == 404
    _assert_declared(document_api, method, template, response)


def test_the_answer_for_a_case_assigned_to_another_reviewer_is_declared(client, document_api):
    get_user_model().objects.create_user("some-reviewer", is_staff=True)
    reviewer = token_create(name="rev", username="some-reviewer", scopes=("review:read",))
    response = _call(client, "GET", f"/api/v1/review/{CASE}", reviewer)
    assert response.status_code == 404
    _assert_declared(document_api, "GET", "/api/v1/review/{case_number}", response)


@pytest.mark.parametrize(
    ("method", "url", "template", "body"),
    [
        ("POST", "/api/v1/applications", "/api/v1/applications", '{"review_type": "x"}'),
        ("POST", DOCS, DOCS_TEMPLATE, '{"filename": ""}'),
        ("GET", "/api/v1/decisions?year=nineteen", "/api/v1/decisions", None),
        ("GET", "/api/v1/applications/%00", "/api/v1/applications/{case_number}", None),
        ("GET", "/api/v1/cases/%00/documents", DOCS_TEMPLATE, None),
        ("GET", "/api/v1/decisions/%00", "/api/v1/decisions/{case_number}", None),
    ],
)
def test_the_answer_to_bad_input_is_declared(
    client, document_api, token, method, url, template, body
):
    response = _call(client, method, url, token, body=body)
    assert response.status_code == 422
    _assert_declared(document_api, method, template, response)


def test_the_answer_to_a_document_after_the_letter_is_declared(client, document_api, token):
    letter_issue(case_number=CASE, actor="qa")
    response = _call(client, "POST", DOCS, token, body=_pdf_body())
    assert response.status_code == 409
    _assert_declared(document_api, "POST", DOCS_TEMPLATE, response)


def test_the_answers_that_succeed_stay_declared(client, document_api, token):
    first = _call(client, "POST", DOCS, token, body=_pdf_body())
    assert first.status_code == 201
    _assert_declared(document_api, "POST", DOCS_TEMPLATE, first)
    listed = _call(client, "GET", DOCS, token)
    _assert_declared(document_api, "GET", DOCS_TEMPLATE, listed)
    found = _call(client, "GET", "/api/v1/decisions")
    _assert_declared(document_api, "GET", "/api/v1/decisions", found)


def test_the_answer_to_an_unexpected_error_is_declared(monkeypatch, document_api):
    response = answer_of_a_bug(monkeypatch)
    assert response.status_code == 500
    _assert_declared(document_api, "GET", "/api/v1/decisions", response)
    declared = document_api["paths"]["/api/v1/decisions"]["get"]["responses"]["500"]
    assert response["X-Request-ID"] and "X-Request-ID" in declared["headers"]
