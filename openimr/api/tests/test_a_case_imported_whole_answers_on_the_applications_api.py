"""A case imported whole (`openimr case import`) has no application filed through intake, but
it is the same case the case pages and its case file show: GET /api/v1/applications/{n}
answers it too, as eligible (only an eligible case reaches review), saying it was imported,
to those who may see it; to anyone else 404, as every case the caller may not see."""

import copy

import pytest
from django.contrib.auth.models import User

from openimr.api.services import token_create
from openimr.audit.models import AuditEvent
from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import

pytestmark = pytest.mark.django_db
NUMBER = "CM16-0400101"


def _import(doc, administrator):
    doc = copy.deepcopy(doc)
    doc.update(case_number=NUMBER, claims_administrator={"name": administrator})
    case_import(case=case_from_document(doc), actor="test")


def _token(name, administrator):
    User.objects.create_user(name, is_staff=True)
    return token_create(name=f"{name}-portal", username=name, administrator=administrator)


def _get(client, token, number=NUMBER):
    return client.get(
        f"/api/v1/applications/{number}", headers={"Authorization": f"Bearer {token}"}
    )


def test_the_administrator_an_imported_case_names_reads_it_as_eligible_and_imported(
    client, three_item_doc
):
    token = _token("golden", "Golden State Claims")
    _import(three_item_doc, "Golden State Claims")
    answer = _get(client, token)
    assert answer.status_code == 200, answer.content
    body = answer.json()
    assert (body["case_number"], body["state"], body["outcome"]) == (NUMBER, "qa", "eligible")
    assert (body["reasons"], body["last_day_to_file"], body["imported"]) == ([], None, True)
    assert AuditEvent.objects.filter(action="application.viewed", object_id=NUMBER).exists()


def test_a_filed_application_says_it_was_not_imported(client, token, application_doc):
    filed = client.post(
        "/api/v1/applications",
        application_doc,
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert filed.status_code == 201 and filed.json()["imported"] is False
    assert _get(client, token, filed.json()["case_number"]).json()["imported"] is False


def test_another_administrators_token_is_answered_404_as_for_no_case(client, three_item_doc):
    _token("golden", "Golden State Claims")
    pacific = _token("pacific", "Pacific Comp")
    _import(three_item_doc, "Golden State Claims")
    refused = _get(client, pacific)
    assert refused.status_code == 404
    assert refused.json()["error"]["message"] == _get(client, pacific, "CM16-0999999").json()[
        "error"
    ]["message"].replace("CM16-0999999", NUMBER)
    assert AuditEvent.objects.filter(action="application.viewed.refused").count() == 2
