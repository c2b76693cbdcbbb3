"""`openimr corpus stats --by year|month` says how many decided items it leaves out for
want of a value: items of letters that print no decision date were dropped without a word
(79 of 794 in a QA pass's corpus)."""

import datetime as dt
import json

import pytest
from django.core.cache import cache

from openimr.cli import main
from openimr.decisions import analytics
from openimr.decisions.models import Decision
from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus() -> None:
    cache.clear()
    make_decision(decided=dt.date(2016, 1, 20), items=[item(outcome="upheld")])
    undated = make_decision(items=[item(outcome="overturned"), item(outcome="upheld")])
    # As a 2014 letter is stored: it prints no decision date.
    Decision.objects.filter(pk=undated.pk).update(decision_date=None, year=None)


@pytest.mark.parametrize(
    ("field", "left_out"),
    [
        ("year", 2),
        ("month", 2),
        ("outcome", 0),
        ("category", 0),
        ("family", 0),
        ("specialty", 0),
        ("priority", 0),
    ],
)
def test_the_items_without_a_value_are_counted_apart(corpus, field, left_out):
    assert analytics.items_left_out(field) == left_out
    placed = sum(r.count for r in analytics.overturn_by(field))
    assert placed + left_out == 3


def test_the_command_says_so_in_its_table_and_its_json(corpus, capsys):
    assert main(["corpus", "stats", "--by", "year"]) == 0
    assert "(2 decided items have no year and are not counted above)" in capsys.readouterr().out
    assert main(["corpus", "stats", "--by", "year", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["left_out"] == 2


def test_one_item_left_out_is_said_in_the_singular(capsys):
    cache.clear()
    make_decision(decided=dt.date(2016, 1, 20), items=[item(outcome="upheld")])
    undated = make_decision(items=[item(outcome="overturned")])
    Decision.objects.filter(pk=undated.pk).update(decision_date=None, year=None)
    assert main(["corpus", "stats", "--by", "year"]) == 0
    assert "(1 decided item has no year and is not counted above)" in capsys.readouterr().out
