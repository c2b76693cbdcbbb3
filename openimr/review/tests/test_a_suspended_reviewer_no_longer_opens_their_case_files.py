"""A medical director suspends a reviewer by unticking Active on the panel (the admin): a
license revoked, an investigation opened. The reviewer's login kept listing their cases and
opening the employees' records, audited as an authorized look. Case files are PHI, opened
only to the attested, qualified reviewer (LC 139.5; LC 4610.6(f)): a suspended reviewer's
look is now refused (404, audited as refused), and their cases are not listed."""

import pytest

from openimr.audit.models import AuditEvent
from openimr.review.tests.conftest import CASE, login
from openimr.reviewers.models import Reviewer

pytestmark = pytest.mark.django_db


@pytest.fixture
def suspended(under_review):
    Reviewer.objects.filter(reviewer_id="R-1").update(active=False)
    return under_review


def test_the_suspended_reviewers_cases_are_not_listed(client, cast, suspended):
    body = login(client, cast.reviewer).get("/review/").content.decode()
    assert CASE not in body


def test_the_workspace_and_the_api_answer_404_and_the_refusal_is_audited(client, cast, suspended):
    login(client, cast.reviewer)
    assert client.get(f"/review/{CASE}/").status_code == 404
    assert client.get(f"/api/v1/review/{CASE}").status_code == 404
    refused = AuditEvent.objects.filter(object_id=CASE, action__endswith=".refused")
    assert refused.count() == 2 and not AuditEvent.objects.filter(action="review.viewed").exists()


def test_an_active_reviewer_still_opens_their_case(client, cast, under_review):
    assert login(client, cast.reviewer).get(f"/review/{CASE}/").status_code == 200
