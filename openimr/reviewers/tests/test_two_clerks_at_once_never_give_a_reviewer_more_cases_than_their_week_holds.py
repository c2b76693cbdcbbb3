"""Two intake clerks assign two different cases at the same moment (two app servers, one
database), and the best reviewer for both has room for one more case this week. Each
matching read the reviewer's open cases before the other's assignment was written, so on
PostgreSQL both chose them: the reviewer got more cases than their weekly capacity, the
limit that lets them decide within the determination's deadline (LC 4610.6(d)). The
assignment now holds the chosen reviewers' rows and counts their open cases again under
the hold; a reviewer filled meanwhile is passed over and the case goes to the next one."""

import pytest

from openimr.reviewers import models
from openimr.reviewers.tests.test_two_clerks_assigning_one_case_at_once_assign_one_reviewer import (
    stored_panel_and_case,
    two_clerks,
)

pytestmark = pytest.mark.django_db(transaction=True)
CASES = {"clerk-a": "CM26-0000001", "clerk-b": "CM26-0000002"}


def test_two_clerks_at_once_never_give_a_reviewer_more_cases_than_their_week_holds(tmp_path):
    for number in CASES.values():
        stored_panel_and_case(number)
    models.Reviewer.objects.filter(reviewer_id="R-101").update(capacity_per_week=1)

    said = two_clerks(tmp_path, CASES, waits_in="choosing")

    assert all("done" in s for s in said), said
    chosen = sorted(rid for s in said for rid in s["done"])
    assert chosen.count("R-101") == 1, chosen
    rows = models.Assignment.objects.filter(reviewer__reviewer_id="R-101")
    assert rows.count() == 1
