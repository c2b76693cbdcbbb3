"""The print queue listed every row it held, reading each row's notice wording and each
case's letters one at a time: a year of 2,000 applications made it a 5 MB page of 8,000
rows, 8,650 queries and 18 s. It is shown a page at a time now, oldest first, in the same
few queries however many rows and cases the queue holds."""

import copy
import re
from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from openimr.cases import services
from openimr.cases.intake_schema import parse_application
from openimr.core import paging
from openimr.letters.models import LetterService
from openimr.letters.services import letter_issue
from openimr.review.tests.conftest import CASE, login

pytestmark = pytest.mark.django_db
QUEUE = "/review/print-queue/"
AT = datetime(2024, 3, 20, 17, 0, tzinfo=UTC)


def _noticed(application_doc, cases, start=0):
    """``cases`` more cases whose Notice of Assignment is mailed to two parties each."""
    for n in range(start, start + cases):
        doc = copy.deepcopy(application_doc)
        doc["claim_number"] = f"CLAIM-{n}"
        form = parse_application(doc)
        row = services.application_submit(
            form=form, via="api", actor="clerk", client="t", at=AT + timedelta(minutes=n)
        ).application.case
        services.case_assign(row=row, actor="clerk", at=AT + timedelta(days=1))


def _page(client, query=""):
    with CaptureQueriesContext(connection) as seen:
        response = client.get(QUEUE + query)
    return response, len(seen)


def _queued_rows(body):
    return [int(n) for n in re.findall(r'action="/review/print-queue/(\d+)/printed/"', body)]


def test_the_queries_do_not_grow_with_the_queue(client, cast, in_qa, application_doc):
    letter_issue(case_number=CASE, actor="qa-doc")
    login(client, cast.clerk)
    _noticed(application_doc, 2)
    small, queries = _page(client)
    _noticed(application_doc, 6, start=2)
    large, more_queries = _page(client)
    assert large.content.decode().count("Mark printed") > small.content.decode().count(
        "Mark printed"
    )
    assert more_queries == queries
    assert "Final Determination Letter" in large.content.decode()


def test_the_queue_is_shown_a_page_at_a_time_oldest_first(
    client, cast, application_doc, monkeypatch
):
    monkeypatch.setattr(paging, "PAGE_SIZE", 4)
    login(client, cast.clerk)
    _noticed(application_doc, 5)  # 10 rows
    order = list(
        LetterService.objects.filter(method="mail", printed_at=None)
        .order_by("served_on", "pk")
        .values_list("pk", flat=True)
    )
    first, _ = _page(client)
    body = first.content.decode()
    assert "Letters and notices 1–4 of 10 (page 1 of 3)" in body
    assert _queued_rows(body) == order[:4]
    assert 'href="?page=2" rel="next"' in body and 'rel="prev"' not in body
    last = client.get(QUEUE + "?page=3").content.decode()
    assert "Letters and notices 9–10 of 10 (page 3 of 3)" in last
    assert _queued_rows(last) == order[8:]
    past = client.get(QUEUE + "?page=9").content.decode()  # the queue shrank since
    assert "(page 3 of 3)" in past


@pytest.mark.parametrize("page", ["0", "-1", "two", "1.5", "²", "9" * 30])
def test_a_page_that_is_no_page_is_refused_naming_it(client, cast, page):
    response = login(client, cast.clerk).get(QUEUE, {"page": page})
    assert response.status_code == 400
    assert "page: " in response.content.decode()
    assert "is not a page: a whole number from 1" in response.content.decode()


def test_marking_a_row_printed_goes_back_to_its_page(client, cast, application_doc, monkeypatch):
    monkeypatch.setattr(paging, "PAGE_SIZE", 2)
    login(client, cast.clerk)
    _noticed(application_doc, 3)  # 6 rows, 3 pages
    body = client.get(QUEUE, {"page": 2}).content.decode()
    row = _queued_rows(body)[0]
    assert '<input type="hidden" name="page" value="2">' in body
    mailed = {"page": "2", "postal_address": "1 Capitol Mall\nSacramento, CA 95814"}
    response = client.post(f"{QUEUE}{row}/printed/", mailed)
    assert response.status_code == 302 and response["Location"] == f"{QUEUE}?page=2"
    assert LetterService.objects.get(pk=row).printed_at is not None
    for page in ("1", "", "nine"):
        first = _queued_rows(client.get(QUEUE).content.decode())[0]
        response = client.post(f"{QUEUE}{first}/printed/", {**mailed, "page": page})
        assert response["Location"] == QUEUE
