"""A letter ingested from a text copy first, and later as its PDF: the PDF parses to the same
case (case number, decision date, priority, the items and their outcomes), so it is the
stored decision's PDF, attached to it, and the letter's page offers it. Before, the PDF
failed as a duplicate case number and the page said "read from a text copy" for good. A
PDF deciding otherwise under that case number still fails as a duplicate."""

from pathlib import Path

import pytest

from openimr.decisions.models import Decision, SourceFile
from openimr.decisions.services import corpus_ingest
from openimr.decisions.tests.ingest_files import real_pdfs, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def pdf() -> Path:
    return real_pdfs(1)[0]


def _text_copy(tmp_path: Path, pdf: Path, text: str) -> None:
    (tmp_path / "text").mkdir()
    (tmp_path / "text" / f"{pdf.stem}.txt").write_text(text, encoding="utf-8")
    corpus_ingest([tmp_path / "text"], actor="test")
    assert Decision.objects.get(case_number=pdf.stem).letter_path == ""


def test_the_pdf_is_attached_and_the_page_offers_it(client, tmp_path, pdf, settings):
    _text_copy(tmp_path, pdf, text_of(pdf.read_bytes()))
    summary = corpus_ingest([pdf], actor="test")
    assert (summary.parsed, summary.failed) == (1, 0)
    decision = Decision.objects.get(case_number=pdf.stem)
    assert (Path(settings.MEDIA_ROOT) / decision.letter_path).read_bytes() == pdf.read_bytes()
    source = SourceFile.objects.get(name=str(pdf))
    assert (source.status, source.decision_id) == ("parsed", decision.pk)
    assert Decision.objects.count() == 1
    page = client.get(f"/decisions/{pdf.stem}/").content.decode()
    assert f'href="/decisions/{pdf.stem}/letter.pdf"' in page
    assert "read from a text copy" not in page
    assert client.get(f"/decisions/{pdf.stem}/letter.pdf").status_code == 200


def test_a_pdf_and_its_text_copy_in_one_run_make_one_decision_with_the_pdf(tmp_path, pdf):
    (tmp_path / "a.txt").write_text(text_of(pdf.read_bytes()), encoding="utf-8")
    (tmp_path / "b.pdf").write_bytes(pdf.read_bytes())
    summary = corpus_ingest([tmp_path], actor="test")
    assert (summary.parsed, summary.failed) == (2, 0)
    assert Decision.objects.get(case_number=pdf.stem).letter_path != ""


def test_a_pdf_deciding_otherwise_still_fails_as_a_duplicate(tmp_path, pdf):
    _text_copy(tmp_path, pdf, _other_decision(text_of(pdf.read_bytes())))
    summary = corpus_ingest([pdf], actor="test")
    assert (summary.parsed, summary.failed) == (0, 1)
    assert SourceFile.objects.get(name=str(pdf)).error.startswith("duplicate case number")
    assert Decision.objects.get(case_number=pdf.stem).letter_path == ""


def _other_decision(text: str) -> str:
    for said, other in (("upheld", "overturned"), ("overturned", "upheld")):
        if said in text.lower():
            return text.replace(said, other).replace(said.capitalize(), other.capitalize())
    raise AssertionError("the letter names no outcome")
