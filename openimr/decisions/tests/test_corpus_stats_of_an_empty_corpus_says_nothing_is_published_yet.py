"""`openimr corpus stats` over a corpus with no decided item says so under its header, as
the search page of an empty corpus says "No decision is published yet": it printed the
header alone, which read as a command that had stopped short. JSON has its empty rows."""

import json

import pytest
from django.core.cache import cache

from openimr.cli import main
from openimr.decisions.tests.public_factories import make_decision

pytestmark = pytest.mark.django_db
NOTHING_YET = "(no decided item is published yet: nothing to count)"


@pytest.fixture(autouse=True)
def _fresh_counts() -> None:
    cache.clear()  # the statistics are kept by the corpus's size


@pytest.mark.parametrize("field", ["category", "year", "specialty"])
def test_the_table_of_an_empty_corpus_says_nothing_is_published_yet(field, capsys):
    assert main(["corpus", "stats", "--by", field]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == [field, "count", "overturned", "rate"]
    assert lines[1:] == [NOTHING_YET]


def test_a_letter_deciding_nothing_leaves_nothing_to_count(capsys):
    make_decision(case_number="CM16-0000001", items=[])
    assert main(["corpus", "stats", "--by", "outcome"]) == 0
    assert capsys.readouterr().out.splitlines()[1:] == [NOTHING_YET]


def test_the_json_of_an_empty_corpus_has_no_rows(capsys):
    assert main(["corpus", "stats", "--by", "year", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"by": "year", "rows": [], "left_out": 0}


def test_a_corpus_with_a_decided_item_never_says_it_is_empty(capsys):
    make_decision(case_number="CM16-0000001")
    assert main(["corpus", "stats", "--by", "outcome"]) == 0
    assert NOTHING_YET not in capsys.readouterr().out
