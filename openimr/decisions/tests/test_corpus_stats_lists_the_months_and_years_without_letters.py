"""`openimr corpus stats --by month` and `--by year` list every month (year) from the first
to the last, one that decided nothing as 0 items and no rate, as the page's "over time"
table and its CSV do: the command left such a month out, so its rows and the CSV's
disagreed for the same corpus, and a gap read as two months in a row."""

import csv
import datetime as dt
import io
import json

import pytest
from django.core.cache import cache

from openimr.cli import main
from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = pytest.mark.django_db


@pytest.fixture
def gaps() -> None:
    """Letters in November 2014 and February 2016: no letter in 2015. Twenty items each,
    enough for a rate (domain/cohort.py)."""
    cache.clear()
    make_decision(decided=dt.date(2014, 11, 3), items=[item(outcome="overturned")] * 20)
    make_decision(decided=dt.date(2016, 2, 20), items=[item(outcome="upheld")] * 20)


def _stats(capsys, by: str) -> dict:
    assert main(["corpus", "stats", "--by", by, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_a_month_that_decided_nothing_is_a_row_of_zeros_without_a_rate(capsys, gaps):
    rows = _stats(capsys, "month")["rows"]
    assert len(rows) == 16  # 2014-11 to 2016-02
    assert rows[1] == {"key": "2014-12", "count": 0, "overturned": 0, "rate": None}
    assert [r["key"] for r in rows if r["count"]] == ["2014-11", "2016-02"]


def test_a_year_that_decided_nothing_is_a_row_of_zeros_without_a_rate(capsys, gaps):
    rows = _stats(capsys, "year")["rows"]
    assert [(r["key"], r["count"], r["rate"]) for r in rows] == [
        ("2014", 20, 1.0),
        ("2015", 0, None),
        ("2016", 20, 0.0),
    ]


def test_the_month_rows_are_the_over_time_csv_rows(client, capsys, gaps):
    body = client.get("/decisions/analytics/over_time.csv").content.decode()
    from_csv = [(k, int(n), int(o)) for k, n, o, _ in list(csv.reader(io.StringIO(body)))[1:]]
    rows = _stats(capsys, "month")["rows"]
    assert [(r["key"], r["count"], r["overturned"]) for r in rows] == from_csv


def test_the_table_prints_an_empty_month_with_no_rate(capsys, gaps):
    assert main(["corpus", "stats", "--by", "month"]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("2015-06"))
    assert line.split() == ["2015-06", "0", "0"]
