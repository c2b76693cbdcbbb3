"""A reviewer answers their own assignment (LC 139.5): their cases page lists each case
waiting for their attestation with the parties to check for a conflict (the look is
audited), and after answering they land back on their own page, not a staff page they may
not open. Another reviewer's assignment is not listed."""

from datetime import UTC, datetime

import pytest

from openimr.audit.models import AuditEvent
from openimr.cases.interchange import case_from_document
from openimr.cases.models import Case
from openimr.cases.services import case_import
from openimr.core.clock import local_date, now
from openimr.review.tests.conftest import CASE, login, undecided
from openimr.reviewers.models import Assignment, Reviewer

pytestmark = pytest.mark.django_db


@pytest.fixture
def proposed(cast, three_item_doc):
    """The case proposed to Dr. Jane Roe, her attestation awaited."""
    case_import(case=case_from_document(undecided(three_item_doc)), actor="test")
    reviewer = Reviewer.objects.create(
        reviewer_id="R-1",
        name="Jane Q. Roe",
        user=cast.reviewer,
        years_in_practice=12,
        weekly_hours=30,
        last_verified=local_date(now()),
    )
    # Qualified when she attests: an unqualified reviewer's attestation is refused.
    reviewer.licenses.create(state="CA", number="A1")
    reviewer.certifications.create(board="ABOS", specialty="Orthopedic Surgery")
    return Assignment.objects.create(
        case=Case.objects.get(case_number=CASE),
        reviewer=reviewer,
        status=Assignment.PROPOSED,
        assigned_at=datetime(2016, 9, 28, 17, tzinfo=UTC),
        assigned_by="clerk",
    )


def test_the_reviewer_sees_the_case_to_attest_with_its_parties_and_the_look_is_audited(
    client, cast, proposed, three_item_doc
):
    body = login(client, cast.reviewer).get("/review/").content.decode()
    assert f'action="/reviewers/attest/{proposed.pk}/"' in body
    assert three_item_doc["claims_administrator"]["name"] in body
    event = AuditEvent.objects.get(action="review.parties_viewed")
    assert (event.actor, event.object_id) == (cast.reviewer, CASE)


def test_another_reviewer_is_not_offered_the_assignment(client, cast, proposed):
    body = login(client, cast.other_reviewer).get("/review/").content.decode()
    assert "/reviewers/attest/" not in body
    assert not AuditEvent.objects.filter(action="review.parties_viewed").exists()


def test_after_attesting_the_reviewer_lands_on_their_cases_with_the_case_open(
    client, cast, proposed
):
    login(client, cast.reviewer)
    response = client.post(f"/reviewers/attest/{proposed.pk}/", {"answer": "no_conflict"})
    assert (response.status_code, response["Location"]) == (302, "/review/")
    assert client.get(response["Location"]).status_code == 200
    assert client.get(f"/review/{CASE}/").status_code == 200


def test_staff_recording_an_attestation_return_to_the_case_timeline(client, cast, proposed):
    login(client, cast.clerk)
    response = client.post(f"/reviewers/attest/{proposed.pk}/", {"answer": "no_conflict"})
    assert response["Location"] == f"/cases/{CASE}/timeline/"
