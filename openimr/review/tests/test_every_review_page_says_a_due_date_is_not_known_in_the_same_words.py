"""A case with no complete-records date (one imported whole whose document gives none) has
no determination clock (LC 4610.6(d) counts from that day). QA's page said "not known: the
case records no date its records were complete", while the reviewer's start page showed "—"
and the workspace "not yet running", as if the clock would start by itself. The reviewer's
pages now say it in QA's words (one source); a case with the date shows the date on each."""

from typing import Any

import pytest

from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import
from openimr.review.tests.conftest import CASE, assign, login, undecided

pytestmark = pytest.mark.django_db
UNKNOWN = "not known: the case records no date its records were complete"


def _pages(client: Any, cast: Any, doc: dict[str, Any]) -> dict[str, str]:
    case_import(case=case_from_document(doc), actor="test")
    assign(CASE, cast.reviewer, "R-1", "Jane Q. Roe")
    reviewer = login(client, cast.reviewer)
    pages = {"home": reviewer.get("/review/"), "workspace": reviewer.get(f"/review/{CASE}/")}
    assert {name: page.status_code for name, page in pages.items()} == dict.fromkeys(pages, 200)
    return {name: page.content.decode() for name, page in pages.items()}


def test_each_page_says_the_due_date_is_not_known_as_qa_does(client, cast, three_item_doc):
    doc = undecided(three_item_doc)
    doc["dates"]["records_complete"] = None
    pages = _pages(client, cast, doc)
    assert f"<td>{UNKNOWN}</td>" in pages["home"]
    assert f"Determination due: <strong>{UNKNOWN}</strong>" in pages["workspace"]
    assert "not yet running" not in pages["workspace"]


def test_each_page_shows_the_due_date_when_the_document_gives_its_records_day(
    client, cast, three_item_doc
):
    pages = _pages(client, cast, undecided(three_item_doc))  # records complete 2016-10-11
    assert "<td>November 10, 2016</td>" in pages["home"]
    assert "Determination due: <strong>November 10, 2016</strong>" in pages["workspace"]
    assert all(UNKNOWN not in page for page in pages.values())


def test_the_qa_list_says_it_as_the_qa_case_page_does(client, cast, three_item_doc):
    three_item_doc["dates"]["records_complete"] = None  # decided in its document: in QA
    case_import(case=case_from_document(three_item_doc), actor="test")
    assign(CASE, cast.reviewer, "R-1", "Jane Q. Roe")
    qa = login(client, cast.qa)
    assert f"<td>{UNKNOWN}</td>" in qa.get("/review/qa/").content.decode()
    said = f"Determination due: <strong>{UNKNOWN}</strong>"
    assert said in qa.get(f"/review/qa/{CASE}/").content.decode()
