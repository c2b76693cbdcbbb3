"""A browser, a proxy or a researcher's script that has a public page or API answer already
asks again with its ETag (If-None-Match) and gets 304 Not Modified with no body until the
corpus changes: the statistics page is some 95 kB, a search page 20 kB. No public page or
answer carried a validator, so each reload fetched all of it again."""

import pytest
from django.core.cache import cache

from openimr.decisions.tests.public_factories import make_decision

pytestmark = pytest.mark.django_db

PUBLIC = [
    "/decisions/",
    "/decisions/?q=knee",
    "/decisions/CM16-0000001/",
    "/decisions/analytics/",
    "/decisions/analytics/category.csv",
    "/api/v1/decisions",
    "/api/v1/decisions/CM16-0000001",
]


@pytest.fixture(autouse=True)
def letter() -> None:
    cache.clear()
    make_decision(case_number="CM16-0000001", summary="Knee pain after a fall.")


@pytest.mark.parametrize("url", PUBLIC)
def test_asked_again_with_its_etag_a_public_answer_is_not_sent_again(client, url):
    first = client.get(url)
    assert first.status_code == 200
    etag = first["ETag"]
    again = client.get(url, headers={"if-none-match": etag})
    assert again.status_code == 304
    assert again.content == b""


def test_a_new_letter_changes_the_answer_and_its_etag(client):
    first = client.get("/decisions/")
    make_decision(case_number="CM16-0000002", summary="Shoulder pain.")
    again = client.get("/decisions/", headers={"if-none-match": first["ETag"]})
    assert again.status_code == 200
    assert "CM16-0000002" in again.content.decode()
    assert again["ETag"] != first["ETag"]
