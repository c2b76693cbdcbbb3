"""Where a page of a staff list stands (`openimr.core.paging`): its rows' places, the last
page when the list has shrunk below the page asked, and links that keep the filters."""

import pytest
from django.http import QueryDict

from openimr.core.errors import InvalidInput
from openimr.core.paging import Page, page_asked, page_links, page_of


@pytest.mark.parametrize(
    ("asked", "total", "size", "shown"),
    [
        (1, 0, 100, (1, 0, 0, 1)),
        (1, 250, 100, (1, 1, 100, 3)),
        (3, 250, 100, (3, 201, 250, 3)),
        (7, 250, 100, (3, 201, 250, 3)),  # past the end: the last page
        (2, 200, 100, (2, 101, 200, 2)),
    ],
)
def test_a_page_knows_its_rows(asked, total, size, shown):
    page = page_of(asked, total, size)
    assert (page.number, page.first, page.last, page.pages) == shown


@pytest.mark.parametrize(("raw", "number"), [(None, 1), ("", 1), ("1", 1), ("12", 12)])
def test_a_page_asked_is_a_whole_number_from_one(raw, number):
    assert page_asked(raw) == number


@pytest.mark.parametrize("raw", ["0", "-2", "x", "1e3", " 2", "٣", "1" * 10])
def test_anything_else_is_refused_at_page(raw):
    with pytest.raises(InvalidInput) as caught:
        page_asked(raw)
    (problem,) = caught.value.problems
    assert problem.path == "?page" and "a whole number from 1" in problem.message


def test_the_links_keep_the_filters_and_move_the_page():
    query = QueryDict("state=qa&status=overdue&page=2")
    links = page_links(query, Page(2, 250, 100))
    assert links == {
        "previous": "?state=qa&status=overdue&page=1",
        "next": "?state=qa&status=overdue&page=3",
    }
    assert page_links(query, Page(1, 50, 100)) == {"previous": None, "next": None}
