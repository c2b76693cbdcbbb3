"""`openimr demo` (run by `make run`) gives each role a login that opens its own work: intake
staff the case list, each of the two reviewers the case in review (assigned and attested), QA the
determination waiting in QA, ready to approve. Loading twice doubles nothing."""

import pytest

from openimr.cases.models import Case
from openimr.demo.services import QA_CASE, REVIEW_CASE, demo_load
from openimr.demo.tests.conftest import demo_login
from openimr.reviewers.models import Assignment

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_reviewer_logs_in_to_a_start_page_that_lists_their_case(demo):
    client, response = demo_login("reviewer")
    assert response.redirect_chain[-1][0] == "/review/"
    assert REVIEW_CASE in response.content.decode()
    assert QA_CASE not in response.content.decode()
    workspace = client.get(f"/review/{REVIEW_CASE}/")
    assert workspace.status_code == 200
    assert "Cognitive behavioral therapy" in workspace.content.decode()


def test_the_reviewer_case_is_in_review_and_attested_by_the_reviewers_account(demo):
    assert Case.objects.get(case_number=REVIEW_CASE).state == "in_review"
    mine = Assignment.objects.filter(
        case__case_number=REVIEW_CASE, reviewer__user__username="reviewer"
    )
    assert mine.get().status == Assignment.ATTESTED


def test_the_qa_physician_finds_a_determination_ready_to_approve(demo):
    client, response = demo_login("qa")
    assert response.redirect_chain[-1][0] == "/review/qa/"
    assert QA_CASE in response.content.decode()
    page = client.get(f"/review/qa/{QA_CASE}/")
    assert page.status_code == 200
    assert "Approve and issue the letter" in page.content.decode()
    assert client.post(f"/review/qa/{QA_CASE}/", {"action": "approve"}).status_code == 302
    assert Case.objects.get(case_number=QA_CASE).state == "issued"


def test_neither_reviewer_nor_qa_opens_a_staff_page_and_staff_works_intake(demo):
    for username in ("reviewer", "reviewer2", "qa"):
        client, _ = demo_login(username)
        assert client.get("/cases/").status_code == 404
    _, response = demo_login("staff")
    assert response.redirect_chain[-1][0] == "/cases/"
    assert REVIEW_CASE in response.content.decode()


def test_loading_twice_doubles_nothing_and_keeps_what_qa_did(demo):
    client, _ = demo_login("qa")
    client.post(f"/review/qa/{QA_CASE}/", {"action": "return", "comments": "Name the note."})
    assignments, cases = Assignment.objects.count(), Case.objects.count()
    demo_load()
    assert Case.objects.get(case_number=QA_CASE).state == "in_review"
    assert (Assignment.objects.count(), Case.objects.count()) == (assignments, cases)
