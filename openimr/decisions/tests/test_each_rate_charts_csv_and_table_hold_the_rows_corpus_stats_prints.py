"""Each overturn-rate chart's CSV download and its table hold the rows `openimr corpus stats
--by FIELD --json` prints, every one of them. The specialty chart's table and CSV had held
only the 15 specialties the chart draws: the page said so, but the downloaded CSV did not,
and a researcher's file silently lacked the others (14 specialties, 212 decided items, in
the corpus the QA ran on)."""

import csv
import io
import json

import pytest
from django.core.cache import cache

from openimr.cli import main
from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = pytest.mark.django_db(transaction=True)

CHARTS = {"category": "category", "family": "family", "specialty": "specialty",
          "over_time": "month"}  # fmt: skip


@pytest.fixture
def corpus() -> None:
    cache.clear()
    for n in range(17):
        outcome = "overturned" if n % 3 == 0 else "upheld"
        make_decision(specialties=(f"Specialty {n:02d}",), items=[item(outcome=outcome)] * (20 - n))


def stats(field: str, capsys) -> list[list[str]]:
    assert main(["corpus", "stats", "--by", field, "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["rows"]
    return [[r["key"], str(r["count"]), str(r["overturned"])] for r in rows]


@pytest.mark.parametrize("chart", CHARTS)
def test_the_csv_holds_the_rows_corpus_stats_prints(client, corpus, capsys, chart):
    body = client.get(f"/decisions/analytics/{chart}.csv").content.decode()
    rows = [r[:3] for r in csv.reader(io.StringIO(body))][1:]
    assert rows == stats(CHARTS[chart], capsys)


def test_the_specialty_table_holds_every_specialty_and_the_chart_draws_the_top_15(client, corpus):
    page = client.get("/decisions/analytics/").content.decode()
    shown = page.split('id="chart-specialty"')[1].split("</section>")[0]
    assert shown.count("<tr><td>Specialty") == 17
    assert shown.split("<svg")[1].split("</svg>")[0].count("<title>Specialty ") == 15
    assert (
        "The chart draws the 15 specialties with the most decided items; 2 others "
        "(9 decided items) are in the table and the CSV only." in shown
    )
