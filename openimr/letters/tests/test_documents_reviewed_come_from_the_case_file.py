"""The letter lists every record of the case file by author and date of service, never a
date range; a case without records keeps the documents it was imported with."""

import pytest

from openimr.cases.interchange import case_from_document
from openimr.cases.selectors import case_row
from openimr.cases.services import case_import
from openimr.demo.record_files import text_pdf
from openimr.letters.services import letter_issue
from openimr.records.services import record_receive
from openimr.records.vocabulary import Via

pytestmark = pytest.mark.django_db
IMMEDIATE = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["default"],
    }
}


def _note(date: str, author: str) -> bytes:
    return text_pdf(
        "PRIMARY TREATING PHYSICIAN'S PROGRESS REPORT (PR-2)\n"
        f"Date of Service: {date}\n"
        "SUBJECTIVE:\nLow back pain, worse with lifting.\n"
        f"{author}\n"
    )


def test_each_record_is_listed_by_author_and_date(settings, three_item_doc):
    settings.TASKS = IMMEDIATE
    case_import(case=case_from_document(three_item_doc), actor="test")
    row = case_row("CM16-0400101")
    for date, author in (("06/14/2016", "Ann Lee, M.D."), ("08/30/2016", "Raj Patel, D.O.")):
        record_receive(
            case=row,
            data=_note(date, author),
            filename=f"{date[:2]}.pdf",
            submitted_by="claims_administrator",
            via=Via.UPLOAD,
            actor="clerk",
        )
    text = letter_issue(case_number="CM16-0400101", actor="qa").text
    listed = text[text.index("DOCUMENTS REVIEWED") :]
    assert "- Progress note, Ann Lee, M.D., June 14, 2016" in listed
    assert "- Progress note, Raj Patel, D.O., August 30, 2016" in listed


def test_a_case_without_records_keeps_its_imported_documents(three_item_doc):
    case_import(case=case_from_document(three_item_doc), actor="test")
    text = letter_issue(case_number="CM16-0400101", actor="qa").text
    imported = three_item_doc.get("documents") or []
    assert all(d["title"] in text for d in imported)
