"""A logged-in session's write without Django's CSRF token is refused 403 `forbidden` as
docs/api.md lists it, saying what to send; not an undocumented `http_error` code with
"CSRF check Failed". The same request with the token gets through."""

import json

import pytest
from django.test import Client

from conftest import intake_clerk
from openimr.cases import models

pytestmark = pytest.mark.django_db


@pytest.fixture
def session():
    client = Client(enforce_csrf_checks=True)
    client.force_login(intake_clerk())
    client.get("/api/v1/docs")  # any page: sets the csrftoken cookie
    return client


def _post(session, body, **headers):
    return session.post(
        "/api/v1/applications", data=json.dumps(body), content_type="application/json", **headers
    )


def test_a_write_without_the_csrf_token_is_403_forbidden_naming_the_header(
    session, application_doc
):
    response = _post(session, application_doc)
    assert response.status_code == 403
    error = response.json()["error"]
    assert error["code"] == "forbidden"
    assert "X-CSRFToken" in error["message"]
    assert models.Application.objects.count() == 0


def test_the_same_write_with_the_token_is_filed(session, application_doc):
    token = session.cookies["csrftoken"].value
    response = _post(session, application_doc, headers={"X-CSRFToken": token})
    assert response.status_code == 201, response.content
