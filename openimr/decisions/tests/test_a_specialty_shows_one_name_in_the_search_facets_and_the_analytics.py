"""A specialty its letters spell two ways shows one name in the search's facets and in the
analytics (page, CSV, `openimr corpus stats`): the spelling the most letters of the corpus
print. Before, the facets took the spelling most matched letters print and the analytics
the one naming the most decided items, so "Physical Medicine & Rehabilitation" (two
letters of one item each) was "Physical Medicine and Rehabilitation" (one letter of three
items) on the analytics page; and a search matching only the letters of the rarer spelling
showed that one."""

import csv
import io
import json

import pytest
from django.core.cache import cache

from openimr.cli import main
from openimr.decisions.search import search
from openimr.decisions.search_terms import parse
from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = pytest.mark.django_db
AMPERSAND = "Physical Medicine & Rehabilitation"
AND = "Physical Medicine and Rehabilitation"


@pytest.fixture
def spellings() -> None:
    """Two letters print "&" (one item each), one letter "and" (three items, surgery)."""
    cache.clear()
    make_decision(specialties=(AMPERSAND,), items=[item()])
    make_decision(specialties=(AMPERSAND,), items=[item(outcome="overturned")])
    make_decision(specialties=(AND,), items=[item(category="surgery")] * 3)


def _facet_names(**filters: str) -> list[str]:
    return [v.value for v in search(parse(filters)).facets["specialty"]]


def test_the_facets_and_the_analytics_name_the_specialty_alike(client, capsys, spellings):
    assert _facet_names(outcome="upheld") == [AMPERSAND]
    assert main(["corpus", "stats", "--by", "specialty", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["rows"]
    assert [(r["key"], r["count"]) for r in rows] == [(AMPERSAND, 5)]
    body = client.get("/decisions/analytics/specialty.csv").content.decode()
    assert [row[:2] for row in csv.reader(io.StringIO(body))][1:] == [[AMPERSAND, "5"]]
    page = client.get("/decisions/analytics/").content.decode()
    assert AND not in page


def test_a_search_matching_only_the_rarer_spelling_shows_the_same_name(spellings):
    assert _facet_names(category="surgery") == [AMPERSAND]
