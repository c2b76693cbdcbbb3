"""A visitor, not logged in, searches the corpus: words, filters with their counts, snippets,
paging, and a clear message for a bad parameter."""

import pytest

from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus() -> None:
    make_decision(
        case_number="CM16-0000001",
        summary="Lumbar radiculopathy after lifting.",
        items=[item("Epidural steroid injection", category="injections", outcome="overturned")],
    )
    make_decision(case_number="CM16-0000002", summary="Knee pain.", items=[item("Knee brace")])


def test_a_visitor_searches_and_sees_snippets_and_filter_counts(client, corpus):
    response = client.get("/decisions/", {"q": "lumbar"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "1 decision matching" in body
    assert '<a href="/decisions/CM16-0000001/">CM16-0000001</a>' in body
    assert "<mark>Lumbar</mark> radiculopathy" in body
    assert "CM16-0000002" not in body
    assert (
        'href="?q=lumbar&amp;category=injections">Injections</a> <span class="count">1</span>'
        in body
    )


def test_a_filter_link_narrows_and_can_be_removed(client, corpus):
    body = client.get("/decisions/", {"outcome": "overturned"}).content.decode()
    assert "CM16-0000001" in body and "CM16-0000002" not in body
    assert "Decision: Overturned" in body
    assert 'href="?" aria-label="remove filter Decision"' in body


def test_a_bad_filter_value_gets_400_naming_it_and_no_results(client, corpus):
    response = client.get("/decisions/", {"year": "soon"})
    body = response.content.decode()
    assert response.status_code == 400
    assert "The Year filter: must be a whole number from 1990 to 2100" in body
    assert "CM16-0000001" not in body


def test_odd_characters_in_the_box_are_shown_escaped_and_search_safely(client, corpus):
    response = client.get("/decisions/", {"q": '<b>"NEAR(</b> 😀'})
    body = response.content.decode()
    assert response.status_code == 200
    assert "<b>" not in body.split("<main")[1]
    assert "&lt;b&gt;" in body


def test_the_export_links_carry_the_current_search(client, corpus):
    body = client.get("/decisions/", {"q": "knee", "page": "1"}).content.decode()
    assert 'href="/decisions/export.csv?q=knee"' in body
    assert 'href="/decisions/export.parquet?q=knee"' in body


def test_the_page_says_when_counts_cover_only_the_newest_matches(client, corpus, monkeypatch):
    from openimr.decisions import search

    monkeypatch.setattr(search, "FACET_CAP", 1)
    body = client.get("/decisions/").content.decode()
    assert "Counts over the 1 most recently added of the 2 matches" in body
    assert "2 decisions" in body
