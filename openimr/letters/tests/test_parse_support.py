"""Shared by the parser tests: the 182 published letters of ../shared/corpus, each extracted once
per test session, and the seed letter. (No tests here.)"""

from functools import cache
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[3].parent / "shared/corpus/ca-dwc-imr-2016-2017"
SEED = Path(__file__).resolve().parents[3].parent / "shared/seed/000_90bd304bc794ee83.txt"


def corpus_or_skip() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"the published letters are not at {CORPUS}")
    return CORPUS


@cache
def corpus_text(case_number: str) -> str:
    from openimr.letters.parsing.pdf import extract_text

    return extract_text((corpus_or_skip() / f"{case_number}.pdf").read_bytes())
