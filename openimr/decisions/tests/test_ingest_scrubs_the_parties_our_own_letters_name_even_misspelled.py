"""Our own issued letters print the parties they were served on; read back by corpus ingest
(``read_published``), those names are the case's known names: every way the text writes them
reads as the party's role word, and so does a misspelling of them (the fuzzy scrub), which no
pattern could find."""

from bench.corpus import generate_cases
from openimr.cases.interchange import case_from_document
from openimr.decisions.ingest_reader import read_published
from openimr.letters.parsing.sandboxed import parse_letter
from openimr.letters.rendering import render


def _our_letter() -> tuple[dict, bytes]:
    doc = next(generate_cases(1, seed=6, identifiers=True))
    surname = doc["employee"]["name"].split()[-1]
    typo = surname[:-2] + surname[-1] + surname[-2]  # the last two letters swapped
    doc["clinical_summary"] += f" {typo} returned to the clinic on crutches."
    return doc, render(case_from_document(doc), "text")


def test_our_letter_states_its_parties_to_the_reader():
    doc, data = _our_letter()
    parsed = parse_letter(data).case
    for party in ("employee", "attorney", "employer", "claims_administrator"):
        assert parsed[party]["name"] == doc[party]["name"], party


def test_the_parties_and_a_misspelling_of_them_read_as_role_words():
    doc, data = _our_letter()
    read = read_published(data)
    summary = read.letter.case["clinical_summary"]
    surname = doc["employee"]["name"].split()[-1]
    typo = surname[:-2] + surname[-1] + surname[-2]
    assert typo not in summary and "The injured worker returned to the clinic" in summary
    for party in ("employee", "attorney", "employer", "claims_administrator"):
        assert doc[party]["name"] not in str(read.letter.case), party
        assert read.letter.case[party]["name"] is None
    assert "represented by the attorney" in summary
    assert read.changed
