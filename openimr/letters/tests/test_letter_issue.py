"""Issuing freezes the letter: stored PDF with its hash, no second issue, no later edit."""

import hashlib
from dataclasses import replace
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from django.conf import settings

from openimr.audit.models import AuditEvent
from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import
from openimr.core.errors import Conflict, InvalidInput
from openimr.letters.models import IssuedLetter
from openimr.letters.services import letter_issue

pytestmark = pytest.mark.django_db


def _pdf_text(path: Path) -> str:
    document = pdfium.PdfDocument(str(path))
    return " ".join(" ".join(page.get_textpage().get_text_range() for page in document).split())


def test_issuing_stores_the_pdf_under_its_hash_with_text_and_html(three_item_doc):
    case_import(case=case_from_document(three_item_doc), actor="test")
    issued = letter_issue(case_number="CM16-0400101", actor="qa")
    pdf = Path(settings.MEDIA_ROOT) / issued.pdf_path
    assert hashlib.sha256(pdf.read_bytes()).hexdigest() == issued.pdf_sha256
    assert "MRI of the lumbar spine without contrast: Overturned" in _pdf_text(pdf)
    assert "MRI of the lumbar spine without contrast: Overturned" in issued.text
    assert issued.case_document["case_number"] == "CM16-0400101"
    assert AuditEvent.objects.filter(action="letter.issued", object_id="CM16-0400101").count() == 1


def test_a_letter_is_issued_once(three_item_doc):
    case_import(case=case_from_document(three_item_doc), actor="test")
    letter_issue(case_number="CM16-0400101", actor="qa")
    with pytest.raises(Conflict):
        letter_issue(case_number="CM16-0400101", actor="qa")
    assert IssuedLetter.objects.count() == 1


def test_an_issued_case_cannot_be_overwritten(three_item_doc):
    case = case_from_document(three_item_doc)
    case_import(case=case, actor="test")
    letter_issue(case_number=case.case_number, actor="qa")
    with pytest.raises(Conflict, match="issued"):
        case_import(case=replace(case, clinical_summary="changed"), actor="test", replace=True)


def test_an_undecided_case_cannot_be_issued(seed_doc):
    case = case_from_document(seed_doc)
    undecided = replace(
        case,
        dates=replace(case.dates, decision=None),
        items=(replace(case.items[0], decision=None),),
    )
    case_import(case=undecided, actor="test")
    with pytest.raises(InvalidInput) as caught:
        letter_issue(case_number=case.case_number, actor="qa")
    assert {p.path for p in caught.value.problems} == {"$.dates.decision", "$.items[0].decision"}
    assert IssuedLetter.objects.count() == 0
