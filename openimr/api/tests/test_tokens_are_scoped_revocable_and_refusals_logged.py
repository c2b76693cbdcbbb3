"""Each API operation needs its scope: a token without it gets 403, a forged or revoked one
401, both in the one error shape and logged. A session opens the staff operations only for
an intake-role user who has passed the second factor, never for the is_staff flag alone."""

import logging

import pytest
from django.contrib.auth.models import Group, User

from openimr.api.auth import OPERATION_SCOPES
from openimr.api.models import ApiToken
from openimr.api.services import token_create, token_revoke
from openimr.api.urls import api
from openimr.audit.models import AuditEvent
from openimr.core.errors import InvalidInput

pytestmark = pytest.mark.django_db
URL = "/api/v1/applications/CM99-0000001"


@pytest.fixture
def portal_user():
    return User.objects.create_user("claims-portal", is_staff=True)


def _get(client, token):
    return client.get(URL, headers={"Authorization": f"Bearer {token}"})


def test_every_operation_that_takes_a_token_declares_its_scope():
    declared = {
        f"{method} {path}"
        for _, router in api._routers
        for path, view in router.path_operations.items()
        for op in view.operations
        if op.auth_param is not None
        for method in op.methods
    }
    assert declared == set(OPERATION_SCOPES)


def test_a_token_without_the_scope_gets_403_in_the_error_shape_and_logged(
    client, portal_user, caplog
):
    token = token_create(name="writer", username="claims-portal", scopes=("applications:write",))
    with caplog.at_level(logging.WARNING, logger="openimr.security"):
        response = _get(client, token)
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"
    assert "applications:read" in response.json()["error"]["message"]
    assert any("'writer' refused" in r.getMessage() for r in caplog.records)


def test_a_token_with_the_scope_gets_through(client, portal_user):
    token = token_create(name="reader", username="claims-portal", scopes=("applications:read",))
    assert _get(client, token).status_code == 404  # through auth: the case does not exist


@pytest.mark.parametrize("kind", ["forged", "revoked"])
def test_a_forged_or_revoked_token_gets_401_and_is_logged(client, portal_user, caplog, kind):
    token = token_create(name="portal", username="claims-portal")
    if kind == "forged":
        token = token[:-4] + "AAAA"
    else:
        token_revoke(name="portal")
    with caplog.at_level(logging.WARNING, logger="openimr.security"):
        response = _get(client, token)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthenticated"
    reason = "unknown" if kind == "forged" else "revoked"
    assert any(f"api token refused ({reason})" in r.getMessage() for r in caplog.records)
    assert all(token not in r.getMessage() for r in caplog.records)


def test_creating_and_revoking_are_audited_and_the_secret_never_stored(portal_user):
    token = token_create(name="portal", username="claims-portal", actor="cli")
    token_revoke(name="portal", actor="cli")
    actions = list(
        AuditEvent.objects.filter(object_type="api_token").values_list("action", flat=True)
    )
    assert actions == ["api_token.created", "api_token.revoked"]
    assert not AuditEvent.objects.filter(detail__icontains=token).exists()


def test_an_unknown_scope_is_refused_by_name_and_nothing_is_created(portal_user):
    from openimr.api.models import ApiToken
    from openimr.core.errors import InvalidInput

    with pytest.raises(InvalidInput) as raised:
        token_create(name="portal", username="claims-portal", scopes=("cases:delete",))
    assert raised.value.problems[0].path == "$.scopes[0]"
    assert ApiToken.objects.count() == 0


def test_a_staff_flag_session_without_a_role_is_refused(client):
    client.force_login(User.objects.create_user("flag-only", is_staff=True))
    assert client.get(URL).status_code == 401


def test_an_intake_session_is_admitted_once_verified_only(client):
    clerk = User.objects.create_user("clerk", password="a-long-test-password")
    clerk.groups.add(Group.objects.get_or_create(name="intake")[0])
    client.post("/login/", {"username": "clerk", "password": "a-long-test-password"})
    assert client.get(URL).status_code == 401  # password only: no second factor yet
    client.force_login(clerk)
    assert client.get(URL).status_code == 404  # through auth: the case does not exist


def test_a_reviewer_session_without_the_second_factor_cannot_read_a_review(client):
    reviewer = User.objects.create_user("jroe", password="a-long-test-password")
    reviewer.groups.add(Group.objects.get_or_create(name="reviewer")[0])
    client.post("/login/", {"username": "jroe", "password": "a-long-test-password"})
    assert client.get("/api/v1/review/CM16-0400101").status_code == 401
    client.force_login(reviewer)
    assert client.get("/api/v1/review/CM16-0400101").status_code == 404  # not assigned


def test_a_token_is_refused_for_an_account_that_could_not_read_what_it_files():
    User.objects.create_user("portal-user", is_staff=False)
    with pytest.raises(InvalidInput) as refused:
        token_create(name="half", username="portal-user")
    assert refused.value.problems[0].path == "$.user"
    assert "not a staff account" in refused.value.problems[0].message
    assert not ApiToken.objects.filter(name="half").exists()


def test_a_token_name_with_a_control_character_is_refused(portal_user):
    with pytest.raises(InvalidInput) as refused:
        token_create(name="tab\tname", username="claims-portal")
    assert refused.value.problems[0].path == "$.name"
    assert not ApiToken.objects.exists()
