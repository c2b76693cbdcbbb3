"""A submit with an item undecided is refused naming what is missing. The page numbers its
items from 1; the refusal once named them by JSON path from 0 ("$.items[1].decision" for
item 2), so a reviewer who had decided item 1 read that item 1 was undecided. Each problem
now leads with the item's number on the page, its treatment and the field's label as the
page shows them; the JSON path, which no reviewer reads, is left to the API."""

import pytest

from openimr.review.tests.conftest import CASE, login

pytestmark = pytest.mark.django_db
URL = f"/review/{CASE}/"


def test_the_undecided_items_are_named_by_their_number_on_the_page(client, cast, under_review):
    response = login(client, cast.reviewer).post(URL, {"action": "submit"})
    body = response.content.decode()
    assert response.status_code == 422
    pt = "Physical therapy, lumbar spine, 2 times a week for 6 weeks"
    assert f"Item 1 ({pt}), Decision: decide this item" in body
    assert (
        "Item 3 (Orthopedic cervical pillow), Decision rationale: give the decision&#x27;s "
        "rationale"
    ) in body
    assert "$.items" not in body


def test_the_summary_is_named_by_its_heading(client, cast, under_review):
    body = login(client, cast.reviewer).post(URL, {"action": "submit"}).content.decode()
    assert "Clinical case summary: save the clinical case summary" in body
