"""A sandbox reader of corpus ingest (``read_published``) gives back the letter it parsed
with the document ``deidentify_document`` makes of it: for every layout, with names,
misspellings and identifiers written into the letters, and for real published PDFs, the
same document, field for field, and nothing else of the parse changes. It de-identifies in
place, with no copy to compare with: whether that changed the letter (which then loses its
PDF) must still be what comparing the two says, whatever the change."""

import json
import random
from pathlib import Path

import pytest

from bench.corpus import LAYOUTS, render_letter
from bench.corpus_cases import generate_cases
from openimr.decisions.deidentify import deidentified_in_place, deidentify_document
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


def _the_same(data: bytes) -> bool:
    parsed, read = parse_letter(data), read_published(data)
    fast, public = read.letter, deidentify_document(parsed.case)
    assert fast.case == public
    assert read.changed == (public != parsed.case)
    assert (fast.layout, fast.warnings, fast.confidence) == (
        parsed.layout,
        parsed.warnings,
        parsed.confidence,
    )
    return read.changed


@pytest.mark.parametrize("data", _letters())
def test_a_letter_naming_people_comes_out_of_the_reader_as_deidentify_document_makes_it(data):
    assert _the_same(data), "a letter naming its parties is changed (and loses its PDF)"


def test_real_published_pdfs_come_out_of_the_reader_as_deidentify_document_makes_them():
    files = sorted(CORPUS.glob("*.pdf"))[:12]
    assert files, f"the corpus is at {CORPUS}"
    for path in files:
        assert not _the_same(path.read_bytes()), f"{path.name} keeps its PDF"


def test_a_file_that_is_no_letter_fails_in_the_reader_as_it_fails_to_parse():
    with pytest.raises(LetterUnreadable) as direct:
        parse_letter(b"%PDF-1.4 truncated")
    with pytest.raises(LetterUnreadable) as reader:
        read_published(b"%PDF-1.4 truncated")
    assert str(reader.value) == str(direct.value)


_CLEAN = {
    "case_number": "CM16-0000001",
    "employee": {"name": None, "age": 52, "sex": "female"},
    "attorney": {"name": None},
    "documents": [{"title": "Progress report", "author": None}],
    "clinical_summary": "The injured worker has low back pain.",
    "items": [{"treatment": "Physical therapy", "rationale": "Guidelines support it."}],
}


@pytest.mark.parametrize(
    ("what", "change"),
    [
        ("a party's name", lambda doc: doc["attorney"].update(name="Ann Lee")),
        ("a party with no name key", lambda doc: doc["attorney"].pop("name")),
        ("an age over 89", lambda doc: doc["employee"].update(age=93)),
        ("an employee with no age key", lambda doc: doc["employee"].pop("age")),
        ("a document's author", lambda doc: doc["documents"][0].update(author="Dr. Ruiz")),
        ("a document with no author key", lambda doc: doc["documents"][0].pop("author")),
        ("a phone number", lambda doc: doc.update(clinical_summary="Call (415) 555-0134.")),
        ("a name in a title", lambda doc: doc["documents"][0].update(title="Notes, Dr. Ruiz")),
        ("a separator character", lambda doc: doc["items"][0].update(rationale="a\x00b")),
    ],
)
def test_in_place_de_identification_says_changed_exactly_when_a_copy_would_differ(what, change):
    doc = json.loads(json.dumps(_CLEAN))
    change(doc)
    public = deidentify_document(doc)
    assert public != doc, f"{what}: de-identification changes it"
    assert deidentified_in_place(doc), what
    assert doc == public, what


def test_in_place_de_identification_of_a_clean_letter_says_unchanged():
    doc = json.loads(json.dumps(_CLEAN))
    assert deidentify_document(doc) == doc
    assert not deidentified_in_place(doc)
    assert doc == _CLEAN
