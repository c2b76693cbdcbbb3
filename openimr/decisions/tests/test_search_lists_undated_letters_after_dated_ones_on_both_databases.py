"""Newest first, without words, means the dated letters by date and then the letters whose
layout prints no decision date (the 2013-2014 one), on SQLite and PostgreSQL alike:
PostgreSQL sorts a NULL date first in a descending order, which had put every undated
letter of the corpus before the newest dated one."""

import datetime as dt

import pytest

from openimr.decisions.models import Decision
from openimr.decisions.search import search
from openimr.decisions.search_terms import parse
from openimr.decisions.tests.public_factories import make_decision

pytestmark = pytest.mark.django_db


def some_letters() -> None:
    make_decision(case_number="CM16-0000001", decided=dt.date(2016, 1, 4))
    make_decision(case_number="CM17-0000002", decided=dt.date(2017, 2, 1))
    undated = make_decision(case_number="CM14-0000003", decided=dt.date(2014, 5, 6))
    Decision.objects.filter(pk=undated.pk).update(decision_date=None)
    make_decision(case_number="CM15-0000004", decided=dt.date(2015, 7, 8))


def listed(**params: str) -> list[str]:
    return [hit.case_number for hit in search(parse(params)).hits]


def test_the_whole_corpus_lists_undated_letters_last() -> None:
    some_letters()
    assert listed() == ["CM17-0000002", "CM16-0000001", "CM15-0000004", "CM14-0000003"]


def test_a_filter_alone_lists_undated_letters_last() -> None:
    some_letters()
    assert listed(priority="standard") == [
        "CM17-0000002",
        "CM16-0000001",
        "CM15-0000004",
        "CM14-0000003",
    ]


def test_the_second_page_continues_past_the_dated_letters() -> None:
    some_letters()
    assert listed(per_page="3", page="2") == ["CM14-0000003"]
    assert listed(per_page="2", page="2") == ["CM15-0000004", "CM14-0000003"]
