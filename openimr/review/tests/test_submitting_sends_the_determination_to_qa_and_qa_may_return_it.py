"""Submitting moves the determination to QA; QA returns it with comments, which the
reviewer reads in the workspace, and the determination clock runs again."""

from datetime import UTC, datetime

import pytest

from openimr.audit.models import AuditEvent
from openimr.cases.models import Case
from openimr.review.models import Determination, QAComment
from openimr.review.tests.conftest import CASE, decide_as_published, login

pytestmark = pytest.mark.django_db
URL = f"/review/{CASE}/"


def test_a_decided_determination_goes_to_qa(client, cast, under_review, three_item_doc):
    decide_as_published(three_item_doc, cast.reviewer)
    response = login(client, cast.reviewer).post(URL, {"action": "submit"})
    assert response.status_code == 302
    row = Case.objects.get(case_number=CASE)
    assert row.state == "qa"
    assert row.decided_at is not None and row.date_decision is not None
    assert Determination.objects.get(case=row).submitted_at is not None
    assert AuditEvent.objects.filter(action="review.submitted", actor=cast.reviewer).count() == 1
    assert client.get(URL).status_code == 200  # still readable, no longer editable
    assert "Save item 1" not in client.get(URL).content.decode()


def test_an_undecided_determination_is_refused_and_stays_in_review(client, cast, under_review):
    response = login(client, cast.reviewer).post(URL, {"action": "submit"})
    body = response.content.decode()
    assert response.status_code == 422
    assert "the determination is not ready for QA" in body
    assert "save the clinical case summary" in body
    assert "decide this item" in body
    assert Case.objects.get(case_number=CASE).state == "in_review"


def _submitted(client, cast, doc):
    decide_as_published(doc, cast.reviewer)
    login(client, cast.reviewer).post(URL, {"action": "submit"})


def test_qa_returns_the_case_with_comments_and_the_clock_runs_again(
    client, cast, under_review, three_item_doc
):
    row = Case.objects.get(case_number=CASE)
    row.records_complete_at = datetime(2016, 10, 11, 18, tzinfo=UTC)
    row.save()
    _submitted(client, cast, three_item_doc)
    login(client, cast.qa)
    comments = "State the records relied on for item 3."
    response = client.post(f"/review/qa/{CASE}/", {"action": "return", "comments": comments})
    assert response.status_code == 302
    row = Case.objects.get(case_number=CASE)
    assert (row.state, row.decided_at, row.date_decision) == ("in_review", None, None)
    assert row.next_due_name == "determination_due"
    comment = QAComment.objects.get()
    assert (comment.outcome, comment.text, comment.author) == ("returned", comments, "qa-doc")
    assert Determination.objects.get(case=row).returns == 1
    assert AuditEvent.objects.filter(action="review.returned", actor=cast.qa).count() == 1
    page = login(client, cast.reviewer).get(URL).content.decode()
    assert comments in page and "Save item 1" in page


def test_returning_without_comments_is_refused_and_changes_nothing(
    client, cast, under_review, three_item_doc
):
    _submitted(client, cast, three_item_doc)
    response = login(client, cast.qa).post(f"/review/qa/{CASE}/", {"action": "return"})
    assert response.status_code == 422
    assert "say what the reviewer should change" in response.content.decode()
    assert Case.objects.get(case_number=CASE).state == "qa"
    assert not QAComment.objects.exists()


def test_the_reviewer_lists_cases_with_their_due_date(client, cast, under_review):
    row = Case.objects.get(case_number=CASE)
    row.records_complete_at = datetime(2016, 10, 11, 18, tzinfo=UTC)
    row.save()
    body = login(client, cast.reviewer).get("/review/").content.decode()
    assert "November 10, 2016" in body
