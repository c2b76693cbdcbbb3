"""When no one reviewer covers every item, each assignment on the timeline names the items it
covers as the case numbers them (item 1 is the first), the numbers the explanation uses."""

from datetime import UTC, datetime

import pytest

from openimr.cases.models import Case
from openimr.reviewers.models import Assignment, Reviewer

pytestmark = pytest.mark.django_db


def test_the_timeline_numbers_an_assignments_items_from_one(client, staff_client, case):
    row = Case.objects.get(case_number=case.case_number)
    for reviewer_id, items in (("R-1", [0, 2]), ("R-2", [1])):
        Assignment.objects.create(
            case=row,
            reviewer=Reviewer.objects.create(reviewer_id=reviewer_id, name=reviewer_id),
            items=items,
            status=Assignment.ATTESTED,
            assigned_at=datetime(2016, 9, 28, 17, tzinfo=UTC),
            assigned_by="clerk",
        )
    body = client.get(f"/cases/{case.case_number}/timeline/").content.decode()
    assert "(items 1, 3)" in body and "(items 2)" in body
    assert "items 0" not in body
