"""Reading an application back through the API (its screening and deadlines) is a look at
a case: audited with the client's role and the request id; a refused read is audited too."""

import json

import pytest
import time_machine
from django.contrib.auth import get_user_model

from openimr.api.services import token_create
from openimr.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def auth():
    get_user_model().objects.create_user("claims-portal", is_staff=True)
    token = token_create(name="portal", username="claims-portal")
    return {"Authorization": f"Bearer {token}", "X-Request-ID": "portal-1"}


@pytest.fixture
def case(client, auth, application_doc):
    with time_machine.travel("2024-03-20 17:00Z", tick=False):
        response = client.post(
            "/api/v1/applications",
            data=json.dumps(application_doc),
            content_type="application/json",
            headers=auth,
        )
    assert response.status_code == 201, response.content
    return response.json()["case_number"]


def test_a_read_is_audited_with_the_client_role_and_request_id(client, auth, case):
    response = client.get(f"/api/v1/applications/{case}", headers=auth)
    assert response.status_code == 200
    event = AuditEvent.objects.get(action="application.viewed")
    assert (event.object_id, event.actor_label) == (case, "claims-portal")
    assert (event.role, event.request_id) == ("api_client", response["X-Request-ID"])
    assert response["X-Request-ID"] == "portal-1"


def test_a_refused_read_is_audited(client, auth):
    response = client.get("/api/v1/applications/CM99-0000001", headers=auth)
    assert response.status_code == 404
    refused = AuditEvent.objects.get(action="application.viewed.refused")
    assert refused.object_id == "CM99-0000001"
    assert not AuditEvent.objects.filter(action="application.viewed").exists()
