"""An `Idempotency-Key` header sent empty makes no retry safe: it is bad input (422 at the
header, nothing stored), not a key the second use of which fails on the database (a 500)."""

import json

import pytest

from openimr.cases import models

pytestmark = pytest.mark.django_db


def _post(client, token, body, key):
    return client.post(
        "/api/v1/applications",
        data=json.dumps(body),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}", "Idempotency-Key": key},
    )


def test_an_empty_key_is_refused_each_time_and_nothing_is_stored(client, token, application_doc):
    for _ in range(2):
        response = _post(client, token, application_doc, "")
        assert response.status_code == 422, response.content
        [field] = response.json()["error"]["fields"]
        assert field == {"path": "$.Idempotency-Key", "message": "must not be empty"}
    assert models.Application.objects.count() == 0


def test_a_real_key_still_makes_the_retry_safe(client, token, application_doc):
    first = _post(client, token, application_doc, "retry-1")
    again = _post(client, token, application_doc, "retry-1")
    assert (first.status_code, again.status_code) == (201, 200)
    assert models.Application.objects.count() == 1


@pytest.mark.parametrize("key", ["a\x01b", "tab\there", "   ", " padded", "clé"])
def test_a_key_not_of_printable_ascii_is_refused_at_the_header(client, token, application_doc, key):
    # A control character was stored and echoed; a space at an end, or a letter outside
    # ASCII, is a key a server may trim or re-read as another on the retry.
    response = _post(client, token, application_doc, key)
    assert response.status_code == 422, response.content
    [field] = response.json()["error"]["fields"]
    assert field["path"] == "$.Idempotency-Key"
    assert field["message"].startswith("must be printable ASCII")
    assert models.Application.objects.count() == 0
