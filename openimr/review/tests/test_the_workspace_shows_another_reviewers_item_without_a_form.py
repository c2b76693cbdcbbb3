"""On a split case the workspace gives a reviewer a form for their own items only; another
reviewer's item is shown as it stands (its decision once made), never with a form or the
other reviewer's name. The summary is shared, and either reviewer submits once every item
is decided."""

from typing import Any

import pytest

from openimr.cases.models import Case
from openimr.review.tests.conftest import (
    CASE,
    decide_as_published,
    login,
)

pytestmark = pytest.mark.django_db
URL = f"/review/{CASE}/"


@pytest.fixture
def split(split: str, records_layer: Any) -> str:
    """conftest's split case, with the records layer the workspace pages read."""
    return split


def _panel(page: str, n: int) -> str:
    start = page.index(f'id="item-{n}"')
    end = page.find('class="card item', start + 1)
    return page[start : end if end > 0 else len(page)]


def test_another_reviewers_item_has_no_form_and_the_own_item_has_one(client, cast, split):
    page = login(client, cast.other_reviewer).get(URL).content.decode()
    for n in (0, 2):
        assert 'name="item-' not in _panel(page, n)
        assert "Assigned to another reviewer on this case" in _panel(page, n)
        assert "Save item" not in _panel(page, n)
    assert 'name="item-1-decision"' in _panel(page, 1)
    assert "Save item 2" in page
    assert "Jane Q. Roe" not in page


def test_another_reviewers_decision_is_shown_once_made(client, cast, split, three_item_doc):
    decide_as_published(three_item_doc, "staff")  # every item decided, as published
    page = login(client, cast.other_reviewer).get(URL).content.decode()
    first = _panel(page, 0)
    assert "Decided by another reviewer on this case" in first
    assert three_item_doc["items"][0]["rationale"][:60] in first.replace("&#x27;", "'")
    assert 'name="item-0-rationale"' not in first


def test_either_reviewer_writes_the_summary_and_submits_once_every_item_is_decided(
    client, cast, split, three_item_doc
):
    summary = three_item_doc["clinical_summary"]
    login(client, cast.other_reviewer)
    assert client.post(URL, {"action": "summary", "summary": summary}).status_code == 302
    assert client.post(URL, {"action": "submit"}).status_code == 422  # items undecided
    decide_as_published(three_item_doc, "staff")
    assert client.post(URL, {"action": "submit"}).status_code == 302
    assert Case.objects.get(case_number=CASE).state == "qa"
