"""A quoted phrase holding a number finds the letters writing its words and that number in
that order, on both databases. SQLite's tokenizer cuts "37.5" into "37" and "5": its index
found `"Tramadol 37.5 mg"` in "Tramadol 37-5 mg" too, and then each letter's numbers
(migration 0019) were asked for "37.5" anywhere, so a letter writing the decimal elsewhere
("Ultracet 37.5 mg") came back; `"5% patch"` likewise found "0.5% patch" in a letter
writing a 5 elsewhere. PostgreSQL's parser reads a decimal whole and its phrase holds the
number in its place. Run on each database (DATABASE_URL for PostgreSQL)."""

import pytest

from openimr.decisions.search import search
from openimr.decisions.search_terms import parse
from openimr.decisions.tests.public_factories import make_decision

pytestmark = pytest.mark.django_db

LETTERS = {
    1: "Tramadol 37.5 mg twice daily.",
    2: "Tramadol 37-5 mg listed in error; Ultracet 37.5 mg daily.",
    3: "Lidocaine 0.5% patch applied; 5 refills.",
    4: "Lidocaine 5% patch; Zolpidem 12.5 mg at night.",
    5: "Lidocaine 5.5% cream; 5 refills of lidocaine.",
    6: "Lidocaine 5% patches daily; ratio 0.5 noted.",
    7: "Tramadol 37.5mg at night.",
    8: "Lidocaine 5 refills; ratio 2.5 noted.",
}

TABLE = [
    ('"Tramadol 37.5 mg"', {1, 7}),
    ('"Tramadol 37.5"', {1, 7}),
    ('"5% patch"', {4, 6}),
    ('"lidocaine 5% patch"', {4, 6}),
    ('"lidocaine 5"', {4, 6, 8}),
    # Outside quotes the words are anywhere, the decimal written whole somewhere.
    ("Tramadol 37.5 mg", {1, 2, 7}),
]


@pytest.fixture
def corpus() -> None:
    for n, summary in LETTERS.items():
        make_decision(case_number=f"CM16-{n:07d}", summary=summary)


@pytest.mark.parametrize(("typed", "letters"), TABLE, ids=[typed for typed, _ in TABLE])
def test_a_phrase_finds_its_words_and_number_in_their_place(corpus, typed, letters):
    hits = search(parse({"q": typed, "per_page": "100"})).hits
    assert {int(hit.case_number[-7:]) for hit in hits} == letters
