"""The QA queue and the work queue listed their first 500 cases and no more: in a year's
QA of 1,808 determinations, 1,308 could not be reached from either list. Both are shown a
page at a time now, soonest due first, each page carrying on from the one before, in the
same number of queries however many cases they hold."""

import re
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from openimr.cases.interchange import case_from_document
from openimr.cases.models import Case
from openimr.cases.selectors import work_queue
from openimr.cases.services import case_import
from openimr.core import paging
from openimr.review.tests.conftest import login

pytestmark = pytest.mark.django_db
QA_QUEUE, WORK_QUEUE = "/review/qa/", "/cases/queue/"


def _in_qa(seed_doc, count, start=0):
    """``count`` decided cases waiting in QA, their records complete on different days."""
    for n in range(start, start + count):
        seed_doc["case_number"] = f"CM14-{n:07d}"
        seed_doc["dates"]["records_complete"] = str(date(2014, 6, 1) + timedelta(days=n % 50))
        case_import(case=case_from_document(seed_doc), actor="test")


def _listed(body, link):
    return re.findall(rf'<a href="{link}(CM\d\d-\d+)/', body)


def _all_pages(client, url, link):
    listed, page = [], 1
    while True:
        body = client.get(url, {"page": page}).content.decode()
        listed += _listed(body, link)
        if 'rel="next"' not in body:
            return listed
        page += 1


@pytest.mark.parametrize(
    ("url", "link", "who"),
    [(QA_QUEUE, "/review/qa/", "qa"), (WORK_QUEUE, "/cases/", "clerk")],
)
def test_every_case_is_on_one_page_in_the_queues_order(
    client, cast, seed_doc, monkeypatch, url, link, who
):
    monkeypatch.setattr(paging, "PAGE_SIZE", 3)
    _in_qa(seed_doc, 8)
    login(client, getattr(cast, who))
    first = client.get(url).content.decode()
    assert "1–3 of 8 (page 1 of 3)" in first
    assert len(_listed(first, link)) == 3
    expected = [row.case_number for row in work_queue(state="qa")]
    assert _all_pages(client, url, link) == expected
    assert len(expected) == 8 == Case.objects.count()


@pytest.mark.parametrize(("url", "who"), [(QA_QUEUE, "qa"), (WORK_QUEUE, "clerk")])
def test_the_queries_do_not_grow_with_the_queue(client, cast, seed_doc, url, who):
    login(client, getattr(cast, who))
    _in_qa(seed_doc, 3)
    client.get(url)  # the session and the program's rules read once
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    _in_qa(seed_doc, 9, start=3)
    with CaptureQueriesContext(connection) as many:
        body = client.get(url).content.decode()
    assert body.count("CM14-") >= 12
    assert len(many) == len(few)


@pytest.mark.parametrize(("url", "who"), [(QA_QUEUE, "qa"), (WORK_QUEUE, "clerk")])
def test_a_page_that_is_no_page_is_refused_naming_it(client, cast, url, who):
    response = login(client, getattr(cast, who)).get(url, {"page": "0"})
    assert response.status_code == 400
    assert "?page: &#x27;0&#x27; is not a page: a whole number from 1" in response.content.decode()


def test_a_reviewer_asking_a_page_of_the_qa_queue_is_refused_as_without_one(client, cast):
    assert login(client, cast.reviewer).get(QA_QUEUE, {"page": "x"}).status_code == 404
