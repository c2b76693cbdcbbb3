"""No case number holds a control character, and PostgreSQL cannot even compare text with a
NUL byte in it (a server error on every operation that looks the case up). A case number in
the path with one is refused before any lookup: 422 at `$.case_number`, nothing audited."""

import re

import pytest
from django.contrib.auth import get_user_model

from openimr.api.services import token_create
from openimr.api.urls import api
from openimr.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("GET", "/api/v1/applications/CM16-0400101%00"),
        ("GET", "/api/v1/cases/CM16%00/documents"),
        ("POST", "/api/v1/cases/CM16%1b/documents"),
        ("GET", "/api/v1/decisions/%00"),
    ],
)
def test_a_control_character_in_the_case_number_is_422(client, token, method, url):
    headers = {"Authorization": f"Bearer {token}"}
    body = '{"filename": "a.pdf", "content_base64": "AAAA", "submitted_by": "employee"}'
    if method == "GET":
        response = client.get(url, headers=headers)
    else:
        response = client.post(url, data=body, content_type="application/json", headers=headers)
    assert response.status_code == 422, response.content
    [field] = response.json()["error"]["fields"]
    assert field == {"path": "$.case_number", "message": "must not contain control characters"}
    assert not AuditEvent.objects.filter(action__endswith=".refused").exists()


def test_the_reviewers_read_refuses_it_too(client):
    get_user_model().objects.create_user("some-reviewer", is_staff=True)
    token = token_create(name="rev", username="some-reviewer", scopes=("review:read",))
    response = client.get("/api/v1/review/%00", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 422


def test_the_openapi_document_says_which_case_numbers_are_refused():
    """Every case-number path parameter declares the pattern the validator enforces, so a
    client knows a 422 from a 404 before sending: the pattern refuses each control
    character refused above and admits every real case number."""
    schemas = [
        parameter["schema"]
        for operations in api.get_openapi_schema()["paths"].values()
        for operation in operations.values()
        for parameter in operation.get("parameters", [])
        if parameter["name"] == "case_number"
    ]
    assert len(schemas) == 7
    for schema in schemas:
        # JSON Schema's pattern is an ECMA-262 regex; its \\uXXXX escapes read the same in re
        # (fullmatch: ECMA-262 reads "$" as the end, where re also matches before a final "\\n").
        pattern = re.compile(schema["pattern"])
        assert pattern.fullmatch("CM16-0400101") and pattern.fullmatch("CM17-0600001")
        for refused in ("CM16\x00", "\x1b", "a\x7f", "\x84b", "CM16-0400101\n"):
            assert not pattern.fullmatch(refused)
