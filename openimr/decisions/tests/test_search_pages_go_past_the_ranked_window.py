"""Words or filters rank (or date-order) only the newest RANK_WINDOW matches; the pages
after them list the other matches, newest decision first, up to the counted total. They
had come out empty: 2,132 letters found for "pain", 107 pages, pages 101 to 107 blank."""

import datetime as dt

import pytest

from openimr.decisions import search_sql
from openimr.decisions.search import search
from openimr.decisions.search_terms import parse
from openimr.decisions.tests.public_factories import make_decision

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_window(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_sql, "RANK_WINDOW", 3)


def letters(summary: str, count: int) -> list[str]:
    return [
        make_decision(
            case_number=f"CM16-000000{n}", summary=summary, decided=dt.date(2016, 1, n)
        ).case_number
        for n in range(1, count + 1)
    ]


def every_page(**params: str) -> list[str]:
    listed, page = [], 1
    while True:
        results = search(parse({**params, "per_page": "2", "page": str(page)}))
        if not results.hits:
            return listed
        listed += [hit.case_number for hit in results.hits]
        assert results.total == 6 and results.pages == 3
        page += 1


def test_pages_past_the_window_list_the_other_matches_of_words(small_window: None) -> None:
    numbers = letters("Knee pain after a fall.", 6)
    listed = every_page(q="knee")
    assert sorted(listed) == sorted(numbers)
    assert listed[3:] == ["CM16-0000003", "CM16-0000002", "CM16-0000001"]


def test_pages_past_the_window_list_the_other_matches_of_filters(small_window: None) -> None:
    numbers = letters("Shoulder pain.", 6)
    assert every_page(year="2016") == sorted(numbers, reverse=True)
