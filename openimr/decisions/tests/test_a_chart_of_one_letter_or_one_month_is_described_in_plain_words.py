"""The sentence under a chart (what a screen reader hears for it) reads as English for a
corpus of one letter or one month: it had read "1 letters from 2016-03 to 2016-03. Most in
2016-03: 1. Fewest in 2016-03: 1.", a span, a busiest and a quietest month of one month,
and the rate over time "From 25.0% in 2016-03 to 25.0% in 2016-03. Highest 25.0% in
2016-03; lowest 25.0% in 2016-03."."""

import datetime as dt

import pytest
from django.core.cache import cache

from openimr.decisions.tests.public_factories import item, make_decision
from openimr.decisions.tests.test_a_screen_reader_hears_what_each_chart_shows import _description
from tests.a11y_html import parse

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_report() -> None:
    cache.clear()


def _page(client):
    return parse(client.get("/decisions/analytics/").content.decode())


def test_one_letter_in_one_month(client):
    make_decision(decided=dt.date(2016, 3, 14))
    assert _description(_page(client), "letters") == "1 letter in 2016-03."


def test_several_letters_in_one_month(client):
    make_decision(decided=dt.date(2016, 3, 14))
    make_decision(decided=dt.date(2016, 3, 20))
    assert _description(_page(client), "letters") == "2 letters, all in 2016-03."


def test_one_month_with_a_rate(client):
    outcomes = ["overturned"] * 5 + ["upheld"] * 15
    make_decision(items=[item(f"T{n}", outcome=o) for n, o in enumerate(outcomes)])
    assert _description(_page(client), "over_time") == "25.0% in 2016-03."


def test_one_month_with_a_rate_among_months_without(client):
    outcomes = ["overturned"] * 5 + ["upheld"] * 15
    make_decision(items=[item(f"T{n}", outcome=o) for n, o in enumerate(outcomes)])
    make_decision(decided=dt.date(2016, 5, 2))
    assert _description(_page(client), "over_time") == (
        "25.0% in 2016-03, the only month with a rate: the other 2 have fewer than 20 "
        "decided items."
    )


def test_two_months_keep_their_span_and_extremes(client):
    make_decision(decided=dt.date(2016, 1, 5))
    make_decision(decided=dt.date(2016, 2, 5))
    make_decision(decided=dt.date(2016, 2, 9))
    assert _description(_page(client), "letters") == (
        "3 letters from 2016-01 to 2016-02. Most in 2016-02: 2. Fewest in 2016-01: 1."
    )
