"""A reviewer's license or board certification lapsed between the attestation and the
decision, and the determination went to QA and issued with a letter stating credentials the
reviewer no longer held (LC 139.5(c)). The submission and QA's approval now check each
reviewer again and refuse, saying what lapsed and what staff can do: record the renewal, or
withdraw the reviewer on the case's timeline so that the items go to another."""

from datetime import timedelta

import pytest

from openimr.cases.selectors import case_row
from openimr.core.clock import local_date, now
from openimr.letters.models import IssuedLetter
from openimr.review.tests.conftest import CASE, QA_URL, decide_as_published, login
from openimr.reviewers.models import Certification, License, Reviewer

pytestmark = pytest.mark.django_db
URL = f"/review/{CASE}/"


def _lapse_license(reviewer_id: str) -> str:
    yesterday = local_date(now()) - timedelta(days=1)
    License.objects.filter(reviewer__reviewer_id=reviewer_id).update(
        issued=yesterday - timedelta(days=3000), expires=yesterday
    )
    return yesterday.strftime("%m/%d/%Y")


def test_a_reviewer_whose_license_lapsed_cannot_submit_and_is_told_what_to_do(
    client, cast, under_review, three_item_doc, records_layer
):
    decide_as_published(three_item_doc, cast.reviewer)
    expired = _lapse_license("R-1")
    response = login(client, cast.reviewer).post(URL, {"action": "submit"})
    assert response.status_code == 422
    body = response.content.decode()
    assert "you no longer qualify to decide this case (LC 139.5(c))" in body
    assert f"expired on {expired}" in body
    assert "withdraw you from the case on its timeline" in body
    assert case_row(CASE).state == "in_review"


def test_a_lapsed_board_certification_stops_the_submission_too(
    client, cast, under_review, three_item_doc, records_layer
):
    decide_as_published(three_item_doc, cast.reviewer)
    yesterday = local_date(now()) - timedelta(days=1)
    Certification.objects.filter(reviewer__reviewer_id="R-1").update(expires=yesterday)
    body = login(client, cast.reviewer).post(URL, {"action": "submit"}).content.decode()
    assert "No board certification in force" in body
    assert case_row(CASE).state == "in_review"


def test_the_other_reviewer_of_a_split_case_is_told_without_the_lapsed_credential(
    client, cast, split, records_layer
):
    _lapse_license("R-2")
    body = login(client, cast.reviewer).post(URL, {"action": "submit"}).content.decode()
    assert "another reviewer of this case no longer qualifies" in body
    number = License.objects.get(reviewer__reviewer_id="R-2").number
    assert number not in body and "Min Park" not in body


def test_a_reviewer_still_qualified_submits(
    client, cast, under_review, three_item_doc, records_layer
):
    decide_as_published(three_item_doc, cast.reviewer)
    response = login(client, cast.reviewer).post(URL, {"action": "submit"})
    assert response.status_code == 302 and case_row(CASE).state == "qa"


def test_qa_cannot_approve_once_the_reviewers_license_lapsed(client, cast, in_qa):
    expired = _lapse_license("R-1")
    login(client, cast.qa)
    page = client.get(QA_URL).content.decode()
    assert "reviewer R-1 no longer qualifies (LC 139.5(c))" in page
    assert f"expired on {expired}" in page and "withdraw the reviewer" in page
    assert "Jane Q. Roe" not in page.split('id="checklist"')[1].split("</table>")[0]
    client.post(QA_URL, {"action": "approve"})
    assert not IssuedLetter.objects.filter(case__case_number=CASE).exists()


def test_qa_cannot_approve_for_a_suspended_reviewer(client, cast, in_qa):
    Reviewer.objects.filter(reviewer_id="R-1").update(active=False)
    login(client, cast.qa).post(QA_URL, {"action": "approve"})
    assert not IssuedLetter.objects.filter(case__case_number=CASE).exists()
    assert "R-1 is suspended" in client.get(QA_URL).content.decode()
