"""The day an application is received starts its clocks and decides whether it was filed in
time (LC 4610.5(h)(1)). A client filing through the API cannot set it: `received_on` is for
the IMRO's own imports of applications received earlier (docs/api.md), so a token acting for
anyone but intake staff is refused 422 at `$.received_on` and nothing is stored."""

import json

import pytest
import time_machine
from django.contrib.auth import get_user_model

from conftest import intake_clerk
from openimr.api.services import token_create
from openimr.cases import models

pytestmark = pytest.mark.django_db
URL = "/api/v1/applications"


@pytest.fixture(autouse=True)
def _filed_on_april_20_2024():  # past the last day to file (2024-04-05): late
    with time_machine.travel("2024-04-20 17:00Z", tick=False):
        yield


def _post(client, token, body):
    return client.post(
        URL,
        data=json.dumps(body),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )


def test_a_claims_administrators_token_cannot_backdate_its_application(client, application_doc):
    get_user_model().objects.create_user("claims-portal", is_staff=True)
    token = token_create(name="portal", username="claims-portal")
    response = _post(client, token, {**application_doc, "received_on": "2024-03-20"})
    assert response.status_code == 422, response.content
    [field] = response.json()["error"]["fields"]
    assert field["path"] == "$.received_on"
    assert "intake staff" in field["message"]
    assert models.Application.objects.count() == 0


def test_without_received_on_the_same_application_is_received_today_and_late(
    client, application_doc
):
    get_user_model().objects.create_user("claims-portal", is_staff=True)
    token = token_create(name="portal", username="claims-portal")
    response = _post(client, token, application_doc)
    assert response.status_code == 201
    assert "late" in [reason["code"] for reason in response.json()["reasons"]]


def test_intake_staff_import_an_application_received_earlier(client, application_doc):
    intake_clerk()
    token = token_create(name="intake-import", username="clerk")
    response = _post(client, token, {**application_doc, "received_on": "2024-03-20"})
    assert response.status_code == 201, response.content
    assert response.json()["outcome"] == "eligible"
