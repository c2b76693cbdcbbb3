"""Each API answer says the client's limit, what is left of it this minute and in how many
seconds the next minute opens (RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, as
draft-ietf-httpapi-ratelimit-headers names them): a client learnt its limit only from the
429, and could not pace a batch to stay under it. A token is told its own count; a client
without valid credentials, its address's."""

import pytest
import time_machine
from django.contrib.auth.models import User

from openimr.api.services import token_create

pytestmark = pytest.mark.django_db
PUBLIC = "/api/v1/decisions"


@pytest.fixture(autouse=True)
def _limits(settings):
    settings.OPENIMR_API_RATE_PER_MINUTE = 3
    settings.OPENIMR_API_ANON_RATE_PER_MINUTE = 2
    with time_machine.travel("2024-03-20 17:00:43Z", tick=False):
        yield


def _told(answer) -> tuple[str, str, str]:
    return (answer["RateLimit-Limit"], answer["RateLimit-Remaining"], answer["RateLimit-Reset"])


def test_a_token_is_told_what_is_left_until_its_429(client):
    User.objects.create_user("portal-user", is_staff=True)
    headers = {"Authorization": f"Bearer {token_create(name='p', username='portal-user')}"}
    answers = [client.get(PUBLIC, headers=headers) for _ in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert [_told(a) for a in answers] == [
        ("3", "2", "17"),
        ("3", "1", "17"),
        ("3", "0", "17"),
        ("3", "0", "17"),
    ]


def test_a_client_without_credentials_is_told_its_addresss_count(client):
    answers = [client.get(PUBLIC, REMOTE_ADDR="10.0.0.9") for _ in range(3)]
    assert [a.status_code for a in answers] == [200, 200, 429]
    assert [_told(a) for a in answers] == [("2", "1", "17"), ("2", "0", "17"), ("2", "0", "17")]


def test_no_limit_no_headers(client, settings):
    settings.OPENIMR_API_ANON_RATE_PER_MINUTE = 0
    assert "RateLimit-Limit" not in client.get(PUBLIC)


def test_the_openapi_document_declares_the_headers_on_each_success_and_429(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path, item in paths.items():
        for method, operation in item.items():
            for status, answer in operation["responses"].items():
                if status.startswith("2") or status == "429":
                    assert set(answer.get("headers", {})) >= {
                        "RateLimit-Limit",
                        "RateLimit-Remaining",
                        "RateLimit-Reset",
                    }, f"{method} {path} {status}"


def test_a_304_to_a_client_asking_again_with_its_etag_says_what_is_left(client):
    # The 304 is the answer a polling client gets most: it counted against the limit, and
    # the client read no count on it.
    first = client.get(PUBLIC, REMOTE_ADDR="10.0.0.9")
    again = client.get(PUBLIC, REMOTE_ADDR="10.0.0.9", headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    assert _told(again) == ("2", "0", "17")


def test_a_412_to_a_client_whose_etag_no_longer_matches_says_what_is_left(client):
    answer = client.get(PUBLIC, REMOTE_ADDR="10.0.0.9", headers={"If-Match": '"stale"'})
    assert answer.status_code == 412
    assert _told(answer) == ("2", "1", "17")
