"""The PDF letter says what the content says, in a font that keeps every name intact.

Pure tests: no database. Text is read back with pdfium, the way a reader's viewer or a
search index would see it, and compared with runs of white space folded.
"""

from dataclasses import replace
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from openimr.cases.interchange import case_from_file
from openimr.core.case import Case, Employee, Physician
from openimr.letters.domain.content import HEADINGS
from openimr.letters.render.pdf import render_pdf
from openimr.letters.rendering import letter_for, render

SEED = Path(__file__).resolve().parents[2] / "demo" / "cases" / "seed-90bd304bc794ee83.json"


@pytest.fixture(scope="module")
def seed() -> Case:
    return case_from_file(SEED)


def fold(text: str) -> str:
    return " ".join(text.split())


def pdf_text(pdf: bytes) -> str:
    document = pdfium.PdfDocument(pdf)
    return fold("\n".join(page.get_textpage().get_text_range() for page in document))


def page_count(pdf: bytes) -> int:
    return len(pdfium.PdfDocument(pdf))


def test_seed_letter_has_every_heading_in_order(seed: Case) -> None:
    text = pdf_text(render(seed, "pdf"))
    positions = [text.find(heading) for heading in HEADINGS]
    assert -1 not in positions, dict(zip(HEADINGS, positions, strict=True))
    assert positions == sorted(positions)


def test_seed_letter_has_the_item_guidelines_and_rationale(seed: Case) -> None:
    text = pdf_text(render(seed, "pdf"))
    assert "Optimum Home Rehab Kit Lumbar Spine: Upheld" in text
    assert "Claims Administrator guideline:" in text
    assert "MAXIMUS guideline:" in text
    assert f"Decision rationale: {fold(seed.items[0].rationale or '')}" in text


def test_seed_letter_metadata_names_the_case_and_organization(seed: Case) -> None:
    metadata = pdfium.PdfDocument(render(seed, "pdf")).get_metadata_dict()
    assert metadata["Title"] == "Final Determination Letter — CM14-0000001"
    assert metadata["Author"] == "MAXIMUS Federal Services"


def test_names_outside_latin1_survive_in_liberation_serif(seed: Case) -> None:
    case = replace(
        seed,
        employee=Employee("Zoë Łukasiewicz", 47),
        requesting_physician=Physician("Dr. Ægir Øvergård"),
    )
    pdf = render(case, "pdf")
    served = pdf_text(pdf).split("PARTIES SERVED", 1)[1]
    assert "Employee: Zoë Łukasiewicz" in served
    assert "Requesting physician: Dr. Ægir Øvergård" in served
    assert b"LiberationSerif" in pdf
    assert b"Helvetica" not in pdf and b"Times-Roman" not in pdf


def test_the_same_letter_gives_the_same_bytes(seed: Case) -> None:
    letter = letter_for(seed)
    assert render_pdf(letter) == render_pdf(letter)


def test_long_summary_runs_over_pages_with_numbered_footers(seed: Case) -> None:
    paragraph = fold(seed.clinical_summary or "")
    case = replace(seed, clinical_summary="\n\n".join([paragraph] * 40))
    pdf = render(case, "pdf")
    text = pdf_text(pdf)
    assert page_count(pdf) >= 3
    assert "Case Number: CM14-0000001 — Page 1" in text
    assert "Case Number: CM14-0000001 — Page 3" in text


def test_markup_in_clinical_text_is_printed_literally(seed: Case) -> None:
    rationale = "Reviewed <b>not bold</b> & <font> then &amp; and <br/> as typed."
    case = replace(seed, items=(replace(seed.items[0], rationale=rationale),))
    text = pdf_text(render(case, "pdf"))
    assert f"Decision rationale: {rationale}" in text
