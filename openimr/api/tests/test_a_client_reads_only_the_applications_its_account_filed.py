"""A claims administrator's token reads back the applications its own account filed (by any
of its tokens) and no other administrator's: those answer 404, as for no such case, and the
refusal is audited. Intake staff read every application, and every case imported whole."""

import pytest
from django.contrib.auth.models import User

from conftest import intake_clerk
from openimr.api.services import token_create
from openimr.audit.models import AuditEvent
from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import

pytestmark = pytest.mark.django_db


def _bearer(token):
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def tokens():
    for name in ("acme-claims", "other-claims"):
        User.objects.create_user(name, is_staff=True)
    return {
        "acme": token_create(name="acme-portal", username="acme-claims"),
        "acme-batch": token_create(name="acme-batch", username="acme-claims"),
        "other": token_create(name="other-portal", username="other-claims"),
    }


@pytest.fixture
def filed(client, tokens, application_doc):
    response = client.post(
        "/api/v1/applications",
        application_doc,
        content_type="application/json",
        headers=_bearer(tokens["acme"]),
    )
    assert response.status_code == 201
    return response.json()["case_number"]


def test_the_filing_account_reads_its_application_through_any_of_its_tokens(client, tokens, filed):
    for name in ("acme", "acme-batch"):
        response = client.get(f"/api/v1/applications/{filed}", headers=_bearer(tokens[name]))
        assert response.status_code == 200
        assert response.json()["case_number"] == filed


def test_another_administrators_token_gets_404_and_the_refusal_is_audited(client, tokens, filed):
    response = client.get(f"/api/v1/applications/{filed}", headers=_bearer(tokens["other"]))
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    refused = AuditEvent.objects.get(action="application.viewed.refused")
    assert (refused.actor_label, refused.object_id) == ("other-claims", filed)


def test_intake_staff_read_any_application(client, filed):
    client.force_login(intake_clerk())
    assert client.get(f"/api/v1/applications/{filed}").status_code == 200


def test_a_case_imported_whole_answers_staff_as_the_case_pages_show_it(client, three_item_doc):
    # It answered 404 while the case pages and its case file showed it.
    case_import(case=case_from_document(three_item_doc), actor="test")
    client.force_login(intake_clerk())
    response = client.get(f"/api/v1/applications/{three_item_doc['case_number']}")
    assert response.status_code == 200
    assert (response.json()["imported"], response.json()["outcome"]) == (True, "eligible")
