"""A file that is not a readable letter is stored as failed with its reason, never dropped
(issue 6, "Bad input"); a second letter of a case already in the corpus is kept as failed."""

from pathlib import Path

import pytest

from openimr.core.errors import InvalidInput
from openimr.decisions.models import Decision, SourceFile
from openimr.decisions.services import corpus_ingest
from openimr.decisions.tests.ingest_files import (
    blank_pdf,
    encrypted_pdf,
    generated_texts,
    real_pdfs,
    write_zip,
)

pytestmark = pytest.mark.django_db


def _reason(name: str) -> str:
    return SourceFile.objects.get(name__endswith=name, status="failed").error


@pytest.fixture
def bad(tmp_path: Path) -> Path:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "encrypted.pdf").write_bytes(encrypted_pdf())
    (folder / "corrupt.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage")
    (folder / "scan.pdf").write_bytes(blank_pdf())
    (folder / "groceries.txt").write_text("eggs\nmilk\nflour\n", encoding="utf-8")
    (folder / "broken.zip").write_bytes(b"PK\x03\x04 this archive was cut short")
    return folder


def test_each_bad_file_is_recorded_as_failed_with_what_is_wrong(bad):
    summary = corpus_ingest([bad], actor="test")
    assert (summary.parsed, summary.failed) == (0, 5)
    assert "encrypted" in _reason("encrypted.pdf")
    assert "damaged" in _reason("corrupt.pdf")
    assert "no text layer" in _reason("scan.pdf")
    assert "not a letter" in _reason("groceries.txt")
    assert "zip" in _reason("broken.zip")
    assert Decision.objects.count() == 0


def test_a_failed_file_is_not_read_again(bad):
    corpus_ingest([bad], actor="test")
    again = corpus_ingest([bad], actor="test")
    assert (again.failed, again.skipped) == (0, 5)
    assert SourceFile.objects.count() == 5


def test_good_letters_beside_bad_ones_are_stored(bad):
    for pdf in real_pdfs(2):
        (bad / pdf.name).write_bytes(pdf.read_bytes())
    summary = corpus_ingest([bad], actor="test", workers=2)
    assert (summary.parsed, summary.failed) == (2, 5)
    assert [f for f, _ in summary.failures if f.endswith(".pdf")] != []


def test_a_second_letter_of_a_case_already_in_the_corpus_is_kept_as_a_duplicate(tmp_path):
    number, text = generated_texts(1)[0]
    (tmp_path / "first.txt").write_text(text, encoding="utf-8")
    corpus_ingest([tmp_path / "first.txt"], actor="test")
    write_zip(tmp_path / "again.zip", {"copy.txt": (text + "\n\n").encode()})
    summary = corpus_ingest([tmp_path / "again.zip"], actor="test")
    assert (summary.parsed, summary.failed) == (0, 1)
    assert _reason("copy.txt").startswith(f"duplicate case number {number}")
    assert Decision.objects.get().sources.get().name.endswith("first.txt")


def test_two_letters_of_one_case_in_one_batch_keep_the_first(tmp_path):
    _, text = generated_texts(1)[0]
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(text + "\n", encoding="utf-8")
    summary = corpus_ingest([tmp_path], actor="test")
    assert (summary.parsed, summary.failed) == (1, 1)
    assert "duplicate case number" in _reason("b.txt")


def test_a_path_that_does_not_exist_is_refused_and_nothing_is_written(tmp_path):
    with pytest.raises(InvalidInput) as refused:
        corpus_ingest([tmp_path, tmp_path / "missing"], actor="test")
    assert "missing: no such file or folder" in refused.value.report()
    assert SourceFile.objects.count() == 0


def test_a_truncated_letter_is_stored_with_what_is_missing(tmp_path):
    number, text = generated_texts(1)[0]
    (tmp_path / "cut.txt").write_text(text[: len(text) // 2], encoding="utf-8")
    summary = corpus_ingest([tmp_path], actor="test")
    assert (summary.parsed, summary.warned, summary.failed) == (1, 1, 0)
    decision = Decision.objects.get(case_number=number)
    assert any(w.startswith("truncated") for w in decision.warnings)
    assert decision.sources.get().warnings == decision.warnings
