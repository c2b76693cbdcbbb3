"""A body that is not JSON (a syntax error, bytes that are not UTF-8) is bad input like any
other (docs/api.md): 422 `invalid` at `$`, saying what is wrong and where, nothing stored;
not a 400 with an undocumented code whose reason shows only in debug mode."""

import pytest

from openimr.cases.models import Application

pytestmark = pytest.mark.django_db


def _post(client, token, body: bytes):
    return client.post(
        "/api/v1/applications",
        data=body,
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )


@pytest.mark.parametrize("debug", [False, True])
def test_a_json_syntax_error_is_422_naming_line_and_column(client, settings, token, debug):
    settings.DEBUG = debug
    response = _post(client, token, b'{"review_type": "regular",}')
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid"
    [field] = error["fields"]
    assert field["path"] == "$"
    assert field["message"].startswith("is not valid JSON")
    assert "line 1 column 27" in field["message"]
    assert Application.objects.count() == 0


def test_bytes_that_are_not_utf8_are_422_at_the_root(client, token):
    response = _post(client, token, b"\xa6\xff{}")
    assert response.status_code == 422
    [field] = response.json()["error"]["fields"]
    assert field["path"] == "$"
    assert "UTF-8" in field["message"]
