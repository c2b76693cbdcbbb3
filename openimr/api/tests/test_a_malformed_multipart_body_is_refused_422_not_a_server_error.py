"""The API reads JSON bodies. A session's write sent as `multipart/form-data` with no
boundary cannot be read by Django's CSRF check: it is bad input (422 saying to send JSON,
nothing stored), not a server error."""

import pytest
from django.test import Client

from conftest import intake_clerk
from openimr.cases import models

pytestmark = pytest.mark.django_db


def test_a_multipart_body_without_a_boundary_is_422(application_doc):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(intake_clerk())
    browser.get("/api/v1/docs")  # sets the csrftoken cookie: the check then reads the body
    response = browser.post("/api/v1/applications", data="{}", content_type="multipart/form-data")
    assert response.status_code == 422, response.content[:300]
    [field] = response.json()["error"]["fields"]
    assert field["path"] == "$"
    assert "application/json" in field["message"]
    assert models.Application.objects.count() == 0
