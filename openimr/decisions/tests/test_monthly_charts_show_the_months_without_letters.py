"""The monthly charts and their tables and CSV files list every month from the first to the
last, a month in which nothing was decided as 0 letters and no overturn rate: they had
left such a month out, so the months either side of it stood next to each other and the
trend line went straight across the gap."""

import csv
import datetime as dt
import io
import re

import pytest
from django.core.cache import cache

from openimr.decisions.analytics_svg import columns
from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = pytest.mark.django_db


@pytest.fixture
def gap_over_a_new_year() -> None:
    """Letters in November 2016 and February 2017, none in December or January; twenty
    items each, enough for a rate (domain/cohort.py)."""
    cache.clear()
    make_decision(decided=dt.date(2016, 11, 3), items=[item(outcome="overturned")] * 20)
    make_decision(decided=dt.date(2017, 2, 20), items=[item(outcome="upheld")] * 20)


def _csv(client, chart: str) -> list[list[str]]:
    body = client.get(f"/decisions/analytics/{chart}.csv").content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(body)))


def test_letters_per_month_counts_the_empty_months_as_zero(client, gap_over_a_new_year):
    assert _csv(client, "letters")[1:] == [
        ["2016-11", "1"],
        ["2016-12", "0"],
        ["2017-01", "0"],
        ["2017-02", "1"],
    ]


def test_an_empty_month_keeps_its_place_in_the_letters_chart_without_a_bar():
    svg = columns("Letters per month", [("2016-11", 1), ("2016-12", 0), ("2017-01", 2)])
    bars = re.findall(r'<rect class="bar" x="([\d.]+)"', svg)
    assert len(bars) == 2
    assert float(bars[1]) - float(bars[0]) == pytest.approx(2 * (760 - 60) / 3, abs=0.2)


def test_the_overturn_rate_over_time_has_no_rate_for_an_empty_month(client, gap_over_a_new_year):
    assert _csv(client, "over_time")[1:] == [
        ["2016-11", "20", "20", "1.0000"],
        ["2016-12", "0", "0", ""],
        ["2017-01", "0", "0", ""],
        ["2017-02", "20", "0", "0.0000"],
    ]
    page = client.get("/decisions/analytics/").content.decode()
    table = page[page.index('id="chart-over_time"') :]
    assert "<td>2016-12</td><td>0</td><td>0</td><td>—</td>" in table


def test_the_trend_line_breaks_at_a_month_without_a_rate():
    svg = columns(
        "Overturn rate over time",
        [("2016-11", 1.0), ("2016-12", None), ("2017-01", None), ("2017-02", 0.5)],
        line=True,
    )
    assert len(re.findall(r"<circle ", svg)) == 2
    assert len(re.findall(r"<polyline ", svg)) == 2
    assert ">2016-12</text>" in svg


def test_a_trend_with_only_zero_rates_labels_its_top_as_a_percentage():
    svg = columns("Overturn rate over time", [("2016-11", 0.0), ("2016-12", 0.0)], line=True)
    assert ">100%</text>" in svg


def test_the_page_has_no_monthly_data_and_no_error_when_the_corpus_is_empty(client):
    cache.clear()
    response = client.get("/decisions/analytics/")
    assert response.status_code == 200
    assert "No data yet." in response.content.decode()
    assert _csv(client, "letters") == [["month", "letters"]]
