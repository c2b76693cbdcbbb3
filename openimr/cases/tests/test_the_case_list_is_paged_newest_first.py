"""The case list showed its newest 200 cases and no more: the rest of a year's 2,000 were
reachable only by searching for them. It is shown a page at a time now, newest first, a
search kept in the links from page to page."""

import re
from dataclasses import replace
from datetime import date, timedelta

import pytest

from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import
from openimr.core import paging

pytestmark = pytest.mark.django_db
LIST = "/cases/"


def _cases(seed_doc, count):
    seed = case_from_document(seed_doc)
    for n in range(count):
        received = date(2014, 5, 10) + timedelta(days=n)
        dates = replace(seed.dates, application_received=received)
        case_import(case=replace(seed, case_number=f"CM14-{n:07d}", dates=dates), actor="t")


def _listed(body):
    return re.findall(r'<a href="/cases/(CM\d\d-\d+)/"', body)


def test_every_case_is_on_one_page_newest_first(client, staff_client, seed_doc, monkeypatch):
    monkeypatch.setattr(paging, "PAGE_SIZE", 3)
    _cases(seed_doc, 7)
    pages = [client.get(LIST, {"page": n}).content.decode() for n in (1, 2, 3)]
    assert "Cases 1–3 of 7 (page 1 of 3)" in pages[0]
    assert "Cases 7–7 of 7 (page 3 of 3)" in pages[2]
    listed = [number for body in pages for number in _listed(body)]
    assert listed == [f"CM14-{n:07d}" for n in range(6, -1, -1)]


def test_a_search_is_kept_from_page_to_page(client, staff_client, seed_doc, monkeypatch):
    monkeypatch.setattr(paging, "PAGE_SIZE", 2)
    _cases(seed_doc, 5)
    body = client.get(LIST, {"q": "CM14-000000"}).content.decode()
    assert 'href="?q=CM14-000000&amp;page=2" rel="next"' in body


def test_a_page_that_is_no_page_is_refused_naming_it(client, staff_client):
    response = client.get(LIST, {"page": "last"})
    assert response.status_code == 400
    assert "?page: &#x27;last&#x27; is not a page" in response.content.decode()
