"""A client checking an API address before reading it (`curl -I`, a monitor, a link
checker) sends HEAD: it gets GET's status and headers, with no body. HEAD answered 405
"HEAD is not allowed; allowed: GET" on every read of the API (RFC 9110 9.3.2: a server that
takes GET takes HEAD; Django's own views answer HEAD as GET)."""

import pytest
from django.core.cache import cache

from openimr.decisions.tests.public_factories import make_decision

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def letter() -> None:
    cache.clear()
    make_decision(case_number="CM16-0000001", summary="Knee pain.")


@pytest.mark.parametrize("url", ["/api/v1/decisions?q=knee", "/api/v1/decisions/CM16-0000001"])
def test_head_of_a_read_answers_its_status_and_headers_without_a_body(client, url):
    get = client.get(url)
    head = client.head(url)
    assert head.status_code == get.status_code == 200
    assert head["Content-Type"] == get["Content-Type"] == "application/json; charset=utf-8"
    assert head.content == b""


def test_head_of_a_bad_read_is_refused_as_get_is(client):
    assert client.head("/api/v1/decisions?page=0").status_code == 422
    assert client.head("/api/v1/decisions/CM16-9999999").status_code == 404


def test_head_of_an_address_that_takes_no_get_is_refused(client):
    response = client.head("/api/v1/applications")
    assert response.status_code == 405
    assert "GET" not in response["Allow"] and "POST" in response["Allow"]
