"""A word joined to another by a slash ("MTUS/ACOEM", "Hot/cold", "EMG/NCV") is found by
either half and by the pair as written, on both databases: PostgreSQL's parser had indexed
each such run as one lexeme, so "ACOEM" missed the letters that wrote "MTUS/ACOEM" (found in
a QA pass on PostgreSQL; migration 0009)."""

import pytest

from openimr.decisions.search import search
from openimr.decisions.search_terms import parse
from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus() -> None:
    make_decision(
        case_number="CM16-0000101",
        items=[item("Hot/cold therapy unit", rationale="The MTUS/ACOEM guidelines apply.")],
    )
    make_decision(case_number="CM16-0000102", items=[item("EMG/NCV of the upper limbs")])
    make_decision(case_number="CM16-0000103", items=[item("Cold pack")])


def found(text: str) -> list[str]:
    return sorted(hit.case_number for hit in search(parse({"q": text})).hits)


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("ACOEM", ["CM16-0000101"]),
        ("MTUS/ACOEM", ["CM16-0000101"]),
        ("hot", ["CM16-0000101"]),
        ("cold", ["CM16-0000101", "CM16-0000103"]),
        ("NCV", ["CM16-0000102"]),
        ("EMG/NCV", ["CM16-0000102"]),
    ],
)
def test_either_half_and_the_pair_find_the_letter(corpus, text, numbers):
    assert found(text) == numbers


@pytest.mark.parametrize(
    ("text", "marked"),
    [("ACOEM", "MTUS/<mark>ACOEM</mark>"), ("cold", "Hot/<mark>cold</mark>")],
)
def test_the_snippet_marks_the_half_that_was_searched(corpus, text, marked):
    # PostgreSQL's headline had marked nothing in "MTUS/ACOEM" (found in a QA pass).
    hits = {hit.case_number: hit for hit in search(parse({"q": text})).hits}
    hit = hits["CM16-0000101"]
    assert marked in hit.snippet_html
    assert "\u200b" not in hit.snippet_html
