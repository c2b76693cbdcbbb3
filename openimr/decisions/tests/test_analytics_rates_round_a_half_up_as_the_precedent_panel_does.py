"""The analytics page, its CSV files and `openimr corpus stats` round an overturn rate half
up, in integers, as the precedent panel does (12.5% reads 13% there): 1 of 16 overturned
(6.25%) read 6.2% on the page and in the command, as a binary float rounds a half to even,
and 1 of 32 (0.03125) read 0.0312 in the CSV."""

import csv
import datetime as dt
import io
import json

import pytest
from django.core.cache import cache

from openimr.cli import main
from openimr.decisions.analytics import Row
from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("overturned", "count", "percent", "fraction"),
    [
        (2, 32, "6.3%", "0.0625"),
        (6, 32, "18.8%", "0.1875"),
        (1, 32, "3.1%", "0.0313"),
        (10, 30, "33.3%", "0.3333"),
        (20, 30, "66.7%", "0.6667"),
        (1, 2000, "0.1%", "0.0005"),
        (0, 20, "0.0%", "0.0000"),
        (20, 20, "100.0%", "1.0000"),
    ],
)
def test_a_rate_rounds_a_half_up(overturned, count, percent, fraction):
    row = Row("x", count, overturned)
    assert (row.percent, row.fraction) == (percent, fraction)


def test_an_empty_row_has_no_rate():
    assert (Row("x", 0, 0).percent, Row("x", 0, 0).fraction) == ("", "")


@pytest.mark.parametrize("count", [1, 7, 19])
def test_a_row_of_fewer_than_20_items_has_no_rate(count):
    # domain/cohort.py: the rate is withheld, as the precedent panel withholds it.
    assert (Row("x", count, 1).rate, Row("x", count, 1).percent) == (None, "")
    assert Row("x", 20, 1).rate == 0.05


@pytest.fixture
def one_in_sixteen() -> None:
    # Two in 32: the same 6.25%, over enough items for a rate (domain/cohort.py).
    cache.clear()
    items = [item(category="acupuncture", outcome="upheld")] * 30
    make_decision(decided=dt.date(2016, 3, 1), items=items)
    make_decision(
        decided=dt.date(2016, 3, 2), items=[item(category="acupuncture", outcome="overturned")] * 2
    )


def test_the_page_the_csv_and_the_command_read_the_same_rounded_rate(
    client, capsys, one_in_sixteen
):
    page = client.get("/decisions/analytics/").content.decode()
    assert "<td>Acupuncture</td><td>32</td><td>2</td><td>6.3%</td>" in page
    body = client.get("/decisions/analytics/category.csv").content.decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(body)))[1] == ["acupuncture", "32", "2", "0.0625"]
    assert main(["corpus", "stats", "--by", "category"]) == 0
    assert capsys.readouterr().out.splitlines()[1].split() == ["acupuncture", "32", "2", "6.3%"]
    assert main(["corpus", "stats", "--by", "category", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["rows"][0]["rate"] == 0.0625
