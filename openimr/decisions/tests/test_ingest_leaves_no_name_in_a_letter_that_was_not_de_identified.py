"""`openimr corpus ingest` is also how an IMR organization loads its own archive of issued
letters, which name everyone. The parsed letter states no parties in most layouts, so the reader
(``read_published``) finds names only as a reader of the letter would: after a role phrase
("represented by", "The adjuster, ... of <company>"), in parentheses after a role word ("the
physician (Luis Delgado)"), after a title, after a role and a verb ("her case manager is ..."),
with a credential ("..., PA-C"). Measured on 1,000 generated cases with identifiers
in every layout as text, and 50 as PDF: no planted name or identifier is left, and every such
letter loses its PDF. Letters that name no one (the State's 182 published letters, generated
letters without identifiers) come through unchanged."""

from pathlib import Path

import pytest

from bench.corpus import LAYOUTS, generate_cases, letter_pdf, render_letter
from bench.ingest_leaks import leaks, letters
from openimr.decisions.deidentify import deidentify_document
from openimr.decisions.domain.deidentify import REDACTED
from openimr.decisions.ingest_reader import read_published

CASES = 1000
PDFS = 50
CORPUS = Path(__file__).resolve().parents[3] / "../shared/corpus/ca-dwc-imr-2016-2017"


def _leaks(form: str, cases: int) -> tuple[list[tuple[str, str, str]], int, int]:
    """The leaks of the letters of one form, how many letters were read, how many kept
    their PDF."""
    found, read, kept = [], 0, 0
    for each, case, data in letters(cases, PDFS if form == "pdf" else 0, seed=6):
        if each == form:
            letter = read_published(data)
            found += leaks(case, letter.letter.case)
            read, kept = read + 1, kept + (not letter.changed)
    return found, read, kept


def test_no_planted_name_or_identifier_survives_ingest_of_letters_as_text():
    found, read, kept = _leaks("text", CASES)
    assert read == CASES * len(LAYOUTS)
    assert found == [] and kept == 0


def test_no_planted_name_or_identifier_survives_ingest_of_letters_as_pdf():
    found, read, kept = _leaks("pdf", PDFS)
    assert read == PDFS
    assert found == [] and kept == 0


def test_the_leak_count_finds_the_planted_names_where_they_were_written():
    case = next(generate_cases(1, seed=6, identifiers=True))
    found = {(field, kind) for field, kind, _ in leaks(case, case)}
    assert {("clinical_summary", "attorney"), ("rationale", "physician")} <= found
    assert ("employee.name", "employee") in found
    assert leaks(case, deidentify_document(case)) == []


def test_every_real_published_letter_comes_through_ingest_unchanged():
    files = sorted(CORPUS.glob("*.pdf"))
    assert len(files) == 182, f"the corpus is at {CORPUS}"
    changed = [path.name for path in files if read_published(path.read_bytes()).changed]
    assert changed == []


@pytest.mark.parametrize("layout", LAYOUTS)
def test_generated_letters_that_name_no_one_come_through_ingest_unchanged(layout):
    cases = list(generate_cases(300, seed=7))
    texts = [render_letter(case, layout).encode() for case in cases]
    assert [n for n, data in enumerate(texts) if read_published(data).changed] == []
    assert not read_published(letter_pdf(cases[0], layout)).changed


@pytest.mark.parametrize(
    "sentence",
    [
        "The injured worker is represented by Ana Ruiz.",
        "The physician (Hana Sato) documented the request.",
        "The adjuster of Harbor Claims Services denied it.",
    ],
)
def test_a_letter_whose_only_name_is_marked_by_a_role_loses_its_pdf(sentence):
    case = next(generate_cases(1, seed=7))
    case["clinical_summary"] += " " + sentence
    read = read_published(render_letter(case, "fdl-2016", noise=False).encode())
    assert read.changed
    assert REDACTED in read.letter.case["clinical_summary"]
    assert not any(word in str(read.letter.case) for word in ("Ruiz", "Sato", "Harbor"))
