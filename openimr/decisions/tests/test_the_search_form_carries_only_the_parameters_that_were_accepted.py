"""The search box carries the current filters along as hidden fields. After a refusal it
carried the refused ones too (a misspelt `categroy`, a `year=sixteen`), so every new search
typed into the box was refused again for a parameter the visitor could not see or edit."""

import re

import pytest

from openimr.decisions.tests.public_factories import make_decision

pytestmark = pytest.mark.django_db

_HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)">')


def carried(client, query: str) -> tuple[int, list[tuple[str, str]]]:
    response = client.get(f"/decisions/?{query}")
    return response.status_code, _HIDDEN.findall(response.content.decode())


def test_after_a_refusal_the_form_carries_the_good_filters_but_not_the_bad(client):
    make_decision()
    status, hidden = carried(client, "q=knee&categroy=surgery&year=2016&outcome=maybe")
    assert status == 400
    assert hidden == [("year", "2016")]


def test_a_good_search_carries_its_filters_and_page_size_but_not_its_page(client):
    make_decision()
    status, hidden = carried(client, "q=knee&year=2016&per_page=50&page=1")
    assert status == 200
    assert hidden == [("year", "2016"), ("per_page", "50")]
