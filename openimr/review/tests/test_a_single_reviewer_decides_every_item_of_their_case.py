"""A case assigned to one reviewer (an assignment listing no items, as ``reviewer_assign``
makes it, or one listing every item) is the reviewer's whole: they decide every item and
submit, as before cases could be split."""

from typing import Any

import pytest

from openimr.cases.interchange import case_from_document
from openimr.cases.models import Case
from openimr.cases.services import case_import
from openimr.review.domain.assignment import assigned_positions, item_assignment_problems
from openimr.review.tests.conftest import (
    CASE,
    assign,
    decide_as_published,
    login,
    undecided,
)

pytestmark = pytest.mark.django_db
URL = f"/review/{CASE}/"


@pytest.mark.parametrize(
    ("listed", "count", "positions"),
    [
        ((), 3, {0, 1, 2}),
        ((0, 1, 2), 3, {0, 1, 2}),
        ((1,), 3, {1}),
        ((0, 2), 3, {0, 2}),
        ((5,), 3, set()),
    ],
)
def test_an_assignment_covers_its_listed_items_or_the_whole_case(listed, count, positions):
    assert assigned_positions(listed, count) == positions
    for n in range(count):
        assert bool(item_assignment_problems(listed, n, count)) is (n not in positions)


@pytest.mark.parametrize("items", [(), (0, 1, 2)])
def test_the_single_reviewer_decides_every_item_and_submits(
    client, cast, three_item_doc: dict[str, Any], records_layer, items
):
    case_import(case=case_from_document(undecided(three_item_doc)), actor="test")
    assign(CASE, cast.reviewer, "R-1", "Jane Q. Roe", items=items)
    page = login(client, cast.reviewer).get(URL).content.decode()
    assert all(f'name="item-{n}-decision"' in page for n in range(3))
    assert "another reviewer" not in page
    decide_as_published(three_item_doc, cast.reviewer)
    assert client.post(URL, {"action": "submit"}).status_code == 302
    assert Case.objects.get(case_number=CASE).state == "qa"
