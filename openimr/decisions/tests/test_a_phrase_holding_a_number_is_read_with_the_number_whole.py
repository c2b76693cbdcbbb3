"""`domain.number_phrases` without a database: a phrase holding a number and a word is read
in a letter's text with the number whole in its place, its words as FTS5 stems them."""

import pytest

from openimr.decisions.domain.number_phrases import in_doubt, numbers, pattern, writes
from openimr.decisions.domain.number_runs import runs

TABLE = [
    ("Tramadol 37.5 mg", "Tramadol 37.5 mg twice daily.", True),
    ("Tramadol 37.5 mg", "Tramadol37.5mg at night.", True),
    ("Tramadol 37.5 mg", "Tramadol 37-5 mg; Ultracet 37.5 mg.", False),
    ("Tramadol 37.5 mg", "Tramadol 137.5 mg.", False),
    ("Tramadol 37.5 mg", "Tramadol 37.55 mg.", False),
    ("5% patch", "Lidocaine 0.5% patch; 5 refills.", False),
    ("5% patch", "Lidocaine 5.5% patch.", False),
    ("5% patch", "LIDOCAINE 5% PATCHES.", True),
    ("lidocaine 5", "Lidocaína 5% parche.", True),
    ("lidocaine 5", "Lidocaine 5.5 mg.", False),
    ("x-ray 2 views", "An xray, 2 views.", True),
]


@pytest.mark.parametrize(("typed", "text", "written"), TABLE)
def test_the_phrase_is_read_with_its_number_whole(typed, text, written):
    expression = pattern(typed)
    assert expression is not None
    assert writes(expression, None, text) is written


@pytest.mark.parametrize("typed", ["10/325", "12.5", "lumbar spine", ""])
def test_numbers_alone_or_words_alone_ask_no_pattern(typed):
    assert pattern(typed) is None


DOUBTS = [
    # The letter's numbers hold the phrase's number only whole: FTS5's match is exact.
    ("Tramadol 37.5 mg", "Tramadol 37.5 mg; ICD M54.16.", False),
    ("Tramadol 37.5", "Tramadol37.5mg nightly.", False),
    ("5% patch", "Lidocaine 5% patch; 10.2 mg.", False),
    # Its runs of digits also stand elsewhere in another shape: the text is read.
    ("Tramadol 37.5 mg", "Tramadol 37-5 mg; Ultracet 37.5 mg.", True),
    ("5% patch", "Lidocaine 0.5% patch; 5 refills.", True),
    ("x 7.5", "Ratios 3.7 5.2; then 7.5.", True),
]


@pytest.mark.parametrize(("typed", "text", "doubt"), DOUBTS)
def test_the_letters_numbers_tell_when_its_text_must_be_read(typed, text, doubt):
    assert in_doubt(runs(text), numbers(typed)) is doubt
