"""The search page and the API say which words were searched (every one must appear) and
which were left out as too common. "lumbar OR knee" had been answered as "lumbar" and
"knee" under "matching “lumbar OR knee”", so an attorney read the letters as either; and
"NOT lumbar" finds letters that hold "lumbar", which only the words shown can tell. AND, OR,
NOT and NEAR typed in capitals are no operators: left out on both databases (SQLite had
required "not", which PostgreSQL's index leaves out), and the page says how to leave a
word out instead."""

import pytest
from django.db import connection

from openimr.decisions.search_terms import typed_words
from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "searched", "common"),
    [
        ("lumbar OR knee", ("lumbar", "knee"), ("OR",)),
        ("knee AND  the lumbar", ("knee", "lumbar"), ("AND", "the")),
        ('"L4-5" fusion*', ("L4-5", "fusion"), ()),
        ("the", ("the",), ()),
        ("Knee knee KNEE", ("Knee",), ()),
        ("knee NOT pain NEAR near", ("knee", "pain", "near"), ("NOT", "NEAR")),
        ("lumbar not knee", ("lumbar", "knee"), ("not",)),
        ("", (), ()),
    ],
)
def test_the_words_are_given_as_typed_with_the_common_ones_apart(text, searched, common):
    assert typed_words(text) == (searched, common)


@pytest.fixture
def letters() -> None:
    make_decision(summary="Lumbar strain and knee pain; the request is not supported.")
    make_decision(summary="Knee pain only.", items=[item("Knee brace")])


def test_the_page_shows_the_words_searched_and_those_left_out(client, letters):
    body = client.get("/decisions/", {"q": "lumbar OR knee"}).content.decode()
    assert (
        '<p class="muted" id="searched">Letters holding every one of these words: '
        "<strong>lumbar</strong> · <strong>knee</strong>. Left out as too common: OR. AND, OR, "
        "NOT and NEAR are no operators here: every word is required, and a dash before a word "
        "leaves it out (<kbd>-knee</kbd>).</p>"
    ) in body


def test_a_word_in_lower_case_gets_no_word_on_operators(client, letters):
    body = client.get("/decisions/", {"q": "lumbar or knee"}).content.decode()
    assert "Left out as too common: or.</p>" in body


@pytest.mark.parametrize("text", ["NOT lumbar", "knee NOT lumbar", "knee NEAR lumbar"])
def test_an_operator_of_other_engines_is_left_out_on_both_databases(client, letters, text):
    # PostgreSQL's English configuration indexes no "not"; SQLite's index keeps it, and had
    # found no letter for "knee NOT lumbar" where PostgreSQL found one.
    body = client.get("/api/v1/decisions", {"q": text}).json()
    typed = text.split()
    assert body["searched_words"] == [w for w in typed if w not in ("NOT", "NEAR")]
    assert body["common_words_left_out"] == [w for w in typed if w in ("NOT", "NEAR")]
    assert body["total"] == 1


def test_a_common_word_searched_with_a_filter_alone_is_named_on_the_page(client, letters):
    # PostgreSQL leaves "the" out of its index, and the filter alone chose the letters.
    body = client.get("/decisions/", {"q": "the", "year": "2016"}).content.decode()
    if connection.vendor == "postgresql":
        shown = '<p class="muted" id="searched">Left out as too common: the.</p>'
    else:
        shown = (
            '<p class="muted" id="searched">Letters holding every one of these words: '
            "<strong>the</strong>.</p>"
        )
    assert shown in body


def test_the_api_names_the_words_it_searched(client, letters):
    body = client.get("/api/v1/decisions", {"q": "lumbar OR knee"}).json()
    assert body["searched_words"] == ["lumbar", "knee"]
    assert body["common_words_left_out"] == ["OR"]
    assert body["total"] == 1


def test_a_search_without_words_or_by_case_number_names_none(client, letters):
    body = client.get("/api/v1/decisions").json()
    assert (body["searched_words"], body["common_words_left_out"]) == ([], [])
    page = client.get("/decisions/").content.decode()
    assert 'id="searched"' not in page
