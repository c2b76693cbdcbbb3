"""A refused submit told the reviewer to "write the clinical case summary" while the page
showed a drafted summary in its box (a draft is saved only when the reviewer saves it), and
told a reviewer of a split case to "decide this item" of an item assigned to the other
reviewer, which they have no form for. It now says to save the summary, and that the other
reviewer has not decided their item yet."""

import pytest

from openimr.review.tests.conftest import CASE, login

pytestmark = pytest.mark.django_db
URL = f"/review/{CASE}/"


def _refused(client, user) -> str:
    response = login(client, user).post(URL, {"action": "submit"})
    assert response.status_code == 422
    return response.content.decode()


def test_the_summary_shown_but_not_saved_is_to_be_saved(client, cast, under_review):
    body = _refused(client, cast.reviewer)
    assert "Clinical case summary: save the clinical case summary" in body
    assert "a draft shown in its box is not saved until you save it" in body


def test_another_reviewers_undecided_item_is_not_the_reviewers_to_decide(
    client, cast, split, records_layer
):
    body = _refused(client, cast.reviewer)
    assert (
        "Item 1 (Physical therapy, lumbar spine, 2 times a week for 6 weeks), Decision: decide this item"
        in body
    )
    assert (
        "Item 2 (MRI of the lumbar spine without contrast), Decision: the other reviewer on "
        "this case has not decided this item yet"
    ) in body
    mri = "Item 2 (MRI of the lumbar spine without contrast)"
    assert f"{mri}, Decision: decide this item" not in body
    assert f"{mri}, Decision rationale: give the decision" not in body
