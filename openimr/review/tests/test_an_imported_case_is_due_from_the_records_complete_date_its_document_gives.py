"""A case imported whole (`openimr case import`) has no complete-records instant recorded
here, but its document gives the day (``dates.records_complete``): the determination is due
30 days from it, 3 when expedited (LC 4610.6(d); 8 CCR 9792.10.6(b)-(c)), and QA's page and
the reviewer's workspace show that day instead of "—". A document with no such day says
plainly that the due date cannot be known. Decided in its document, the case is judged on
time by its document's decision date, not by the day QA happens to read it."""

from typing import Any

import pytest

from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import
from openimr.letters.models import IssuedLetter
from openimr.review.tests.conftest import CASE, QA_URL, assign, login, undecided

pytestmark = pytest.mark.django_db


def _imported(doc: dict[str, Any], cast: Any) -> None:
    case_import(case=case_from_document(doc), actor="test")
    assign(CASE, cast.reviewer, "R-1", "Jane Q. Roe")


def _qa_page(client: Any, cast: Any) -> str:
    return str(login(client, cast.qa).get(QA_URL).content.decode())


def test_qa_shows_the_due_date_thirty_days_from_the_documents_records_complete_date(
    client, cast, three_item_doc
):
    _imported(three_item_doc, cast)  # records complete 2016-10-11, decided 2016-10-24
    body = _qa_page(client, cast)
    assert "Determination due: <strong>November 10, 2016</strong>" in body
    assert "the determination is due November 10, 2016" in body  # decided in time
    assert "records no date of complete records" not in body


def test_an_expedited_imported_case_is_due_three_days_from_its_records(
    client, cast, three_item_doc
):
    three_item_doc["priority"] = "expedited"
    three_item_doc["dates"]["decision"] = "2016-10-13"
    _imported(three_item_doc, cast)
    assert "Determination due: <strong>October 14, 2016</strong>" in _qa_page(client, cast)


def test_a_case_its_document_decided_after_the_due_date_was_decided_late(
    client, cast, three_item_doc
):
    three_item_doc["dates"]["decision"] = "2016-11-14"
    _imported(three_item_doc, cast)
    page = _qa_page(client, cast)
    assert "the determination was due November 10, 2016 23:59 PST: it is late" in page
    # Late, it still issues: LC 4610.6(d) ends no review whose time has passed.
    login(client, cast.qa).post(QA_URL, {"action": "approve"})
    assert IssuedLetter.objects.filter(case__case_number=CASE).exists()


def test_a_document_without_a_records_complete_date_says_the_due_date_is_not_known(
    client, cast, three_item_doc
):
    three_item_doc["dates"]["records_complete"] = None
    _imported(three_item_doc, cast)
    body = _qa_page(client, cast)
    assert "Determination due: <strong>not known: the case records no date its records" in body
    assert "records no date of complete records, so no determination due date" in body


def test_the_reviewer_sees_the_same_due_date_in_the_workspace(client, cast, three_item_doc):
    _imported(undecided(three_item_doc), cast)
    body = login(client, cast.reviewer).get(f"/review/{CASE}/").content.decode()
    assert "Determination due: <strong>November 10, 2016</strong>" in body
