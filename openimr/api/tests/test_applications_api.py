"""POST /api/v1/applications: the answer, every field's bad input, the one error shape."""

import copy
import json

import pytest
import time_machine

from openimr.api.services import token_revoke
from openimr.audit.models import AuditEvent
from openimr.cases import models

pytestmark = pytest.mark.django_db
URL = "/api/v1/applications"


@pytest.fixture(autouse=True)
def _received_on_march_20_2024():
    with time_machine.travel("2024-03-20 17:00Z", tick=False):
        yield


def post(client, token, body, **headers):
    return client.post(
        URL,
        data=json.dumps(body),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}", **headers},
    )


def test_a_good_application_is_created_screened_and_answered(client, token, application_doc):
    response = post(client, token, application_doc)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["case_number"].startswith("CM")
    assert (body["state"], body["outcome"], body["reasons"]) == ("eligible", "eligible", [])
    assert body["last_day_to_file"] == "2024-04-05"
    assert [d["name"] for d in body["deadlines"]] == ["noarfi_due"]
    assert body["deadlines"][0]["source"] == "8 CCR 9792.10.4(b)"
    row = models.Case.objects.get(case_number=body["case_number"])
    assert row.application.via == "api" and row.application.client == "portal"


def test_a_retry_with_the_same_idempotency_key_returns_the_first_answer(
    client, token, application_doc
):
    first = post(client, token, application_doc, **{"Idempotency-Key": "abc-123"})
    again = post(client, token, application_doc, **{"Idempotency-Key": "abc-123"})
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["case_number"] == first.json()["case_number"]
    assert again.json()["replayed"] is True
    assert models.Case.objects.count() == 1


def test_without_a_token_the_api_answers_401_in_the_error_shape(client, application_doc):
    response = client.post(URL, data=json.dumps(application_doc), content_type="application/json")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthenticated"
    assert models.Case.objects.count() == 0


def test_a_revoked_or_forged_token_is_refused(client, token, application_doc):
    token_revoke(name="portal")
    assert post(client, token, application_doc).status_code == 401
    assert post(client, "oimr_forged", application_doc).status_code == 401


def _set(path, value):
    def change(doc):
        node = doc
        *parents, last = path
        for part in parents:
            node = node[part]
        if value is KeyError:
            del node[last]
        else:
            node[last] = value

    return change


BAD_FIELDS = [
    (("review_type",), "urgent", "$.review_type"),
    (("claim_number",), "", "$.claim_number"),
    (("claim_number",), KeyError, "$.claim_number"),
    (("employee", "name"), KeyError, "$.employee.name"),
    (("employee", "phone"), "call me", "$.employee.phone"),
    (("employee", "email"), "not-an-address", "$.employee.email"),
    (("employee", "address"), "x" * 501, "$.employee.address"),
    (("date_of_injury",), "2023-02-30", "$.date_of_injury"),
    (("date_of_injury",), "06/14/2023", "$.date_of_injury"),
    (("employer", "name"), "x" * 301, "$.employer.name"),
    (("ur_decision", "date"), "yesterday", "$.ur_decision.date"),
    (("ur_decision", "date"), "2022-01-01", "$.ur_decision.date"),
    (("ur_decision", "service_method"), "pigeon", "$.ur_decision.service_method"),
    (("requesting_physician", "name"), KeyError, "$.requesting_physician.name"),
    (("requesting_physician", "specialty"), "x" * 301, "$.requesting_physician.specialty"),
    (("claims_administrator", "name"), "", "$.claims_administrator.name"),
    (("claims_administrator", "adjuster"), 42, "$.claims_administrator.adjuster"),
    (("attorney", "name"), ["a"], "$.attorney.name"),
    (("attorney", "address"), "455 Capitol Mall", "$.attorney.name"),  # an address for no one
    (("attorney", "address"), 42, "$.attorney.address"),
    (("claims_administrator", "address"), "x" * 501, "$.claims_administrator.address"),
    (("requesting_physician", "address"), "Suite\x00 300", "$.requesting_physician.address"),
    (("employer", "address"), "x" * 501, "$.employer.address"),
    (("treatments",), [], "$.treatments"),
    (("treatments", 0, "treatment"), "", "$.treatments[0].treatment"),
    (("treatments", 0, "diagnosis"), KeyError, "$.treatments[0].diagnosis"),
    (("treatments", 0, "icd10"), "knee", "$.treatments[0].icd10"),
    (("treatments", 1, "category"), "massage", "$.treatments[1].category"),
    (("treatments", 1, "ur_outcome"), "ignored", "$.treatments[1].ur_outcome"),
    (("conditional_non_certification",), "maybe", "$.conditional_non_certification"),
    (
        ("disputed_other_than_medical_necessity",),
        "perhaps",
        "$.disputed_other_than_medical_necessity",
    ),
    (
        ("claims_administrator_agrees_to_proceed",),
        "sure",
        "$.claims_administrator_agrees_to_proceed",
    ),
    (("formulary_dispute",), "no way", "$.formulary_dispute"),
    (("signature", "signed_by"), "", "$.signature.signed_by"),
    (("signature", "role"), "cousin", "$.signature.role"),
    (("signature", "date"), "2024-13-01", "$.signature.date"),
    (("ur_decision_document", "filename"), "", "$.ur_decision_document.filename"),
    (
        ("ur_decision_document", "content_base64"),
        "bm90IGEgcGRm",
        "$.ur_decision_document.content_base64",
    ),
    (("received_on",), "soon", "$.received_on"),
    (("surprise",), 1, "$.surprise"),
]


@pytest.mark.parametrize(
    ("path", "value", "json_path"), BAD_FIELDS, ids=[f"{p[2]}={p[1]!r}"[:60] for p in BAD_FIELDS]
)
def test_each_bad_field_is_named_in_the_one_error_shape_and_nothing_is_stored(
    client, token, application_doc, path, value, json_path
):
    doc = copy.deepcopy(application_doc)
    _set(path, value)(doc)
    response = post(client, token, doc)
    assert response.status_code == 422, response.content
    error = response.json()["error"]
    assert set(error) == {"code", "message", "fields"}
    assert error["code"] == "invalid"
    assert json_path in [f["path"] for f in error["fields"]], error
    assert all(f["message"] for f in error["fields"])
    assert models.Case.objects.count() == 0
    assert not AuditEvent.objects.filter(action__startswith="case.").exists()


def test_several_bad_fields_are_all_reported_at_once(client, token, application_doc):
    application_doc["employee"]["email"] = "nope"
    application_doc["treatments"][0]["icd10"] = "knee"
    application_doc["ur_decision"]["service_method"] = "pigeon"
    paths = {f["path"] for f in post(client, token, application_doc).json()["error"]["fields"]}
    assert {"$.employee.email", "$.treatments[0].icd10", "$.ur_decision.service_method"} <= paths


def test_a_body_that_is_not_json_is_refused_in_the_same_shape(client, token):
    response = client.post(
        URL,
        data="{not json",
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code in (400, 422)
    assert "error" in response.json()


def test_reading_an_application_back(client, token, application_doc):
    number = post(client, token, application_doc).json()["case_number"]
    response = client.get(f"{URL}/{number}", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200
    assert response.json()["case_number"] == number


def test_reading_an_unknown_application_is_404_in_the_error_shape(client, token):
    response = client.get(f"{URL}/CM99-0000001", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_the_openapi_document_validates(client):
    from openapi_spec_validator import validate

    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.json()
    validate(document)
    assert "/api/v1/applications" in document["paths"]
