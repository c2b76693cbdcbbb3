"""A search box holding only spaces (a tab, a no-break space, a NUL read as a space) lists
every letter, as an empty box does, and says so plainly: it said "2,003 decisions matching
“ ”", as if a word had been searched, and kept the spaces in the box."""

import pytest
from django.core.cache import cache

from openimr.decisions.tests.public_factories import make_decision
from tests.a11y_html import parse, text

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("typed", [" ", "   ", "\t", "\u00a0", "\x00"])
def test_spaces_alone_list_every_letter_with_no_words_quoted(client, typed):
    cache.clear()
    make_decision(summary="Knee pain.")
    make_decision(summary="Back pain.")
    response = client.get("/decisions/", {"q": typed})
    assert response.status_code == 200
    page = parse(response.content.decode())
    assert text(page.by_id("summary")) == "2 decisions, newest decision first"
    (box,) = [c for c in page.controls() if c.attrs.get("name") == "q"]
    assert box.attrs.get("value") == ""


def test_words_keep_their_quote_without_the_spaces_around_them(client):
    cache.clear()
    make_decision(summary="Knee pain.")
    page = parse(client.get("/decisions/", {"q": "  knee "}).content.decode())
    assert text(page.by_id("summary")) == "1 decision matching “knee”"
