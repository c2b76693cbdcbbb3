"""The reviewer's API: the determination of an assigned case; any other case is 404 in the
one error shape, audited."""

import pytest

from openimr.audit.models import AuditEvent
from openimr.review.tests.conftest import CASE, OTHER_CASE, decide_as_published, login

pytestmark = pytest.mark.django_db
URL = f"/api/v1/review/{CASE}"


def test_the_assigned_reviewer_reads_the_determination(client, cast, under_review, three_item_doc):
    decide_as_published(three_item_doc, cast.reviewer)
    response = login(client, cast.reviewer).get(URL)
    body = response.json()
    assert response.status_code == 200
    assert body["state"] == "in_review"
    assert body["items"][2]["reviewer_basis"][0]["mtus"] is False
    assert body["items"][2]["why_not_mtus"].startswith("The MTUS does not address pillows")
    assert AuditEvent.objects.filter(action="review.api_viewed", actor=cast.reviewer).count() == 1


def test_another_reviewer_gets_404_in_the_one_error_shape_and_it_is_audited(
    client, cast, under_review
):
    response = login(client, cast.other_reviewer).get(URL)
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert AuditEvent.objects.filter(
        action="review.api_viewed.refused", actor=cast.other_reviewer, object_id=CASE
    ).exists()
    assert login(client, cast.other_reviewer).get(f"/api/v1/review/{OTHER_CASE}").status_code == 200


def test_without_a_login_the_api_refuses(client, under_review):
    response = client.get(URL)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthenticated"
