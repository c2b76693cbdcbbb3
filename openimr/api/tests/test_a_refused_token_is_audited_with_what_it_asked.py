"""A token refused by the API (forged, revoked, expired, or without the operation's scope)
was logged on `openimr.security` but left nothing in the audit trail: the trail could not
show a client probing case numbers with a stolen or stale token. Each refusal is now an event,
`api_token.refused`, with the token's name when it is one of ours, why, the operation asked
and the address; never the secret or a part of it (HIPAA 45 CFR 164.312(b))."""

import pytest
from django.contrib.auth.models import User

from openimr.api.services import token_create, token_revoke
from openimr.audit.models import AuditEvent

pytestmark = pytest.mark.django_db
URL = "/api/v1/cases/CM99-0000001/status"
OPERATION = "GET /cases/{case_number}/status"


@pytest.fixture(autouse=True)
def _portal_user():
    User.objects.create_user("claims-portal", is_staff=True)


def _refusal(client, token):
    response = client.get(URL, headers={"Authorization": f"Bearer {token}"}, REMOTE_ADDR="10.0.0.5")
    event = AuditEvent.objects.get(action="api_token.refused")
    assert token not in str(event.detail) and token[:8] not in event.object_id
    return response.status_code, event.actor_label, event.object_id, event.detail


def test_a_forged_token_is_audited_without_a_name(client):
    assert _refusal(client, "oi_forged-token-that-no-one-issued") == (
        401,
        "anonymous",
        "",
        {"reason": "unknown", "operation": OPERATION, "ip_address": "10.0.0.5"},
    )


def test_a_revoked_token_is_audited_by_its_name(client):
    token = token_create(name="old-portal", username="claims-portal")
    token_revoke(name="old-portal")
    status, _, name, detail = _refusal(client, token)
    assert (status, name, detail["reason"]) == (401, "old-portal", "revoked")


def test_a_token_without_the_scope_is_audited_as_its_account(client):
    token = token_create(name="writer", username="claims-portal", scopes=("applications:write",))
    status, actor, name, detail = _refusal(client, token)
    assert (status, actor, name) == (403, "claims-portal", "writer")
    assert detail["reason"] == "lacks scope applications:read"


def test_a_token_let_in_writes_no_refusal(client):
    token = token_create(name="reader", username="claims-portal")
    client.get(URL, headers={"Authorization": f"Bearer {token}"})
    assert not AuditEvent.objects.filter(action="api_token.refused").exists()
