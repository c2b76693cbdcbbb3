"""A query of more words than are searched says so on the page: it had echoed the whole
query while searching only its first words."""

import pytest

from openimr.decisions.search_terms import MAX_WORDS, words, words_left_out

pytestmark = pytest.mark.django_db


def test_the_words_past_the_limit_are_counted():
    text = " ".join(f"word{n}" for n in range(MAX_WORDS + 3))
    assert len(words(text)) == MAX_WORDS
    assert words_left_out(text) == 3
    assert words_left_out("lumbar epidural injection") == 0


def test_the_page_says_how_many_words_were_left_out(client):
    text = " ".join(f"word{n}" for n in range(MAX_WORDS + 2))
    page = client.get("/decisions/", {"q": text}).content.decode()
    assert f"Only the first {MAX_WORDS} words were searched; 2 more were left out." in page
    assert "words-left-out" not in client.get("/decisions/", {"q": "lumbar"}).content.decode()
