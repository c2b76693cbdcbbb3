"""The search page writes every number with its thousands commas, as the state's reports
and its own counts do ("2,576 decisions"): at one result a page its pager had read "Page
1,234 of 10000", its title "page 1234 of 10000", and a page asked past the last one "must be
a whole number from 1 to 10000". The API keeps plain integers."""

import re

import pytest

from openimr.decisions import search
from openimr.decisions.tests.public_factories import make_decision

pytestmark = pytest.mark.django_db


@pytest.fixture
def thousands(monkeypatch) -> None:
    """1,234 decisions: the letters themselves, the pages one each."""
    for _ in range(3):
        make_decision(summary="Lumbar radiculopathy.")
    # 1,234 letters are 1,234 rows to write; three found and a page of one say the same
    # once the search is told each match stands for 411 more: the count the page prints.
    real = search.search

    def counted(query, **kwargs):
        found = real(query, **kwargs)
        return search.Results(
            found.query, found.total * 411 + 1, found.total_capped, found.hits, found.facets
        )

    monkeypatch.setattr(search, "search", counted)


def test_the_pager_and_the_title_group_the_page_numbers(client, thousands):
    body = client.get("/decisions/", {"q": "lumbar", "per_page": "1", "page": "1100"}).content
    page = body.decode()
    assert "1,234 decisions matching" in page
    assert "Page 1,100 of 1,234" in page
    assert "page 1,100 of 1,234 · openimr</title>" in page
    shown = re.sub(r'href="[^"]*"', "", page)  # the links' page numbers are no text
    assert "1234" not in shown and "1100" not in shown


def test_a_page_past_the_end_names_the_last_page_with_its_comma(client, thousands):
    page = client.get("/decisions/", {"q": "lumbar", "per_page": "1", "page": "2000"})
    assert "The results end on page 1,234: " in page.content.decode()


def test_a_refused_page_number_names_its_limit_with_its_comma(client):
    page = client.get("/decisions/", {"page": "10001", "per_page": "1"})
    assert page.status_code == 400
    assert "must be a whole number from 1 to 10,000" in page.content.decode()


def test_a_refused_year_names_its_limits_without_commas(client):
    page = client.get("/decisions/", {"year": "3000"})
    assert "must be a whole number from 1990 to 2100" in page.content.decode()


def test_the_api_keeps_the_total_a_plain_integer(client, thousands):
    answer = client.get("/api/v1/decisions", {"q": "lumbar", "per_page": "1"}).json()
    assert answer["total"] == 1234
