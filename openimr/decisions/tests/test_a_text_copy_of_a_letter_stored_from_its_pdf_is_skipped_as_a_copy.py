"""A letter ingested as its PDF first and its text copy later: the text decides the same
(case number, decision date, priority, the items and their outcomes, the rule a PDF after
its text copy is attached by), so it is a copy of the stored letter, counted skipped with
that reason, its file known (a rerun skips it) and off the staff list of failures. Before,
it failed as a duplicate case number. A text deciding otherwise still fails so."""

import json
from pathlib import Path

import pytest

from openimr.cli import main
from openimr.decisions.models import Decision, SourceFile
from openimr.decisions.services import corpus_ingest
from openimr.decisions.tests.ingest_files import real_pdfs, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def pdf() -> Path:
    return real_pdfs(1)[0]


def _text(tmp_path: Path, pdf: Path, text: str) -> Path:
    path = tmp_path / f"{pdf.stem}.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_text_copy_is_skipped_with_why(client, staff_client, tmp_path, pdf):
    corpus_ingest([pdf], actor="test")
    stored = Decision.objects.get(case_number=pdf.stem)
    text = _text(tmp_path, pdf, text_of(pdf.read_bytes()))
    summary = corpus_ingest([text], actor="test")
    assert (summary.parsed, summary.failed, summary.skipped) == (0, 0, 1)
    assert summary.copies == [
        (str(text), f"a text copy of {pdf.stem}, stored from its PDF: it decides the same")
    ]
    source = SourceFile.objects.get(name=str(text))
    assert (source.status, source.decision_id, source.error) == ("parsed", stored.pk, "")
    assert Decision.objects.get(pk=stored.pk).letter_path == stored.letter_path
    assert Decision.objects.count() == 1
    page = client.get("/decisions/failures/")
    assert page.status_code == 200 and str(text) not in page.content.decode()
    again = corpus_ingest([text], actor="test")
    assert (again.parsed, again.failed, again.skipped, again.copies) == (0, 0, 1, [])


def test_a_pdf_and_its_text_copy_after_it_in_one_run_are_one_letter(tmp_path, pdf, capsys):
    (tmp_path / "a.pdf").write_bytes(pdf.read_bytes())
    (tmp_path / "b.txt").write_text(text_of(pdf.read_bytes()), encoding="utf-8")
    assert main(["corpus", "ingest", str(tmp_path), "--workers", "1", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["parsed"], out["failed"], out["skipped"]) == (1, 0, 1)
    assert [c["file"] for c in out["copies"]] == [str(tmp_path / "b.txt")]
    assert Decision.objects.get(case_number=pdf.stem).letter_path != ""


def test_a_text_deciding_otherwise_still_fails_as_a_duplicate(tmp_path, pdf):
    corpus_ingest([pdf], actor="test")
    text = text_of(pdf.read_bytes())
    said, other = ("upheld", "overturned") if "upheld" in text.lower() else ("overturned", "upheld")
    changed = text.replace(said, other).replace(said.capitalize(), other.capitalize())
    path = _text(tmp_path, pdf, changed)
    summary = corpus_ingest([path], actor="test")
    assert (summary.parsed, summary.failed, summary.copies) == (0, 1, [])
    assert SourceFile.objects.get(name=str(path)).error.startswith("duplicate case number")
