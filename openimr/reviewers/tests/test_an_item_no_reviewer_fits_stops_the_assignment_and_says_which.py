"""Several reviewers may share a case, item by item (LC 139.5; domain.md section 1 step 7),
but every item needs one. When no qualified, available, conflict-free reviewer fitted one of
the items, the assignment went ahead for the others: the item was left with no reviewer, the
determination could never be submitted (every item must be decided) and staff could not
assign anyone to it (the case "already has a reviewer"). Now nothing is assigned, and the
refusal names the item and who was passed over and why."""

import pytest

from openimr.cases.models import DisputedItem
from openimr.core.errors import InvalidInput
from openimr.reviewers import models, services
from openimr.reviewers.tests.test_assignment_service import AT, case, panel  # noqa: F401

pytestmark = pytest.mark.django_db
NUMBER = "CM26-0000001"


@pytest.fixture
def psychotherapy_without_a_psychiatrist(panel, case):  # noqa: F811
    """The third item needs psychiatry or psychology; the panel's one psychiatrist is on
    leave for the whole review."""
    DisputedItem.objects.filter(case__case_number=NUMBER, position=2).update(
        treatment="Cognitive behavioral therapy, 10 sessions",
        category="behavioral_health",
        icd10=["F43.20"],
    )
    models.Reviewer.objects.get(reviewer_id="R-105").leave.create(
        start="2026-11-01", end="2027-02-01"
    )


def test_nothing_is_assigned_and_the_item_is_named(psychotherapy_without_a_psychiatrist):
    with pytest.raises(InvalidInput) as refused:
        services.reviewer_assign(case_number=NUMBER, actor="clerk", at=AT)
    said = {p.path: p.message for p in refused.value.problems}
    assert "Cognitive behavioral therapy, 10 sessions" in said["$.items[2]"]
    assert "item 3" in said["$.items[2]"]
    assert "R-105" in said["$.reviewer"] and "On leave" in said["$.reviewer"]
    assert not models.Assignment.objects.exists()


def test_the_timeline_tells_staff_why(client, staff_client, psychotherapy_without_a_psychiatrist):
    import time_machine

    with time_machine.travel(AT, tick=False):
        answer = client.post(f"/reviewers/assign/{NUMBER}/")
        page = client.get(answer["Location"]).content.decode()
    assert "item 3" in page and "Cognitive behavioral therapy, 10 sessions" in page
    assert not models.Assignment.objects.exists()
