"""The API counts each client's requests a minute in the database (one count for every server
process): a token (or signed-in user) at OPENIMR_API_RATE_PER_MINUTE, an address without
valid credentials at OPENIMR_API_ANON_RATE_PER_MINUTE. Past it: 429 in the error shape, with Retry-After; the
next minute it is let in again. Other clients keep their own counts."""

import pytest
import time_machine
from django.contrib.auth.models import User
from django.core.cache import cache

from openimr.api.domain.rate import over_limit, window_at
from openimr.api.services import token_create

pytestmark = pytest.mark.django_db
PUBLIC = "/api/v1/decisions"
PRIVATE = "/api/v1/applications/CM24-0000001"


@pytest.fixture(autouse=True)
def _limits(settings):
    settings.OPENIMR_API_RATE_PER_MINUTE = 3
    settings.OPENIMR_API_ANON_RATE_PER_MINUTE = 2
    cache.clear()
    with time_machine.travel("2024-03-20 17:00:43Z", tick=False) as traveller:
        yield traveller
    cache.clear()


def _tokens(*names):
    User.objects.create_user("portal-user", is_staff=True)
    return [token_create(name=name, username="portal-user") for name in names]


def _get(client, url, token=None, address="10.0.0.1"):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return client.get(url, headers=headers, REMOTE_ADDR=address)


def test_a_token_past_its_limit_gets_429_with_retry_after(client):
    (token,) = _tokens("portal")
    assert [_get(client, PRIVATE, token).status_code for _ in range(3)] == [404, 404, 404]
    refused = _get(client, PRIVATE, token)
    assert refused.status_code == 429
    assert refused["Retry-After"] == "17"
    assert refused.json()["error"] == {
        "code": "rate_limited",
        "message": "too many requests: this client may make 3 a minute; try again in 17 s",
        "fields": [],
    }


def test_every_operation_declares_the_429_it_may_answer(client):
    document = client.get("/api/v1/openapi.json").json()
    operations = [op for path in document["paths"].values() for op in path.values()]
    assert operations and all("429" in op["responses"] for op in operations)


def test_the_next_minute_lets_the_client_in_again(client, _limits):
    (token,) = _tokens("portal")
    for _ in range(4):
        _get(client, PRIVATE, token)
    _limits.shift(17)
    assert _get(client, PRIVATE, token).status_code == 404


def test_each_token_has_its_own_count(client):
    first, second = _tokens("one", "two")
    for _ in range(4):
        _get(client, PRIVATE, first)
    assert _get(client, PRIVATE, second).status_code == 404


def test_an_address_without_credentials_is_held_to_the_anonymous_limit(client):
    assert [_get(client, PUBLIC).status_code for _ in range(3)] == [200, 200, 429]
    assert "this address may make 2 a minute" in _get(client, PUBLIC).json()["error"]["message"]
    assert _get(client, PUBLIC, address="10.0.0.2").status_code == 200


def test_guessed_tokens_count_against_their_address(client):
    answers = [_get(client, PRIVATE, f"oimr_guess{n}").status_code for n in range(3)]
    assert answers == [401, 401, 429]
    # The address is refused before any token it sends is looked up, a real one too.
    (token,) = _tokens("portal")
    assert _get(client, PRIVATE, token).status_code == 429


def test_pages_outside_the_api_are_not_counted(client):
    for _ in range(5):
        client.get("/healthz/", REMOTE_ADDR="10.0.0.1")
    assert _get(client, PUBLIC).status_code == 200


@pytest.mark.parametrize(
    ("count", "limit", "over"), [(1, 1, False), (2, 1, True), (10**6, 0, False), (61, 60, True)]
)
def test_the_limit_is_the_number_of_requests_a_minute(count, limit, over):
    assert over_limit(count, limit) is over


@pytest.mark.parametrize(
    ("seconds", "number", "retry"), [(0, 0, 60), (59.2, 0, 1), (60, 1, 60), (119.999, 1, 1)]
)
def test_a_window_is_a_whole_minute_and_retry_after_at_least_one_second(seconds, number, retry):
    assert (window_at(seconds).number, window_at(seconds).retry_after) == (number, retry)
