"""The statistics page opens with the corpus's totals (letters, items decided, overturned,
the overall rate), as the DWC report does, and every chart's table adds up to them with
what its note says it leaves out. The page had given no total to check a table against; the
rate-over-time chart, which counts items, said how many letters it left out and not how
many items; and the family and specialty tables, which count an item once per family or
specialty, added up to more than the items decided with nothing saying why."""

import datetime as dt
import re

import pytest
from django.core.cache import cache

from openimr.decisions.models import Decision
from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus() -> None:
    cache.clear()
    make_decision(
        decided=dt.date(2016, 1, 20),
        specialties=("Pain Medicine", "Anesthesiology"),
        items=[item(outcome="overturned"), item(outcome="upheld"), item(outcome="upheld")],
    )
    make_decision(decided=dt.date(2016, 3, 2), items=[item(outcome="overturned")])
    undated = make_decision(items=[item(outcome="upheld"), item(outcome="upheld")])
    Decision.objects.filter(pk=undated.pk).update(decision_date=None, year=None)


def section(body: str, name: str) -> str:
    return body.split(f'id="chart-{name}"')[1].split("</section>", maxsplit=1)[0]


def table_sum(section: str) -> int:
    rows = re.findall(r"<tr><td>[^<]*</td><td>(\d+)</td>", section)
    return sum(int(n) for n in rows)


def test_the_page_opens_with_the_totals(client, corpus):
    body = client.get("/decisions/analytics/").content.decode()
    assert (
        '<p class="totals">The corpus holds 3 letters deciding 6 items, 2 of them '
        "overturned.</p>" in body  # no rate over 6 items (domain/cohort.py)
    )


def test_the_totals_give_the_overall_rate_over_enough_items(client):
    cache.clear()
    make_decision(items=[item(outcome="overturned")] * 3 + [item(outcome="upheld")] * 17)
    body = client.get("/decisions/analytics/").content.decode()
    assert "1 letter deciding 20 items, 3 of them overturned (15.0%).</p>" in body


def test_each_table_adds_up_to_the_totals_with_what_it_leaves_out(client, corpus):
    body = client.get("/decisions/analytics/").content.decode()
    assert table_sum(section(body, "letters")) == 2
    assert "1 letter prints no decision date" in section(body, "letters")
    assert table_sum(section(body, "category")) == 6
    over_time = section(body, "over_time")
    assert table_sum(over_time) == 4
    assert (
        "1 letter (2 decided items) prints no decision date and is not counted here." in over_time
    )


def test_a_table_counting_an_item_more_than_once_says_so(client, corpus):
    body = client.get("/decisions/analytics/").content.decode()
    specialty = section(body, "specialty")
    assert table_sum(specialty) == 9  # 3 items under each of two specialties, and 3 more
    assert (
        "A letter naming several reviewer specialties counts its items under each: the rows "
        "add up to more than the items decided." in specialty
    )
    assert "add up to more" not in section(body, "family")  # one family per item here


def test_an_empty_corpus_shows_no_totals(client):
    cache.clear()
    body = client.get("/decisions/analytics/").content.decode()
    assert 'class="totals"' not in body and "No data yet." in body
