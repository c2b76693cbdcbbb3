"""Suspending a reviewer (unticking Active in the admin) made them vanish from the panel page:
the medical director could not see that the suspension took, nor the cases still open in the
reviewer's name. The page now lists them, not assignable, with those cases."""

import pytest

from openimr.reviewers import models
from openimr.reviewers.tests.test_the_panel_page_says_a_reviewer_on_leave_is_not_assignable import (
    panel,  # noqa: F401
    panel_row,
)

pytestmark = pytest.mark.django_db


def test_a_suspended_reviewer_is_listed_as_not_assignable(client, staff_client, panel):  # noqa: F811
    models.Reviewer.objects.filter(reviewer_id="R-101").update(active=False)
    row = panel_row(client, "R-101", "2026-11-26")
    assert "Dr. Maya Lindqvist" in row
    assert "No: Suspended: not on the active panel" in row


def test_the_reviewers_still_active_keep_their_own_status(client, staff_client, panel):  # noqa: F811
    models.Reviewer.objects.filter(reviewer_id="R-101").update(active=False)
    assert ">Yes<" in panel_row(client, "R-102", "2026-11-26")
