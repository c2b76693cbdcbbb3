"""A token sent in the URL's query string (``?access_token=oimr_...``, or under any name) is
refused 401 in the error shape, saying to send it in the Authorization header and to have it
revoked, and is not used even beside a good header: a URL is kept by access logs, proxies
and browser history (RFC 6750 5.3). The log names the parameter, never the token."""

import logging

import pytest
from django.contrib.auth.models import User

from openimr.api.services import token_create

pytestmark = pytest.mark.django_db
URL = "/api/v1/applications/CM99-0000001"


@pytest.fixture
def secret():
    User.objects.create_user("claims-portal", is_staff=True)
    return token_create(name="portal", username="claims-portal")


@pytest.mark.parametrize("name", ["access_token", "token", "API_KEY", "q"])
def test_a_token_in_the_query_string_is_refused_saying_where_it_goes(client, secret, name, caplog):
    with caplog.at_level(logging.WARNING, logger="openimr.security"):
        response = client.get(URL, {name: secret})
    assert response.status_code == 401
    error = response.json()["error"]
    assert error["code"] == "unauthenticated"
    assert "Authorization header" in error["message"] and "revoke" in error["message"]
    assert error["fields"] == [{"path": f"$query.{name}", "message": "a token here"}]
    assert name in caplog.text and secret not in caplog.text and secret[:12] not in caplog.text


def test_a_good_header_does_not_save_a_request_with_a_token_in_its_url(client, secret):
    headers = {"Authorization": f"Bearer {secret}"}
    assert client.get(URL, headers=headers).status_code == 404  # the token works: no such case
    assert client.get(URL, {"token": secret}, headers=headers).status_code == 401


def test_a_search_for_ordinary_words_is_not_taken_for_a_token(client):
    assert client.get("/api/v1/decisions", {"q": "oimr_ lumbar"}).status_code == 200
