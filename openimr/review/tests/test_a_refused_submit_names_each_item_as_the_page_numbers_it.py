"""A submit with an item undecided is refused naming what is missing. The page numbers its
items from 1; the refusal once named them by JSON path from 0 ("$.items[1].decision" for
item 2), so a reviewer who had decided item 1 read that item 1 was undecided. Each problem
now leads with the item's number on the page (the path stays, for the record)."""

import pytest

from openimr.review.tests.conftest import CASE, login

pytestmark = pytest.mark.django_db
URL = f"/review/{CASE}/"


def test_the_undecided_items_are_named_by_their_number_on_the_page(client, cast, under_review):
    response = login(client, cast.reviewer).post(URL, {"action": "submit"})
    body = response.content.decode()
    assert response.status_code == 422
    assert "Item 1: decide this item ($.items[0].decision)" in body
    assert "Item 3: give the decision&#x27;s rationale ($.items[2].rationale)" in body


def test_the_summary_is_named_by_its_heading(client, cast, under_review):
    body = login(client, cast.reviewer).post(URL, {"action": "submit"}).content.decode()
    assert "Clinical case summary: save the clinical case summary" in body
