"""A rate over fewer than 20 decided items is not shown on the statistics page, its charts,
tables and CSV files, nor by `openimr corpus stats`, as the precedent panel shows none
("no rate below 20 cases", `domain/cohort.py`); the counts are. In the 182 real letters a
specialty's 6 of 8 overturned had been drawn as a 75% bar, longer than every specialty with
a hundred items, and 1 of 1 as 100%."""

import csv
import datetime as dt
import io
import json

import pytest
from django.core.cache import cache

from openimr.cli import main
from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def corpus() -> None:
    cache.clear()
    upheld, overturned = item(outcome="upheld"), item(outcome="overturned")
    make_decision(
        specialties=("Surgery",), items=[overturned] * 6 + [upheld] * 2, decided=dt.date(2016, 1, 5)
    )
    make_decision(specialties=("Pain Medicine",), items=[overturned] * 2 + [upheld] * 18)


def section(client, name: str) -> str:
    body = client.get("/decisions/analytics/").content.decode()
    return body.split(f'id="chart-{name}"')[1].split("</section>", maxsplit=1)[0]


def test_the_table_and_the_chart_show_the_counts_and_no_rate(client, corpus):
    shown = section(client, "specialty")
    assert "<td>Surgery</td><td>8</td><td>6</td><td>—</td>" in shown
    assert "<td>Pain Medicine</td><td>20</td><td>2</td><td>10.0%</td>" in shown
    assert "1 row shows no rate (—): fewer than 20 decided items" in shown
    assert "75.0%" not in shown and "Surgery: no rate: 8 items" in shown
    assert "1 month shows no rate (—)" not in shown
    assert "1 month shows no rate (—): fewer than 20" in section(client, "over_time")
    # The sentence a screen reader hears names only the rate shown.
    assert "Overturn rate: Pain Medicine, 10.0% of 20 items decided." in shown


def test_the_csv_and_corpus_stats_give_the_counts_and_no_rate(client, corpus, capsys):
    body = client.get("/decisions/analytics/specialty.csv").content.decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(body)))[1:] == [
        ["Pain Medicine", "20", "2", "0.1000"],
        ["Surgery", "8", "6", ""],
    ]
    assert main(["corpus", "stats", "--by", "specialty", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["rows"]
    assert [(r["key"], r["count"], r["rate"]) for r in rows] == [
        ("Pain Medicine", 20, 0.1),
        ("Surgery", 8, None),
    ]
    assert main(["corpus", "stats", "--by", "specialty"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[2].split() == ["Surgery", "8", "6", "—"]
    assert lines[-1] == "(—: fewer than 20 decided items, too few for a rate)"
