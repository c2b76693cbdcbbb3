"""A backup restored into a new machine's empty data folder gives back the public corpus as
well as the cases and their letters: every published decision, found by the same searches
(the search index is restored with the rows, not left to be rebuilt), and each ingested
letter's PDF byte for byte, served from where its decision says. Before this test the
restore was checked for cases, letters and records only."""

import hashlib
import json
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from openimr.cli import main
from openimr.decisions.models import Decision
from openimr.decisions.services import corpus_ingest
from openimr.decisions.tests.ingest_files import generated_texts, real_pdfs
from openimr.demo.services import demo_load
from openimr.letters.models import IssuedLetter
from tests.ops.backups import openimr

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def restored(tmp_path) -> Path:
    """The demo's cases and letters and a corpus of real PDFs and text letters, backed up
    and restored into ``new-machine``."""
    if connection.vendor != "sqlite":
        pytest.skip("restores into a fresh SQLite data folder; PostgreSQL has its own test")
    demo_load()
    letters = tmp_path / "letters"
    letters.mkdir()
    for pdf in real_pdfs(3):
        (letters / pdf.name).write_bytes(pdf.read_bytes())
    for number, text in generated_texts(4, seed=31):
        (letters / f"{number}.txt").write_text(text, encoding="utf-8")
    assert corpus_ingest([letters], actor="test").parsed == 7
    assert main(["backup", str(tmp_path / "backup")]) == 0
    fresh = tmp_path / "new-machine"
    done = openimr(fresh, "restore", str(tmp_path / "backup"))
    assert done.returncode == 0, done.stderr
    return fresh


def _exported(fresh: Path, *search: str) -> list[dict]:
    done = openimr(fresh, "corpus", "export", "--format", "jsonl", "-o", "-", *search)
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_every_published_decision_comes_back_and_is_found_by_a_search(restored, capsys):
    here = Decision.objects.count()
    assert here >= 7
    back = _exported(restored)
    assert sorted(d["case_number"] for d in back) == sorted(
        Decision.objects.values_list("case_number", flat=True)
    )
    # The search index came back with its rows: a word finds what it found before.
    assert main(["corpus", "export", "--format", "jsonl", "-o", "-", "--q", "lumbar"]) == 0
    before = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert before, "the corpus holds letters about the lumbar spine"
    assert _exported(restored, "--q", "lumbar") == before


def test_each_corpus_pdf_and_issued_letter_comes_back_byte_for_byte(restored):
    media = Path(settings.MEDIA_ROOT)
    corpus = [d for d in Decision.objects.exclude(letter_path="") if d.letter_path]
    assert len(corpus) >= 3  # the three real PDFs ingested
    for decision in corpus:
        assert (restored / "media" / decision.letter_path).read_bytes() == (
            media / decision.letter_path
        ).read_bytes()
    for letter in IssuedLetter.objects.all():
        restored_pdf = (restored / "media" / letter.pdf_path).read_bytes()
        assert hashlib.sha256(restored_pdf).hexdigest() == letter.pdf_sha256


def test_the_restored_case_still_exports_whole(restored):
    exported = openimr(restored, "case", "export", "CM16-0400101")
    assert exported.returncode == 0, exported.stderr
    assert json.loads(exported.stdout)["case_number"] == "CM16-0400101"
