"""The parser's shortcuts try a pattern only where a match can start (found by plain finds)
instead of at every position; they must find exactly what a search with the pattern finds,
on any text — here, many seeded random texts made of the pieces the patterns look for."""

import random

import pytest

from openimr.letters.parsing.header import PRIORITY, _first_priority, priority
from openimr.letters.parsing.pages import _CASE, _case_near_top
from openimr.letters.parsing.summary import _UR, _first_ur, prose_ur_date

ROUNDS = 20000


def _texts(pieces: list[str], seed: int, longest: int = 20) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(ROUNDS):
        glue = " " if rng.random() < 0.7 else ""
        out.append(glue.join(rng.choice(pieces) for _ in range(rng.randint(0, longest))))
    return out


def _span(found):  # type: ignore[no-untyped-def]
    return (found.span(), found.groups()) if found else None


@pytest.mark.parametrize("seed", [1, 2])
def test_the_ur_date_shortcut_finds_the_first_match_of_the_pattern(seed):
    pieces = [
        *("On", "on", "ON", "utilization", "Utilization", "review", "REVIEW", "reviewer"),
        *("denied", "Denied", "non-certified", "noncertified", "nonon-certified", "modified"),
        *("12/03/2014", "May 3, 2015", "Sept. 5, 2014", "2014-03-02", "2-7-20", "nov", "Nov"),
        *(",", "(", "dated", "of", "the", ".", "tion", "mon", "\n", "\t", "é", "utilizationon"),
    ]
    for text in _texts(pieces, seed):
        assert _span(_first_ur(text)) == _span(_UR.search(text)), text


def test_the_ur_date_is_read_from_the_summary_prose():
    summary = "The utilization review (2-7-20) denied a request. On 03/01/2020, the utilization"
    assert prose_ur_date(summary).isoformat() == "2020-02-07"  # type: ignore[union-attr]


@pytest.mark.parametrize("seed", [1, 2])
def test_the_priority_shortcut_finds_the_first_match_of_the_pattern(seed):
    pieces = [
        *("Priority", "PRIORITY", "priority", "Priorityx", ":", " :", "Review Type:"),
        *("Standard", "standard", "Expedited", "URGENT", "Formulary", "Regular"),
        *("Review", "review", "Type", "TYPE", "of", "Type of Review", "reviewtype", "xReview"),
        *("Independent Medical Review", "Case Number:", "\n"),
    ]
    for text in _texts(pieces, seed):
        assert _span(_first_priority(text)) == _span(PRIORITY.search(text)), text


def test_the_priority_is_read_in_any_case_and_outside_ascii_too():
    assert priority("Date Assigned: 1/2/2016 PRIORITY: expedited") == "expedited"
    assert priority("Employé: x Review Type: Regular") == "standard"


@pytest.mark.parametrize("seed", [1, 2])
def test_the_case_number_shortcut_finds_the_first_case_number_near_the_top(seed):
    pieces = [
        *("CM16-0123456", "cm16-0123456", "AB12-12345", "XCM16-0123456", "CM16-012345678"),
        *("CM16-0123456789", "ZZ99-99999", "CM16-", "CM1-0123456", "12-12345", "-", "--"),
        *("a", " ", "\n", "é", "x" * 300),
    ]
    for text in _texts(pieces, seed, longest=15):
        assert _span(_case_near_top(text)) == _span(_CASE.search(text, 0, 1500)), text
