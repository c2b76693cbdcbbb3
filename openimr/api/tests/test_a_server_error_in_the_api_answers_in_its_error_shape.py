"""An unexpected error in the API stays a 500, but answers in the API's one error shape, as
every other API failure does: with debug off it answered the site's HTML error page, which
a client parsing `{"error": {...}}` could not read."""

import pytest
from django.test import Client

from openimr.decisions import selectors

pytestmark = pytest.mark.django_db


def test_an_unexpected_error_answers_500_with_the_error_shape(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(selectors, "decision_search", broken)
    client = Client(raise_request_exception=False)
    response = client.get("/api/v1/decisions")
    assert response.status_code == 500
    assert response["Content-Type"].startswith("application/json")
    error = response.json()["error"]
    assert error["code"] == "server_error"
    assert error["fields"] == []
    assert "a bug" not in error["message"]  # nothing of the cause leaves the server
