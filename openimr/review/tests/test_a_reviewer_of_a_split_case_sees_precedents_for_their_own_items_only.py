"""On a case split between two reviewers, each reviewer's precedent panel holds their own
items only, numbered as the items are on the page: the other reviewer's items are theirs to
weigh, and their precedents would steer a decision that is not this reviewer's to make. The
panel names neither reviewer. A single reviewer's panel still holds every item."""

from typing import Any

import pytest

from openimr.decisions.tests.public_factories import item, make_decision
from openimr.review.tests.conftest import CASE, login

pytestmark = pytest.mark.django_db
URL = f"/review/{CASE}/"
MRI_LETTER = "CM16-0000901"


@pytest.fixture
def split(split: str, records_layer: Any) -> str:
    """conftest's split case (Dr. Roe items 1 and 3, Dr. Park item 2), with the records
    layer the workspace reads and a published letter on each item's treatment."""
    make_decision(summary="Lumbar radiculopathy.", items=[item("Physical therapy 2x6")])
    make_decision(
        case_number=MRI_LETTER,
        summary="Lumbar radiculopathy.",
        items=[item("MRI of the lumbar spine", category="diagnostics")],
    )
    make_decision(summary="Neck pain.", items=[item("Cervical pillow", category="dmepos")])
    return split


def _panel(client: Any, user: Any) -> str:
    body = login(client, user).get(URL).content.decode()
    return body.split('id="precedents"')[1].split('<div class="card" id="records"')[0]


def _headings(panel: str) -> list[str]:
    return [s.split("<h3>")[1].split("</h3>")[0] for s in panel.split('class="precedent-item"')[1:]]


def test_each_reviewer_sees_the_precedents_of_their_own_items_only(client, cast, split):
    roe = _panel(client, cast.reviewer)
    assert _headings(roe) == [
        "1. Physical therapy, lumbar spine, 2 times a week for 6 weeks",
        "3. Orthopedic cervical pillow",
    ]
    assert MRI_LETTER not in roe
    park = _panel(client, cast.other_reviewer)
    assert _headings(park) == ["2. MRI of the lumbar spine without contrast"]
    assert f'href="/decisions/{MRI_LETTER}/"' in park


def test_the_panel_names_neither_reviewer(client, cast, split):
    for user in (cast.reviewer, cast.other_reviewer):
        panel = _panel(client, user)
        for name in ("Jane Q. Roe", "Roe", "Min Park", "Park", "jroe", "mpark", "R-1", "R-2"):
            assert name not in panel


def test_a_single_reviewer_sees_every_items_precedents(client, cast, under_review, records_layer):
    assert [h.split(".")[0] for h in _headings(_panel(client, cast.reviewer))] == ["1", "2", "3"]
