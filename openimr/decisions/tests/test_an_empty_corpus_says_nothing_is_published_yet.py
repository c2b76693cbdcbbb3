"""A fresh installation's search page, with nothing published, says so: it had told a
visitor who typed nothing and chose no filter to "try fewer words or remove a filter". A
search or a filter that finds nothing still says nothing matches."""

import pytest

from openimr.decisions.tests.public_factories import make_decision

pytestmark = pytest.mark.django_db
NOTHING_YET = "No decision is published yet"
NO_MATCH = "No decision matches. Try fewer words or remove a filter."


def test_the_search_page_of_an_empty_corpus_says_nothing_is_published_yet(client):
    body = client.get("/decisions/").content.decode()
    assert NOTHING_YET in body and NO_MATCH not in body


@pytest.mark.parametrize("query", ["?q=knee", "?outcome=overturned"])
def test_a_search_or_a_filter_finding_nothing_says_nothing_matches(client, query):
    body = client.get(f"/decisions/{query}").content.decode()
    assert NO_MATCH in body and NOTHING_YET not in body


def test_a_corpus_with_decisions_never_says_it_is_empty(client):
    make_decision(case_number="CM16-0000001")
    body = client.get("/decisions/?q=zzzzqx").content.decode()
    assert NO_MATCH in body and NOTHING_YET not in body
