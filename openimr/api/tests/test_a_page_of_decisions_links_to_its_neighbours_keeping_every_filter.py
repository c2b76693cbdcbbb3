"""A page of /api/v1/decisions gives the addresses of the search's previous and next pages
in its body, and of the first, previous, next and last in its Link header (RFC 8288), each
keeping every parameter the client sent: a client walked the pages by counting them itself,
and one that rebuilt the query string could drop a filter and read another search."""

import re
from datetime import date
from urllib.parse import parse_qsl, urlsplit

import pytest

from openimr.decisions.tests.public_factories import make_decision

pytestmark = pytest.mark.django_db
SEARCH = "/api/v1/decisions"


@pytest.fixture
def five_standard_and_one_expedited():
    for day in range(1, 6):
        make_decision(decided=date(2016, 3, day))
    make_decision(decided=date(2016, 3, 9), priority="expedited")


def _links(answer) -> dict[str, str]:
    return {rel: url for url, rel in re.findall(r'<([^>]*)>; rel="([a-z]+)"', answer["Link"])}


def _asked(url: str) -> tuple[str, dict[str, str]]:
    parts = urlsplit(url)
    return parts.path, dict(parse_qsl(parts.query))


def test_a_middle_page_links_both_ways_keeping_the_filter_and_page_size(
    client, five_standard_and_one_expedited
):
    answer = client.get(SEARCH, {"priority": "standard", "per_page": "2", "page": "2"})
    body = answer.json()
    assert (body["total"], body["page"], body["pages"]) == (5, 2, 3)
    assert _asked(body["previous"]) == (
        SEARCH,
        {"priority": "standard", "per_page": "2", "page": "1"},
    )
    assert _asked(body["next"]) == (SEARCH, {"priority": "standard", "per_page": "2", "page": "3"})
    links = _links(answer)
    assert set(links) == {"first", "prev", "next", "last"}
    assert links["prev"] == body["previous"] and links["next"] == body["next"]
    assert _asked(links["last"])[1]["page"] == "3"


def test_following_next_walks_every_match_once_and_ends_with_null(
    client, five_standard_and_one_expedited
):
    seen, url = [], f"{SEARCH}?priority=standard&per_page=2"
    while url:
        body = client.get(url).json()
        seen += [hit["case_number"] for hit in body["results"]]
        url = body["next"]
    assert len(seen) == len(set(seen)) == 5  # the expedited one never, by the kept filter


def test_the_first_page_has_no_previous_and_one_page_no_next(
    client, five_standard_and_one_expedited
):
    first = client.get(SEARCH, {"per_page": "4"})
    assert first.json()["previous"] is None and "prev" not in _links(first)
    only = client.get(SEARCH, {"priority": "expedited"})
    assert (only.json()["previous"], only.json()["next"]) == (None, None)
    assert set(_links(only)) == {"first", "last"}


def test_past_the_last_page_the_previous_is_the_last(client, five_standard_and_one_expedited):
    body = client.get(SEARCH, {"per_page": "2", "page": "7"}).json()
    assert body["next"] is None
    assert _asked(body["previous"])[1]["page"] == "3"


def test_the_document_declares_the_link_header_and_the_two_addresses(client):
    document = client.get("/api/v1/openapi.json").json()
    answer = document["paths"][SEARCH]["get"]["responses"]["200"]
    assert "Link" in answer["headers"]
    schema = document["components"]["schemas"]["SearchOut"]
    assert {"previous", "next"} <= set(schema["required"])
