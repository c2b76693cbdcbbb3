"""The 2013 letters print "Physical Medicine and Rehabilitation", the 2016-2017 ones
"Physical Medicine & Rehabilitation". `openimr corpus stats --by specialty` and the
analytics page's specialty chart, table and CSV count them as one specialty, by the
search's rule (`search_tags.specialty_tag`), under the commonest spelling; they were two
rows, each with part of the specialty's items and its own rate."""

import csv
import io
import json

import pytest
from django.core.cache import cache

from openimr.cli import main
from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = pytest.mark.django_db
AMPERSAND = "Physical Medicine & Rehabilitation"
AND = "Physical Medicine and Rehabilitation"


@pytest.fixture
def two_spellings() -> None:
    """25 items under "&" (five overturned), three under "and" (overturned), one letter
    naming both (its one item counted once), and two orthopedic items (too few for a rate,
    domain/cohort.py)."""
    cache.clear()
    make_decision(specialties=(AMPERSAND,), items=[item(outcome="upheld")] * 20)
    make_decision(specialties=(AMPERSAND,), items=[item(outcome="overturned")] * 5)
    make_decision(specialties=(AND,), items=[item(outcome="overturned")] * 3)
    make_decision(specialties=(AMPERSAND, "Physical medicine  and rehabilitation"))
    make_decision(specialties=("Orthopedic Surgery",), items=[item()] * 2)


def test_corpus_stats_prints_one_row_for_the_specialty(capsys, two_spellings):
    assert main(["corpus", "stats", "--by", "specialty", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["rows"]
    assert [(r["key"], r["count"], r["overturned"]) for r in rows] == [
        (AMPERSAND, 29, 8),
        ("Orthopedic Surgery", 2, 0),
    ]
    assert main(["corpus", "stats", "--by", "specialty"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.rsplit(None, 3)[0] for line in lines[1:3]] == [AMPERSAND, "Orthopedic Surgery"]
    assert not any(AND in line for line in lines)


def test_the_page_and_the_csv_show_one_row_for_the_specialty(client, two_spellings):
    page = client.get("/decisions/analytics/").content.decode()
    assert (
        "<td>Physical Medicine &amp; Rehabilitation</td><td>29</td><td>8</td><td>27.6%</td>" in page
    )
    assert AND not in page
    body = client.get("/decisions/analytics/specialty.csv").content.decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(body)))[1:] == [
        [AMPERSAND, "29", "8", "0.2759"],
        ["Orthopedic Surgery", "2", "0", ""],
    ]
