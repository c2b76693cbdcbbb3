"""A PDF that would take the ingest down with it (a decompression bomb, a file pdfium reads
for too long) is read in a sandbox reader: it is stored as failed with what went wrong, and
the letters beside it are stored as usual."""

from pathlib import Path

import pytest

from openimr.decisions.models import SourceFile
from openimr.decisions.services import corpus_ingest
from openimr.decisions.tests.ingest_files import generated_texts, real_pdfs
from openimr.records.tests import hostile

pytestmark = pytest.mark.django_db


def _folder(tmp_path: Path, hostile_pdf: bytes) -> Path:
    folder = tmp_path / "letters"
    folder.mkdir()
    (folder / "hostile.pdf").write_bytes(hostile_pdf)
    _, text = generated_texts(1, seed=31)[0]
    (folder / "letter.txt").write_text(text, encoding="utf-8")
    return folder


def test_a_decompression_bomb_fails_for_memory_and_the_other_letters_are_stored(tmp_path, settings):
    settings.OPENIMR_PDF_MEMORY_MB = 160
    folder = _folder(tmp_path, hostile.decompression_bomb(1000))
    [pdf] = real_pdfs(1)
    (folder / pdf.name).write_bytes(pdf.read_bytes())
    summary = corpus_ingest([folder], actor="test", workers=2)
    assert (summary.parsed, summary.failed) == (2, 1)
    failed = SourceFile.objects.get(status="failed")
    assert failed.name.endswith("hostile.pdf")
    assert failed.error == "unreadable PDF: it needed more than 160 MB of memory"


def test_a_pdf_read_past_the_time_limit_fails_and_the_ingest_carries_on(tmp_path, settings):
    settings.OPENIMR_PDF_TIMEOUT_SECONDS = 0.2
    # Room for the whole bomb, so that only the clock can stop it: at the default 512 MB a
    # fast, quiet machine reached the memory limit first (a PostgreSQL CI run).
    settings.OPENIMR_PDF_MEMORY_MB = 2048
    folder = _folder(tmp_path, hostile.decompression_bomb(300))
    summary = corpus_ingest([folder], actor="test", workers=1)
    assert (summary.parsed, summary.failed) == (1, 1)
    assert summary.failures == [
        (str(folder / "hostile.pdf"), "unreadable PDF: it could not be read within 0.2 s")
    ]
