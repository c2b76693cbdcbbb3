"""A client parses every API failure the same way: a path under /api/ with no endpoint and a
method an endpoint does not take answer in the one error shape (docs/api.md), not with
Django's HTML page or ninja's plain text."""

import pytest

pytestmark = pytest.mark.django_db


def test_a_method_the_endpoint_does_not_take_is_answered_in_the_error_shape(client):
    response = client.post("/api/v1/decisions")
    assert response.status_code == 405
    assert response["Allow"] == "GET"
    error = response.json()["error"]
    assert error["code"] == "method_not_allowed"
    assert "POST" in error["message"] and "GET" in error["message"]
    assert error["fields"] == []


def test_a_path_with_no_endpoint_is_answered_in_the_error_shape(client):
    response = client.get("/api/v1/no-such-thing")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"]["code"] == "not_found"
    assert "/api/v1/no-such-thing" in response.json()["error"]["message"]


def test_an_api_not_found_keeps_its_own_message(client):
    response = client.get("/api/v1/decisions/CM99-9999999")
    assert response.status_code == 404
    assert response.json()["error"]["message"] == "no published decision CM99-9999999"


def test_a_missing_page_outside_the_api_stays_a_page(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert not response["Content-Type"].startswith("application/json")
