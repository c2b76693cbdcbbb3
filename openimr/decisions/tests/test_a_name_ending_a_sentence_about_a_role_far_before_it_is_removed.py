"""A name a sentence about a role ends with, the role described far before the verb ("The
adjuster assigned in March after the transfer of the file is Maria Lopez."), is an
identifier (LC 4610.6(f); 45 CFR 164.514(b)(2)(i)(A)); a sentence that does not open on
the role, or whose end is no name, stays. Left in session 24 (`LEFT` of
bench/deid_audit_set.py)."""

import pytest

from bench.deid_audit import published
from openimr.decisions.domain.deidentify import REDACTED

R = REDACTED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The adjuster assigned in March after the transfer of the file is Maria Lopez.",
            f"The adjuster assigned in March after the transfer of the file is {R}.",
        ),
        ("The attorney for the applicant is Jose Tran.", f"The attorney for the applicant is {R}."),
        (
            "Her claims adjuster handling the file was Lopez.",
            f"Her claims adjuster handling the file was {R}.",
        ),
        (
            "The attorney for the applicant is Marcus O'Donnell.",
            "The attorney for the applicant is the attorney.",
        ),
    ],
)
def test_a_name_ending_a_sentence_that_opens_on_a_described_role_is_removed(text, expected):
    assert published(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The physician noted that the diagnosis is Carpal Tunnel Syndrome.",
        "The physician in charge of the MPN is Kaiser Permanente.",
        "The adjuster assigned to the claim is Board Certified.",
        "The physician for the knee is Orthopedics.",
    ],
)
def test_a_sentence_whose_end_is_no_name_or_that_opens_on_no_described_role_stays(text):
    assert published(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The examiner assigned in March is Maria Lopez's supervisor.",
            f"The examiner assigned in March is {R}'s supervisor.",
        ),
        (
            "The adjuster handling the file is Tom Reyes' assistant.",
            f"The adjuster handling the file is {R}' assistant.",
        ),
    ],
)
def test_a_name_owning_what_the_role_far_before_it_is_is_removed(text, expected):
    # Left in session 25: the name did not end the sentence.
    assert published(text) == expected


def test_a_possessive_of_no_name_after_such_a_role_stays():
    text = "The examiner assigned in March is the adjuster's supervisor."
    assert published(text) == text
