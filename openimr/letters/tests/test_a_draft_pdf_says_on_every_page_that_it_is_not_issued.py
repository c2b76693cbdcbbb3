"""The PDF of a case whose letter is not issued (the case page's and the QA page's
download) used to be word for word a Final Determination Letter: only the file name said
"-DRAFT", and a printed page could be taken for the determination. Every page of a draft
now says it is a draft; the issued letter says nothing of the kind."""

import pypdfium2 as pdfium
import pytest

from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import
from openimr.letters.selectors import letter_pdf_for
from openimr.letters.services import letter_issue

pytestmark = pytest.mark.django_db
MARK = "DRAFT, not issued"


def _pages(data: bytes) -> list[str]:
    return [" ".join(p.get_textpage().get_text_range().split()) for p in pdfium.PdfDocument(data)]


def test_every_page_of_a_draft_says_it_is_not_issued(three_item_doc):
    three_item_doc["items"][0]["rationale"] = "The records were weighed with care. " * 400
    case_import(case=case_from_document(three_item_doc), actor="test")
    issued, data = letter_pdf_for("CM16-0400101")
    pages = _pages(data.read())
    assert issued is None and len(pages) > 2
    assert all(MARK in page for page in pages)
    assert "Final Determination Letter (draft, not issued)" in pages[0]


def test_the_issued_letter_is_not_marked_a_draft(three_item_doc):
    case_import(case=case_from_document(three_item_doc), actor="test")
    letter_issue(case_number="CM16-0400101", actor="qa")
    issued, data = letter_pdf_for("CM16-0400101")
    pages = _pages(data.read())
    assert issued is not None
    assert not any("draft" in page.lower() for page in pages)
