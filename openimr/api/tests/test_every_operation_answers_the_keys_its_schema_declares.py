"""Every operation of /api/v1/openapi.json, called as a client would call it to succeed,
answers a status the document declares and a body with exactly the keys its schema
declares at every level: none missing, and none the document does not name (a key added to
an answer but not to its schema reaches clients undocumented, and would reach them unseen
if it carried a name). The walk fails when an operation is added without a call here."""

import base64
import json
from typing import Any

import jsonschema
import pytest
import time_machine
from django.contrib.auth.models import User

from openimr.api.services import token_create
from openimr.decisions.tests.public_factories import make_decision
from openimr.records.tests.receiving import PROGRESS_NOTE, pdf_of
from openimr.review.tests import conftest as review
from openimr.review.tests.conftest import CASE, login

pytestmark = pytest.mark.django_db
PAYER = "State Compensation Insurance Fund"
MRI = "MRI of the right knee without contrast"
# The review's cast and its case under review, the assigned reviewer's read needs them.
cast, under_review = review.cast, review.under_review


def _closed(schema: Any) -> Any:
    """``schema`` with every object that lists its properties closed to any other key."""
    if isinstance(schema, list):
        return [_closed(part) for part in schema]
    if not isinstance(schema, dict):
        return schema
    closed = {key: _closed(value) for key, value in schema.items()}
    if "properties" in closed and "additionalProperties" not in closed:
        closed["additionalProperties"] = False
    return closed


def _check(document: dict[str, Any], method: str, template: str, answer: Any) -> None:
    declared = document["paths"][template][method]["responses"]
    status = str(answer.status_code)
    assert status in {"200", "201"}, f"{method} {template}: {status} {answer.content[:300]!r}"
    assert status in declared, f"{method} {template} answers {status}; declares {list(declared)}"
    schema = declared[status]["content"]["application/json"]["schema"]
    jsonschema.validate(
        answer.json(),
        _closed({**schema, "components": document["components"]}),
        cls=jsonschema.Draft202012Validator,
    )


def _post(client: Any, url: str, body: dict[str, Any], token: str) -> Any:
    return client.post(
        url,
        json.dumps(body),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )


def test_every_operation_answers_what_its_schema_declares(
    client, cast, under_review, application_doc
):
    document = client.get("/api/v1/openapi.json").json()
    make_decision(case_number="CM16-0300001")
    calls: dict[tuple[str, str], Any] = {
        ("get", "/api/v1/decisions"): lambda: client.get("/api/v1/decisions"),
        ("get", "/api/v1/decisions/{case_number}"): lambda: client.get(
            "/api/v1/decisions/CM16-0300001"
        ),
        ("get", "/api/v1/review/{case_number}"): lambda: login(client, cast.reviewer).get(
            f"/api/v1/review/{CASE}"
        ),
    }
    for (method, template), call in calls.items():
        _check(document, method, template, call())
    client.logout()

    User.objects.create_user("scif", is_staff=True)
    token = token_create(name="scif-portal", username="scif", administrator=PAYER)
    with time_machine.travel("2024-03-20 17:00Z", tick=False):
        filed = _post(client, "/api/v1/applications", application_doc, token)
        _check(document, "post", "/api/v1/applications", filed)
        number = filed.json()["case_number"]
        auth = {"Authorization": f"Bearer {token}"}
        record = {
            "filename": "pr2.pdf",
            "content_base64": base64.b64encode(pdf_of(*PROGRESS_NOTE)).decode(),
            "submitted_by": "claims_administrator",
        }
        token_calls: dict[tuple[str, str], Any] = {
            ("get", "/api/v1/applications/{case_number}"): lambda: client.get(
                f"/api/v1/applications/{number}", headers=auth
            ),
            ("post", "/api/v1/cases/{case_number}/documents"): lambda: _post(
                client, f"/api/v1/cases/{number}/documents", record, token
            ),
            ("get", "/api/v1/cases/{case_number}/documents"): lambda: client.get(
                f"/api/v1/cases/{number}/documents", headers=auth
            ),
            ("get", "/api/v1/cases/{case_number}/status"): lambda: client.get(
                f"/api/v1/cases/{number}/status", headers=auth
            ),
            ("post", "/api/v1/cases/{case_number}/authorizations"): lambda: _post(
                client,
                f"/api/v1/cases/{number}/authorizations",
                {"treatments": [MRI], "authorized_on": "2024-03-19"},
                token,
            ),
        }
        for (method, template), call in token_calls.items():
            _check(document, method, template, call())

    walked = {*calls, *token_calls, ("post", "/api/v1/applications")}
    documented = {(m, path) for path, item in document["paths"].items() for m in item}
    assert documented == walked, f"not walked: {sorted(documented - walked)}"
