"""A reviewer sends the determination to QA at the moment staff withdraw them from the case
(two app servers, two processes, one database): one of the two wins, never both. The
submission read the drafts before its transaction, so a withdrawal committed in between
(drafts set aside, items freed, the reviewer's access ended) was followed by the
withdrawn reviewer's decisions going to QA anyway. It now reads them under the case's
lock, as the withdrawal does, and a reviewer withdrawn first is told so and sent home,
not shown the case file they no longer hold. On SQLite and PostgreSQL."""

import pytest

from openimr.cases.domain.lifecycle import State
from openimr.cases.models import Case
from openimr.cases.selectors import case_by_number
from openimr.review import selectors, submission
from openimr.review.held import ReviewerWithdrawn
from openimr.review.reassign import reviewer_withdraw
from openimr.review.tests.conftest import CASE, decide_as_published, login
from openimr.review.tests.withdraw_racing import race
from openimr.reviewers.models import Assignment

pytestmark = pytest.mark.django_db(transaction=True)


def _race(tmp_path, cast, landing: str) -> tuple[dict, dict]:
    assignment = Assignment.objects.get(case__case_number=CASE, reviewer__user=cast.reviewer)
    return race(
        tmp_path,
        "submit",
        landing,
        case=CASE,
        assignment=assignment.pk,
        reviewer=cast.reviewer.username,
        staff=cast.clerk.username,
    )


def test_a_withdrawal_after_the_drafts_are_read_waits_and_is_refused(
    tmp_path, cast, under_review, three_item_doc
):
    decide_as_published(three_item_doc, cast.reviewer)
    submitted, withdrawn = _race(tmp_path, cast, "reading")

    assert submitted == {"done": "submitted"}
    assert list(withdrawn) == ["refused"]
    assert "nothing was changed" in withdrawn["refused"]
    assert Case.objects.get(case_number=CASE).state == State.QA.value
    assignment = Assignment.objects.get(case__case_number=CASE, reviewer__user=cast.reviewer)
    assert assignment.status == Assignment.ATTESTED and assignment.set_aside == {}
    sent = case_by_number(CASE)
    assert [i.decision.value for i in sent.items] == [
        i["decision"] for i in three_item_doc["items"]
    ]


def test_a_withdrawal_after_the_access_check_wins_and_the_submission_sends_nothing(
    tmp_path, cast, under_review, three_item_doc
):
    decide_as_published(three_item_doc, cast.reviewer)
    submitted, withdrawn = _race(tmp_path, cast, "access")

    assert withdrawn == {"done": "withdrawn"}
    assert list(submitted) == ["refused"]
    assert f"staff withdrew you from case {CASE}" in submitted["refused"]
    assert "the determination was not sent to QA" in submitted["refused"]
    assert Case.objects.get(case_number=CASE).state == State.IN_REVIEW.value
    assignment = Assignment.objects.get(case__case_number=CASE, reviewer__user=cast.reviewer)
    assert assignment.status == Assignment.WITHDRAWN
    assert sorted(assignment.set_aside["items"]) == ["0", "1", "2"]
    assert all(i.decision is None for i in case_by_number(CASE).items)


def test_a_reviewer_withdrawn_between_the_pages_check_and_the_submit_is_sent_home(
    client, cast, under_review, three_item_doc, monkeypatch
):
    """The page: the workspace's access check passes, the withdrawal lands, then the submit
    is refused; the reviewer lands on their home page with why, not on the case file."""
    decide_as_published(three_item_doc, cast.reviewer)
    checked = selectors.case_for_reviewer

    def withdrawn_just_after(user, case_number, **given):
        row = checked(user, case_number, **given)
        assignment = Assignment.objects.get(case__case_number=CASE, reviewer__user=user)
        reviewer_withdraw(assignment_id=assignment.pk, actor=cast.clerk, reason="Ill today.")
        return row

    monkeypatch.setattr(selectors, "case_for_reviewer", withdrawn_just_after)
    page = login(client, cast.reviewer).post(f"/review/{CASE}/", {"action": "submit"}, follow=True)
    assert page.redirect_chain == [("/review/", 302)]
    text = page.content.decode()
    assert f"staff withdrew you from case {CASE}" in text
    assert "the determination was not sent to QA" in text
    assert three_item_doc["items"][0]["rationale"] not in text  # no draft shown
    assert Case.objects.get(case_number=CASE).state == State.IN_REVIEW.value
    with pytest.raises(ReviewerWithdrawn):  # and the service alone, again
        submission.determination_submit(row=Case.objects.get(case_number=CASE), actor=cast.reviewer)
