"""bench/ingest.py times the function `openimr corpus ingest`'s readers run on each file
(``read_published``: parse, de-identify, say whether that changed the letter), for PDFs
and text letters alike: it had gone on timing ``parse_deidentified``, the reader's work
before a changed letter lost its PDF, and so left that part out of its figures."""

import random

import pytest

from bench import ingest as bench
from bench.corpus import LAYOUTS, letter_pdf, render_letter
from bench.corpus_cases import generate_cases
from openimr.decisions.services import ingest


@pytest.fixture
def reads(monkeypatch) -> list[bytes]:
    """Every file given to the ingest's reader function, by whoever calls it."""
    seen: list[bytes] = []
    real = ingest.read_published

    def recorded(data: bytes):
        seen.append(data)
        return real(data)

    monkeypatch.setattr(ingest, "read_published", recorded)
    return seen


def test_the_text_stages_time_the_ingest_reader(reads):
    cases = list(generate_cases(3, seed=5))
    texts = [render_letter(c, LAYOUTS[n], rng=random.Random(n)) for n, c in enumerate(cases)]
    stages = bench._stages(texts, rounds=2)
    assert reads == [t.encode() for t in texts] * 2
    assert stages["read"] > stages["parse"] > 0


def test_the_pdf_figures_time_the_ingest_reader(reads, tmp_path, capsys):
    path = tmp_path / "letter.pdf"
    path.write_bytes(letter_pdf(next(generate_cases(1, seed=5)), LAYOUTS[0]))
    bench._pdf_cpu([path], 0.001, tmp_path)
    assert reads == [path.read_bytes()] * 3  # the best of three passes
    assert "a reader's work" in capsys.readouterr().out


def test_each_round_of_pdfs_has_files_of_its_own(tmp_path):
    """An ingest skips the files it has seen: a round over another round's files would time
    nothing but the skipping."""
    rounds, _ = bench._write_letters(tmp_path, pdfs=2, texts=0, seed=5, rounds=3)
    names = [sorted(p.name for p in folder.glob("*.pdf")) for folder in rounds]
    assert [len(n) for n in names] == [2, 2, 2]
    contents = {p.read_bytes() for folder in rounds for p in folder.glob("*.pdf")}
    assert len(contents) == 6
