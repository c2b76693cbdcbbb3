"""A name after a title in text all in capitals ends where a possessive's apostrophe stands
("DR. JONES' REPORT WAS REVIEWED"): in such text where a name ends cannot be told by its
case, but no name word ends with an apostrophe before a space (LC 4610.6(f); 45 CFR
164.514(b)(2)(i)(A)). A bare possessive after a name reads "the physician's", as the role
words need it. Left in session 24 (`LEFT` of bench/deid_audit_set.py)."""

import pytest

from bench.deid_audit import published
from openimr.decisions.domain.name_reading import capitals_name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "DR. JONES' REPORT WAS REVIEWED; NO MRI WAS ORDERED.",
            "The physician's REPORT WAS REVIEWED; NO MRI WAS ORDERED.",
        ),
        ("DR. JONES'S REPORT WAS REVIEWED.", "The physician's REPORT WAS REVIEWED."),
        ("DR. JOHN JONES\u2019 NOTE, NO MRI.", "The physician's NOTE, NO MRI."),
        ("PER DR. O'NEIL'S NOTE, NO MRI.", "PER the physician's NOTE, NO MRI."),
        ("Dr. Jones' report was reviewed.", "The physician's report was reviewed."),
    ],
)
def test_a_name_ending_at_a_possessive_after_a_title_in_capitals_is_removed(text, expected):
    assert published(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "THE ATTORNEY FEES' TOTAL WAS PAID.",
        "THE DOCTORS' NOTES WERE REVIEWED.",
        "THE PATIENT'S MRI' REPORT WAS REVIEWED.",
    ],
)
def test_a_plural_or_a_heading_before_an_apostrophe_stays(text):
    assert published(text) == text


def test_the_possessive_reader_takes_no_heading_word_for_a_name():
    assert capitals_name("DR. REPORT' X", 3) is None
    assert capitals_name("DR. JONES' REPORT", 3) == (4, 9)
