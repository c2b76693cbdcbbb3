"""A claim number read out or copied from a form in groups parted by spaces ("claim no. 12
345 678", "Claim # ADJ 123 4567") is an account number like any other (45 CFR
164.514(b)(2)(i)(J)): the whole value goes, not its first group, and a count or a dose
written after a claim's label stays."""

import pytest

from openimr.decisions.domain.deidentify import REDACTED
from openimr.decisions.domain.identifiers import replace_identifiers

R = REDACTED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The claim no. 12 345 678 was accepted.", f"The claim no. {R} was accepted."),
        ("Claim # ADJ 123 4567 is pending.", f"Claim # {R} is pending."),
        ("The claim number is 05 WC 123456.", f"The claim number is {R}."),
        ("WCAB No. ADJ 123 4567", f"WCAB No. {R}"),
        ("The claim # is 05-WC 123 456.", f"The claim # is {R}."),
        ("her claim no. is 9001 2345 6789.", f"her claim no. is {R}."),
        ("claim numbers 12 345 678 and 98 765 432 apply", f"claim numbers {R} apply"),
        ("Claim number 123 456 789 on 3/3/2016", f"Claim number {R} on 3/3/2016"),
    ],
)
def test_a_claim_number_in_groups_is_removed_whole(text, expected):
    assert replace_identifiers(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The claim 12 months later was reopened.",
        "Claim #2 MRI was approved.",
        "Claim 2 of 3 was denied.",
        "The adjuster of April 2016 records wrote.",
        "The claim is 3 years old; the claim was accepted on 2/2/2014.",
        "Claim number not provided in the records.",
        "Claim 12 345.5 mg",
    ],
)
def test_a_count_or_a_date_after_a_claims_label_stays(text):
    assert replace_identifiers(text) == text
