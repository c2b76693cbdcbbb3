"""A reviewer writes a rationale for an hour on a page opened before staff withdrew them from
the case, then saves: the page answered 404, "Page not found", and the text was lost. The
save is still refused and the case file stays closed to them, but the page now says staff
withdrew them and gives back what they wrote (their own text, as their browser sent it,
escaped), to copy. Anyone else's save is a 404 as before, and both refusals are audited."""

import pytest

from openimr.audit.models import AuditEvent
from openimr.cases.selectors import case_by_number
from openimr.review.reassign import reviewer_withdraw
from openimr.review.tests.conftest import CASE, item_post, login
from openimr.reviewers.models import Assignment

pytestmark = pytest.mark.django_db
URL = f"/review/{CASE}/"
WRITTEN = "An hour of careful reasoning <script>alert(1)</script> & more."


@pytest.fixture
def withdrawn(client, cast, under_review):
    login(client, cast.reviewer)
    assert client.get(URL).status_code == 200  # the page the reviewer keeps writing on
    assignment = Assignment.objects.get(case__case_number=CASE, reviewer__user=cast.reviewer)
    reviewer_withdraw(assignment_id=assignment.pk, actor=cast.clerk, reason="Conflict found.")
    return client


def test_an_items_save_is_refused_with_why_and_the_text_given_back(withdrawn):
    response = item_post(withdrawn, **{"item-0-rationale": WRITTEN})
    assert response.status_code == 409
    page = response.content.decode()
    assert f"Staff withdrew you from case {CASE} on " in page
    assert "nothing was saved, and the case is no longer yours to decide" in page
    assert "Item 1: decision rationale" in page
    assert "An hour of careful reasoning &lt;script&gt;alert(1)&lt;/script&gt; &amp; more." in page
    assert "<script>alert(1)" not in page
    assert "Radiculopathy" not in page  # nothing of the case file: only what was sent
    assert case_by_number(CASE).items[0].rationale != WRITTEN
    assert AuditEvent.objects.filter(action="review.changed.refused", object_id=CASE).exists()


def test_a_summarys_save_gives_the_summary_back(withdrawn):
    response = withdrawn.post(URL, {"action": "summary", "summary": WRITTEN})
    assert response.status_code == 409
    assert "Clinical case summary" in response.content.decode()
    assert case_by_number(CASE).clinical_summary != WRITTEN


def test_the_withdrawn_reviewer_still_does_not_open_the_case(withdrawn):
    assert withdrawn.get(URL).status_code == 404


def test_a_reviewer_never_on_the_case_still_gets_a_404(client, cast, under_review):
    login(client, cast.other_reviewer)
    response = item_post(client, **{"item-0-rationale": WRITTEN})
    assert response.status_code == 404
    assert "withdrew" not in response.content.decode()
