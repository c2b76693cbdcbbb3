"""A word with inner punctuation ("L4-5", "12.5", "C5-6") is searched as a phrase on both
databases: the letters holding it, not every letter holding its pieces anywhere.
PostgreSQL had read "L4-5" as 'l4' & '5' while its parser had indexed the letter's "L4-5"
as 'l4' and '-5': the letters naming that level were missed, others found."""

import pytest

from openimr.decisions.search import search
from openimr.decisions.search_terms import parse
from openimr.decisions.tests.public_factories import make_decision

pytestmark = pytest.mark.django_db


def some_letters() -> None:
    make_decision(case_number="CM16-0000001", summary="Fusion at L4-5 was requested.")
    make_decision(case_number="CM16-0000002", summary="L4 radiculopathy, pain rated 5 of 10.")
    make_decision(case_number="CM16-0000003", summary="Zolpidem 12.5 mg at night.")
    make_decision(case_number="CM16-0000004", summary="12 visits, then 5 more visits.")
    make_decision(case_number="CM16-0000005", summary="Discectomy at C5-6 and L4-5.")


def found(text: str) -> set[str]:
    return {hit.case_number for hit in search(parse({"q": text})).hits}


def test_a_spinal_level_finds_the_letters_naming_it() -> None:
    some_letters()
    assert found("L4-5") == {"CM16-0000001", "CM16-0000005"}
    assert found("(C5-6),") == {"CM16-0000005"}


def test_a_decimal_dose_finds_the_letters_naming_it() -> None:
    some_letters()
    assert found("12.5 mg") == {"CM16-0000003"}


def test_such_a_word_goes_with_other_words() -> None:
    some_letters()
    assert found("discectomy L4-5") == {"CM16-0000005"}
    assert found("fusion C5-6") == set()
