"""The API's own pages (docs/api.md): its root names where the OpenAPI document and its
viewer are, as an integrator trying the base path expects (it answered 404), and the root,
the document and the viewer refuse a method they do not take with 405 and ``Allow``, as an
operation does (they answered 200 to PURGE or POST, or a write the site's HTML CSRF page)."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db
OWN = ["/api/v1/", "/api/v1/docs", "/api/v1/openapi.json"]


def test_the_root_names_the_document_and_its_viewer(client):
    index = client.get("/api/v1/")
    assert index.status_code == 200
    assert index.json()["version"] == "1"
    document = client.get(index.json()["openapi"])
    assert document.status_code == 200
    assert "/api/v1/applications" in document.json()["paths"]
    viewer = client.get(index.json()["docs"])
    assert viewer.status_code == 200
    assert b"swagger" in viewer.content.lower()


@pytest.mark.parametrize("method", ["POST", "PURGE", "DELETE"])
@pytest.mark.parametrize("url", OWN)
def test_a_method_they_do_not_take_is_refused_405_naming_get(url, method):
    # A client with no CSRF token, as every API client is: no CSRF page stands in.
    response = Client(enforce_csrf_checks=True).generic(method, url)
    assert response.status_code == 405
    assert response["Allow"] == "GET"
    error = response.json()["error"]
    assert error["code"] == "method_not_allowed"
    assert f"{method} is not allowed on {url}" in error["message"]


@pytest.mark.parametrize("url", OWN)
def test_head_is_answered_as_get(client, url):
    response = client.head(url)
    assert response.status_code == 200
    assert response.content == b""
