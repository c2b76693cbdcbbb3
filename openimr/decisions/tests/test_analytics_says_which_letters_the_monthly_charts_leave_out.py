"""Letters that print no decision date (the 2013-2014 layout) cannot be placed in a month:
the monthly charts leave them out, and say how many, so that a researcher adding up the
months is not left to wonder why they fall short of the corpus."""

import datetime as dt

import pytest
from django.core.cache import cache

from openimr.decisions.models import Decision
from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_report() -> None:
    # The report is kept under the corpus's size and newest id, which another test's
    # corpus may share.
    cache.clear()


@pytest.fixture
def corpus() -> None:
    make_decision(decided=dt.date(2016, 1, 25), items=[item(outcome="overturned")])
    for _ in range(2):
        undated = make_decision(items=[item(outcome="upheld")])
        Decision.objects.filter(pk=undated.pk).update(decision_date=None, year=None)


def test_the_monthly_charts_name_the_letters_without_a_decision_date(client, corpus):
    body = client.get("/decisions/analytics/").content.decode()
    letters = body.split('id="chart-letters"')[1].split("</section>")[0]
    assert "<td>2016-01</td><td>1</td>" in letters
    assert "2 letters print no decision date and are not counted here." in letters
    over_time = body.split('id="chart-over_time"')[1].split("</section>")[0]
    # It counts items: it says how many it leaves out, to add up to the page's totals.
    assert "2 letters (2 decided items) print no decision date and are not counted here." in (
        over_time
    )
    category = body.split('id="chart-category"')[1].split("</section>")[0]
    assert "not counted here" not in category


def test_the_applications_chart_names_the_letters_without_a_receipt_date(client, corpus):
    body = client.get("/decisions/analytics/").content.decode()
    applications = body.split('id="chart-applications"')[1].split("</section>")[0]
    assert "3 letters print no application date and are not counted here." in applications


def test_a_fully_dated_corpus_gets_no_such_note(client):
    make_decision(decided=dt.date(2016, 1, 25))
    Decision.objects.update(application_received_date=dt.date(2016, 1, 2))
    assert "not counted here" not in client.get("/decisions/analytics/").content.decode()
