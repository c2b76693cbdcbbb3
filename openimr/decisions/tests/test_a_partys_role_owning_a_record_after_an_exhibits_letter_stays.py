"""A party's role written as a record's owner names no one: "Exhibit A. Applicant's
deposition" kept its words until session 23 (deid23c), when the record-owner rule read "A.
Applicant" (or "Exhibit A. Applicant") as a person's name and removed it. A person's name
owning a record still goes (LC 4610.6(f); 45 CFR 164.514(b)(2)(i)(A))."""

import pytest

from bench.deid_audit import published
from openimr.decisions.domain.deidentify import REDACTED

R = REDACTED


@pytest.mark.parametrize(
    "text",
    [
        "Exhibit A. Applicant's deposition was reviewed.",
        "Exhibit A. Applicant\u2019s deposition was reviewed.",
        "Part B Employee's report and Tab C Claimant's declaration were read.",
        "Exhibit D. Patient's records and Exhibit E. Worker's testimony were read.",
    ],
)
def test_a_partys_role_after_an_exhibits_letter_owning_a_record_stays(text):
    assert published(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jane Smith's deposition was reviewed.", f"{R}'s deposition was reviewed."),
        ("J. Smith's note was reviewed.", f"{R}'s note was reviewed."),
        ("Sam Ortiz's note of 3/3/2016 was reviewed.", f"{R}'s note of 3/3/2016 was reviewed."),
    ],
)
def test_a_persons_name_owning_a_record_is_still_removed(text, expected):
    assert published(text) == expected
