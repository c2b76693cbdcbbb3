"""What session 23's first de-identification round left (docs/corpus.md, "Limits"): an e-mail
written with a plain "at" ("jane.smith at example.com"), a policyholder's number after
"Insured ID", initials before a surname owning a record ("J. Smith's note") are identifiers
(45 CFR 164.514(b)(2)(i)(A), (F), (I); LC 4610.6(f)). And two over-removals: a party's role
in capitals after a role ("The attorney APPLICANT'S ATTORNEY") lost "APPLICANT", and a
note's "RE:" inside a sentence ("the adjuster RE: ACME") was read as a subject line."""

import pytest

from bench.deid_audit import published
from openimr.decisions.domain.deidentify import REDACTED

R = REDACTED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Email jane.smith at example.com for records.", f"Email {R} for records."),
        ("(j.r.smith at kaiser.org)", f"({R})"),
        ("Write jane.o'neil at mail.example.net or tom.reyes at x.com.", f"Write {R} or {R}."),
    ],
)
def test_an_email_with_a_plain_at_and_dots_on_both_sides_is_removed(text, expected):
    assert published(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "She stays at home on weekends.",
        "The MME was 3.5 at drugs.com, e.g. at kaiser.org; see www.mdguidelines.com at once.",
    ],
)
def test_one_word_or_a_number_before_a_plain_at_stays(text):
    assert published(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Insured ID: 12345", f"Insured ID: {R}"),
        ("Insured ID 12345 was on file.", f"Insured ID {R} was on file."),
        ("Insured I.D. 67890.", f"Insured I.D. {R}."),
        ("The insured 2016 claim was reopened.", "The insured 2016 claim was reopened."),
    ],
)
def test_a_number_after_insured_id_is_removed_and_its_label_stays(text, expected):
    assert published(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("J. Smith's note was reviewed.", f"{R}'s note was reviewed."),
        ("Per J. R. Smith's report, pain improved.", f"Per {R}'s report, pain improved."),
        ("Part B's note and Exhibit C's report were read.", None),
    ],
)
def test_initials_before_a_surname_owning_a_record_are_removed(text, expected):
    assert published(text) == (expected or text)


@pytest.mark.parametrize(
    "text",
    [
        "The attorney APPLICANT'S ATTORNEY objected.",
        "The attorney APPLICANT\u2019S ATTORNEY objected.",
        "The adjuster RE: ACME denied it.",
        "the adjuster EMPLOYEE'S STATEMENT was read.",
    ],
)
def test_a_role_in_capitals_or_a_re_inside_a_sentence_after_a_role_stays(text):
    assert published(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The adjuster JANE SMITH called.", f"The adjuster {R} called."),
        ("RE: Maria Garcia", f"RE: {R}"),
        ("Letter of 3/3/2016, RE: Maria Garcia.", f"Letter of 3/3/2016, RE: {R}."),
    ],
)
def test_a_name_after_a_role_or_a_subject_lines_re_still_goes(text, expected):
    assert published(text) == expected
