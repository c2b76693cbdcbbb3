"""The search page says, next to the count, the order its results come in, as the search
chose it: most relevant first for words (bm25 ranks the 2,000 most recently added matches,
the rest follow newest decision first), newest decision first for filters alone, for words
so common that more than 10,000 letters hold them, and on SQLite for words each too common
for bm25 to weigh. The page said none of this."""

import datetime as dt

import pytest
from django.core.cache import cache

from openimr.decisions import search_index
from openimr.decisions.search import Results, search
from openimr.decisions.search_terms import parse
from openimr.decisions.search_wording import order_text
from openimr.decisions.tests.public_factories import make_decision
from tests.a11y_html import parse as parse_html
from tests.a11y_html import text


@pytest.mark.parametrize(
    ("total", "ranked", "said"),
    [
        (3, False, "newest decision first"),
        (20_000, False, "newest decision first"),
        (2_000, True, "most relevant first"),
        (2_001, True, "most relevant first (past the first 2,000, newest decision first)"),
    ],
)
def test_the_order_is_said_as_the_search_ranked_the_results(total, ranked, said):
    results = Results(parse({"q": "knee"}), total, False, (), ranked=ranked)
    assert order_text(results) == said


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "ranked"),
    [({"q": "pain"}, True), ({"q": "pain", "year": "2016"}, True), ({"year": "2016"}, False)],
)
def test_words_are_ranked_and_filters_alone_are_not(params, ranked):
    make_decision(summary="Knee pain.")
    make_decision(summary="Back pain.")
    assert search(parse(params)).ranked is ranked


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "summary"),
    [
        ({"q": "pain"}, "2 decisions matching “pain”, most relevant first"),
        ({}, "2 decisions, newest decision first"),
        ({"q": "knee"}, "1 decision matching “knee”"),
    ],
)
def test_the_count_on_the_page_is_followed_by_the_order(client, params, summary):
    cache.clear()
    make_decision(summary="Knee pain.")
    make_decision(summary="Back pain.")
    page = parse_html(client.get("/decisions/", params).content.decode())
    assert text(page.by_id("summary")) == summary


@pytest.mark.django_db
def test_words_too_common_to_weigh_are_said_and_listed_newest_first(client, monkeypatch):
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL's ts_rank weighs every word")
    # As if the corpus held millions: "pain" in every letter is then too common to weigh.
    monkeypatch.setattr(search_index, "COMMON_LETTERS", 0)
    cache.clear()
    older = make_decision(summary="Knee pain, knee pain, knee pain.", decided=dt.date(2015, 1, 5))
    newer = make_decision(summary="Back pain.", decided=dt.date(2016, 1, 5))
    results = search(parse({"q": "pain"}))
    assert results.ranked is False
    assert [hit.case_number for hit in results.hits] == [newer.case_number, older.case_number]
    page = parse_html(client.get("/decisions/", {"q": "pain"}).content.decode())
    assert text(page.by_id("summary")) == "2 decisions matching “pain”, newest decision first"
