"""A request body larger than Django lets the server read (``DATA_UPLOAD_MAX_MEMORY_SIZE``,
sized from ``OPENIMR_UPLOAD_MAX_BYTES``) is refused unread: 413 ``too_large`` (RFC 9110
15.5.14) in the one error shape, naming the limit, nothing stored; not a server error or
Django's HTML page, nor the 422 of a body read and found wrong."""

import json

import pytest
from django.contrib.auth import get_user_model

from openimr.api.services import token_create
from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import
from openimr.records.models import Record

pytestmark = pytest.mark.django_db
URL = "/api/v1/cases/CM16-0400101/documents"


@pytest.fixture
def token(three_item_doc):
    case_import(case=case_from_document(three_item_doc), actor="test")
    get_user_model().objects.create_user("claims-portal", is_staff=True)
    return token_create(
        name="portal", username="claims-portal", administrator="Golden State Claims Services Inc"
    )


@pytest.mark.parametrize("debug", [False, True])
def test_a_body_over_the_limit_is_413_naming_the_limit(client, settings, token, debug):
    settings.DEBUG = debug
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    body = {"filename": "big.pdf", "content_base64": "A" * 2000, "submitted_by": "employee"}
    response = client.post(
        URL,
        data=json.dumps(body),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 413, response.content[:300]
    assert response.json()["error"]["code"] == "too_large"
    [field] = response.json()["error"]["fields"]
    assert field["path"] == "$"
    assert "the limit is 1,000 bytes" in field["message"]
    assert Record.objects.count() == 0
