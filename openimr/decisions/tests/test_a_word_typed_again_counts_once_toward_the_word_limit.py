"""A word typed more than once is searched once and counted once toward the limit of
MAX_WORDS words: repeated words had filled the limit and the words after them were left
out (a search for an attorney's pasted paragraph lost its last, telling word)."""

import pytest

from openimr.decisions.search_terms import MAX_WORDS, words, words_left_out
from openimr.decisions.tests.public_factories import make_decision

pytestmark = pytest.mark.django_db


def test_repeated_words_are_kept_once_in_the_order_first_typed():
    assert words("lumbar Lumbar LUMBAR spine lumbar L4-5 l4-5") == (
        ("lumbar",),
        ("spine",),
        ("L4", "5"),
    )


def test_a_word_past_the_repeats_is_still_searched():
    text = "lumbar spine " * MAX_WORDS + "gabapentin"
    assert ("gabapentin",) in words(text)
    assert words_left_out(text) == 0


def test_only_distinct_words_past_the_limit_are_counted_as_left_out():
    distinct = [f"word{n}" for n in range(MAX_WORDS + 2)]
    text = " ".join(distinct + distinct)
    assert len(words(text)) == MAX_WORDS
    assert words_left_out(text) == 2


def test_the_page_finds_the_letter_named_by_the_word_after_the_repeats(client):
    make_decision(case_number="CM16-0000001", summary="Gabapentin for neuropathic pain.")
    text = "pain pain " * MAX_WORDS + "gabapentin"
    page = client.get("/decisions/", {"q": text}).content.decode()
    assert "CM16-0000001" in page
    assert "words-left-out" not in page
