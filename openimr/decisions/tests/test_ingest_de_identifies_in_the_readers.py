"""Ingest de-identifies each letter in the sandbox reader that parsed it, so that only the
de-identified document reaches the main process: what is stored is exactly what
de-identifying the parsed letter in this process gives, and no titled name or identifier
written into a letter is stored."""

import hashlib
import json
from pathlib import Path

import pytest

from bench.corpus import LAYOUTS, render_letter
from bench.corpus_cases import generate_cases
from bench.corpus_identity import injected_identifiers
from openimr.decisions.deidentify import deidentify_document
from openimr.decisions.models import Decision
from openimr.decisions.services import corpus_ingest
from openimr.letters.parsing import parse_text

pytestmark = pytest.mark.django_db

TITLES = ("Dr. ", "Ms. ", "Mr. ", "Mrs. ")


CASES = list(generate_cases(5, seed=6, identifiers=True))


@pytest.fixture
def letters(tmp_path: Path) -> list[str]:
    """Letters of every layout with names and identifiers written into them."""
    texts = []
    for n, case in enumerate(CASES):
        text = render_letter(case, LAYOUTS[n % len(LAYOUTS)])
        assert any(title in text for title in TITLES), "the letter names someone"
        texts.append(text)
        (tmp_path / f"{n}.txt").write_text(text, encoding="utf-8")
    return texts


def _stored(text: str) -> dict:
    digest = hashlib.sha256(text.encode()).hexdigest()
    document = Decision.objects.get(content_sha256=digest).document
    return json.loads(json.dumps(document))


def test_each_reader_stores_what_de_identifying_here_would(letters, tmp_path):
    summary = corpus_ingest([tmp_path], actor="test", workers=2)  # text goes to the readers
    assert summary.parsed == len(letters)
    for text in letters:
        expected = deidentify_document(parse_text(text).case)
        stored = _stored(text)
        if stored["case_number"].startswith("SHA-"):  # the 2014 layout prints no number
            expected["case_number"] = stored["case_number"]
        assert stored == json.loads(json.dumps(expected))


def test_no_titled_name_or_identifier_written_in_a_letter_is_stored(letters, tmp_path):
    corpus_ingest([tmp_path], actor="test", workers=2)
    for n, (case, text) in enumerate(zip(CASES, letters, strict=True)):
        stored = json.dumps(_stored(text))
        titled = [i for i in injected_identifiers(case) if i.startswith(TITLES)]
        assert titled, f"letter {n} has titled names to look for"
        assert [i for i in titled if i in stored] == []
