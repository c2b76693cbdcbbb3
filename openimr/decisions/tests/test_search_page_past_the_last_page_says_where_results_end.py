"""A page number past the last page (an old link, a hand-edited address) does not claim
that nothing matches: it says the results end earlier and links back to their last page."""

import pytest

from openimr.decisions.tests.public_factories import make_decision

pytestmark = pytest.mark.django_db


def test_a_page_past_the_end_links_to_the_last_page(client):
    for _ in range(3):
        make_decision()
    body = client.get("/decisions/", {"per_page": "2", "page": "7"}).content.decode()
    assert "3 decisions" in body
    assert "No decision matches" not in body
    assert "The results end on page 2" in body
    assert 'href="?per_page=2&amp;page=2"' in body


def test_an_empty_result_still_suggests_fewer_words(client):
    make_decision(summary="Knee pain.")
    body = client.get("/decisions/", {"q": "shoulder"}).content.decode()
    assert "No decision matches. Try fewer words or remove a filter." in body


def test_the_pager_and_the_title_say_past_the_last_page_not_page_7_of_2(client):
    for _ in range(3):
        make_decision()
    body = client.get("/decisions/", {"per_page": "2", "page": "7"}).content.decode()
    assert "Page 7, past the last page (2)" in body
    assert "page 7, past the last page (2) · openimr</title>" in body
    assert "7 of 2" not in body
