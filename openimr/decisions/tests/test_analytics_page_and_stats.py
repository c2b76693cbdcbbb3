"""The statistics page: letters and applications per month and overturn rates by category,
guideline family, specialty and over time, as SVG charts with tables and CSV downloads; and
`openimr corpus stats`."""

import csv
import datetime as dt
import io
import json

import pytest
from django.core.cache import cache

from openimr.cli import main
from openimr.decisions import analytics
from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus() -> None:
    cache.clear()
    make_decision(
        decided=dt.date(2016, 1, 20),
        specialties=("Pain Medicine",),
        items=[item("Tramadol", category="pharmaceuticals", outcome="overturned", family="odg")]
        * 10
        + [item("Norco", category="pharmaceuticals", outcome="upheld", family="mtus")] * 10,
    )
    # Ten items a letter: 2016-03 has too few for a rate (domain/cohort.py).
    make_decision(decided=dt.date(2016, 1, 25), items=[item(outcome="upheld")] * 10)
    make_decision(decided=dt.date(2016, 3, 2), items=[item(outcome="overturned")] * 10)


def test_overturn_rates_count_decided_items(corpus):
    rows = {r.key: (r.count, r.overturned) for r in analytics.overturn_by("category")}
    assert rows == {"pharmaceuticals": (20, 10), "rehabilitation": (20, 10)}
    family = {r.key: (r.count, r.overturned) for r in analytics.overturn_by("family")}
    assert family == {"mtus": (30, 10), "acoem": (0, 0), "odg": (10, 10), "other": (0, 0)}
    months = {r.key: r.rate for r in analytics.overturn_by("month")}
    assert months == {"2016-01": pytest.approx(1 / 3), "2016-02": None, "2016-03": None}
    specialty = {r.key: r.count for r in analytics.overturn_by("specialty")}
    assert specialty == {"Orthopedic Surgery": 20, "Pain Medicine": 20}


def test_the_page_draws_every_chart_as_svg_with_its_table(client, corpus):
    response = client.get("/decisions/analytics/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "<script" not in body
    assert body.count("<svg") == 5  # applications: no receipt dates in this corpus
    for name in ("letters", "category", "family", "specialty", "over_time"):
        assert f'id="chart-{name}"' in body and f"/decisions/analytics/{name}.csv" in body
    assert "<td>2016-01</td><td>2</td>" in body
    assert "<td>Pharmaceuticals</td><td>20</td><td>10</td><td>50.0%</td>" in body


def test_each_chart_downloads_as_csv(client, corpus):
    response = client.get("/decisions/analytics/category.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["category", "count", "overturned", "rate"]
    assert ["pharmaceuticals", "20", "10", "0.5000"] in rows
    letters = (
        client.get("/decisions/analytics/letters.csv").content.decode("utf-8-sig").splitlines()
    )
    assert letters == ["month,letters", "2016-01,2", "2016-02,0", "2016-03,1"]
    assert client.get("/decisions/analytics/nonsense.csv").status_code == 404


def test_labels_are_escaped_inside_the_svg(client):
    cache.clear()
    make_decision(specialties=("<b>Bold</b> & Co",), items=[item(outcome="upheld")])
    body = client.get("/decisions/analytics/").content.decode()
    assert "<b>Bold</b>" not in body and "&lt;b&gt;Bold&lt;/b&gt; &amp; Co" in body


@pytest.mark.django_db(transaction=True)
def test_corpus_stats_prints_json_by_field(corpus, capsys):
    assert main(["corpus", "stats", "--by", "outcome", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    rows = {r["key"]: (r["count"], r["overturned"], r["rate"]) for r in out["rows"]}
    assert rows == {"overturned": (20, 20, 1.0), "upheld": (20, 0, 0.0)}


@pytest.mark.django_db(transaction=True)
def test_corpus_stats_prints_a_table_and_refuses_an_unknown_field(corpus, capsys):
    assert main(["corpus", "stats", "--by", "year"]) == 0
    assert "2016" in capsys.readouterr().out
    with pytest.raises(SystemExit) as refused:
        main(["corpus", "stats", "--by", "colour"])
    assert refused.value.code == 2
