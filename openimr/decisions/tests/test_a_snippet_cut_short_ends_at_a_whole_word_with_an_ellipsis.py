"""Listed with no words searched, each letter shows the start of its summary: cut short, it
ends at a whole word and says it goes on ("…"), as a snippet around searched words does.
It was cut at the 320th character, mid-word: "reported ongoing issues with right shoulder
pai", on the page and in the API."""

import pytest
from django.core.cache import cache

from openimr.decisions.tests.public_factories import make_decision

pytestmark = pytest.mark.django_db

LONG = " ".join(f"shoulder{n:03d}" for n in range(60))  # 60 words of 11 characters
SHORT = "The injured worker reports knee pain."


@pytest.fixture(autouse=True)
def letters() -> None:
    cache.clear()
    make_decision(case_number="CM16-0000001", summary=LONG)
    make_decision(case_number="CM16-0000002", summary=SHORT)


def _snippets(client) -> dict[str, str]:
    body = client.get("/api/v1/decisions").json()
    return {hit["case_number"]: hit["snippet_html"] for hit in body["results"]}


def test_a_long_summary_is_cut_at_a_word_and_marked_as_going_on(client):
    snippet = _snippets(client)["CM16-0000001"]
    assert snippet.endswith(" …")
    words = snippet.removesuffix(" …").split(" ")
    assert words == LONG.split(" ")[: len(words)]  # whole words only, from the start
    assert 300 <= len(snippet) <= 322


def test_a_short_summary_is_shown_whole_with_no_ellipsis(client):
    assert _snippets(client)["CM16-0000002"] == SHORT


def test_the_page_shows_the_same_cut(client):
    body = client.get("/decisions/").content.decode()
    assert "shoulder024 shoulder025 …</p>" in body
