"""A sandbox reader of corpus ingest (``read_published``) gives back the letter it parsed
with the document ``deidentify_document`` makes of it: for every layout, with names,
misspellings and identifiers written into the letters, and for real published PDFs, the
same document, field for field, and nothing else of the parse changes."""

import random
from pathlib import Path

import pytest

from bench.corpus import LAYOUTS, render_letter
from bench.corpus_cases import generate_cases
from openimr.decisions.deidentify import deidentify_document
from openimr.decisions.ingest_reader import read_published
from openimr.letters.parsing import LetterUnreadable
from openimr.letters.parsing.sandboxed import parse_letter

CORPUS = Path(__file__).resolve().parents[3] / "../shared/corpus/ca-dwc-imr-2016-2017"


def _letters() -> list[bytes]:
    texts = [
        render_letter(case, LAYOUTS[n % len(LAYOUTS)], noise=n % 2 == 1, rng=random.Random(n))
        for n, case in enumerate(generate_cases(30, seed=11, identifiers=True))
    ]
    return [t.encode() for t in texts]


def _the_same(data: bytes) -> None:
    parsed, fast = parse_letter(data), read_published(data).letter
    assert fast.case == deidentify_document(parsed.case)
    assert (fast.layout, fast.warnings, fast.confidence) == (
        parsed.layout,
        parsed.warnings,
        parsed.confidence,
    )


@pytest.mark.parametrize("data", _letters())
def test_a_letter_naming_people_comes_out_of_the_reader_as_deidentify_document_makes_it(data):
    _the_same(data)


def test_real_published_pdfs_come_out_of_the_reader_as_deidentify_document_makes_them():
    files = sorted(CORPUS.glob("*.pdf"))[:12]
    assert files, f"the corpus is at {CORPUS}"
    for path in files:
        _the_same(path.read_bytes())


def test_a_file_that_is_no_letter_fails_in_the_reader_as_it_fails_to_parse():
    with pytest.raises(LetterUnreadable) as direct:
        parse_letter(b"%PDF-1.4 truncated")
    with pytest.raises(LetterUnreadable) as reader:
        read_published(b"%PDF-1.4 truncated")
    assert str(reader.value) == str(direct.value)
