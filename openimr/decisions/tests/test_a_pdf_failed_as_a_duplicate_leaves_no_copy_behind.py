"""A PDF that fails at ingest as a duplicate case number leaves no copy of itself under
MEDIA_ROOT: every file in the corpus's PDF folder is one a decision points to. Before, the
copy was written as the file was read and stayed, pointed to by nothing. A copy another
stored letter points to (the same bytes, named by their hash) is never removed."""

from pathlib import Path

import pytest

from openimr.decisions.models import Decision, SourceFile
from openimr.decisions.services import corpus_ingest
from openimr.decisions.services import ingest as ingest_module
from openimr.decisions.tests.ingest_files import real_pdfs, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def pdf() -> Path:
    return real_pdfs(1)[0]


def _unpointed(media: Path) -> list[str]:
    pointed = set(Decision.objects.exclude(letter_path="").values_list("letter_path", flat=True))
    files = [str(p.relative_to(media)) for p in media.rglob("*") if p.is_file()]
    return sorted(f for f in files if f not in pointed)


def test_a_duplicate_pdf_leaves_no_file_no_letter_points_to(tmp_path, pdf, settings):
    (tmp_path / "text").mkdir()
    text = text_of(pdf.read_bytes())
    said, other = ("upheld", "overturned") if "upheld" in text.lower() else ("overturned", "upheld")
    text = text.replace(said, other).replace(said.capitalize(), other.capitalize())
    (tmp_path / "text" / f"{pdf.stem}.txt").write_text(text, encoding="utf-8")
    corpus_ingest([tmp_path / "text"], actor="test")
    summary = corpus_ingest([pdf], actor="test")
    assert (summary.parsed, summary.failed) == (0, 1)
    assert SourceFile.objects.get(name=str(pdf)).error.startswith("duplicate case number")
    assert _unpointed(Path(settings.MEDIA_ROOT)) == []


def test_the_second_pdf_of_a_case_is_removed_and_the_first_kept(tmp_path, pdf, settings):
    (tmp_path / "first.pdf").write_bytes(pdf.read_bytes())
    # The same letter saved again (a trailing comment): other bytes, the same case number.
    (tmp_path / "second.pdf").write_bytes(pdf.read_bytes() + b"\n% saved again\n")
    summary = corpus_ingest([tmp_path], actor="test")
    assert (summary.parsed, summary.failed) == (1, 1)
    media = Path(settings.MEDIA_ROOT)
    assert _unpointed(media) == []
    kept = Decision.objects.get(case_number=pdf.stem).letter_path
    assert (media / kept).read_bytes() == pdf.read_bytes()


def test_a_copy_a_stored_letter_points_to_is_kept(client, pdf, settings, monkeypatch):
    corpus_ingest([pdf], actor="test")
    # A second ingest that listed what was stored before the first committed: it reads the
    # same bytes again, writes the same copy, and finds them stored when it stores its batch.
    monkeypatch.setattr(ingest_module, "seen_hashes", set)
    summary = corpus_ingest([pdf], actor="test")
    assert summary.parsed == 0
    letter_path = Decision.objects.get(case_number=pdf.stem).letter_path
    assert (Path(settings.MEDIA_ROOT) / letter_path).read_bytes() == pdf.read_bytes()
    assert client.get(f"/decisions/{pdf.stem}/letter.pdf").status_code == 200
