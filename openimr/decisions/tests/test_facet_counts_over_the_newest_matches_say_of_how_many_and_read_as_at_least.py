"""Over more than FACET_CAP matches the facet counts cover the most recently added FACET_CAP
of them. The page had said "Counts over the 1000 most recently added matches." without
saying of how many, and printed each count as if exact: "Pain Medicine 412" led to 3,108
letters. It now says of how many matches ("of the 4,213 matches", "of more than 10,000
matches") and prints each count as a least ("412+"); under the cap, counts are exact and
written as they are."""

import datetime as dt

import pytest

from openimr.decisions import search
from openimr.decisions.tests.public_factories import make_decision

pytestmark = pytest.mark.django_db


@pytest.fixture
def letters() -> None:
    for day in range(1, 6):
        make_decision(decided=dt.date(2016, 3, day), specialties=("Pain Medicine",))


def facets_of(body: str) -> str:
    return body.split('id="facets"')[1].split("</aside>", maxsplit=1)[0]


def test_capped_counts_say_over_how_many_of_how_many_matches(client, letters, monkeypatch):
    monkeypatch.setattr(search, "FACET_CAP", 2)
    body = client.get("/decisions/", {"year": "2016"}).content.decode()
    assert (
        '<p class="muted" id="facets-capped">Counts over the 2 most recently added of the 5 '
        "matches: a value's link finds at least its count.</p>"
    ) in body
    assert '>Pain Medicine</a> <span class="count">2+</span>' in facets_of(body)


def test_over_the_counted_total_it_says_of_more_than(client, letters, monkeypatch):
    monkeypatch.setattr(search, "FACET_CAP", 2)
    monkeypatch.setattr(search, "COUNT_CAP", 3)
    body = client.get("/decisions/", {"q": "pain"}).content.decode()
    assert "Counts over the 2 most recently added of more than 3 matches" in body


def test_uncapped_counts_are_written_as_exact(client, letters):
    body = client.get("/decisions/", {"year": "2016"}).content.decode()
    assert 'id="facets-capped"' not in body
    assert '>Pain Medicine</a> <span class="count">5</span>' in facets_of(body)


def test_a_count_in_the_thousands_is_written_with_a_comma(client, letters, monkeypatch):
    from openimr.decisions import views

    shown = views.count_text(search.FacetValue("Pain Medicine", 4213), capped=False)
    assert (shown, views.count_text(search.FacetValue("x", 1000), capped=True)) == (
        "4,213",
        "1,000+",
    )


def test_the_total_is_written_as_the_counts_are(client, letters, monkeypatch):
    monkeypatch.setattr(search, "COUNT_CAP", 3)
    body = client.get("/decisions/", {"q": "pain"}).content.decode()
    assert '<p id="summary">More than 3 decisions matching' in body
