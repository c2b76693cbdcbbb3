"""A write with no credentials, or with a forged or revoked token, is told 401
`unauthenticated` (docs/api.md: "the same as none"), not 403 asking for a CSRF token it
has no use for: the CSRF check belongs to a session that would be let in. Such a session
without its CSRF token is still refused 403."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from conftest import intake_clerk
from openimr.api.services import token_create, token_revoke
from openimr.cases import models

pytestmark = pytest.mark.django_db
URL = "/api/v1/applications"


@pytest.fixture
def browser():
    """A client that, like a real one, is held to Django's CSRF check."""
    return Client(enforce_csrf_checks=True)


def _post(client, body, token=None):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return client.post(URL, data=json.dumps(body), content_type="application/json", headers=headers)


def _revoked_token():
    get_user_model().objects.create_user("claims-portal", is_staff=True)
    token = token_create(name="portal", username="claims-portal")
    token_revoke(name="portal")
    return token


@pytest.mark.parametrize("token", [None, "oimr_forged", "revoked"])
def test_a_write_without_valid_credentials_is_401(browser, application_doc, token):
    secret = _revoked_token() if token == "revoked" else token
    response = _post(browser, application_doc, secret)
    assert response.status_code == 401, response.content
    assert response.json()["error"]["code"] == "unauthenticated"
    assert models.Application.objects.count() == 0


def test_a_session_the_staff_operations_do_not_admit_is_401(browser, application_doc):
    browser.force_login(get_user_model().objects.create_user("visitor"))
    assert _post(browser, application_doc).status_code == 401


def test_an_intake_session_without_its_csrf_token_is_still_403(browser, application_doc):
    browser.force_login(intake_clerk())
    response = _post(browser, application_doc)
    assert response.status_code == 403
    assert "X-CSRFToken" in response.json()["error"]["message"]
    assert models.Application.objects.count() == 0
