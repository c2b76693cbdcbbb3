"""Identifiers session 22 left: a number after a form's "I.D." ("Patient I.D. 12345") or
a health plan's "Subscriber ID" (read before as a city, Idaho's code and a ZIP: the label
went, the number with it), and e-mail and web addresses written with words ("jane dot smith
at gmail dot com", "jane.smith [at] example.com", "www dot janesmith dot com"). Each is an
identifier of HIPAA's Safe Harbor (45 CFR 164.514(b)(2)(i)(F), (I), (N)); the label stays,
and so do a guideline's address as a letter cites it and the words that look alike."""

import pytest

from bench.deid_audit import published
from openimr.decisions.domain.deidentify import REDACTED

R = REDACTED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Patient I.D. 12345 was on file.", f"Patient I.D. {R} was on file."),
        ("Patient I.D.: 12345", f"Patient I.D.: {R}"),
        ("Member I.D. 12345", f"Member I.D. {R}"),
        ("Employee I.D. 99887", f"Employee I.D. {R}"),
        ("Patient identification number 12345", f"Patient identification number {R}"),
        ("Subscriber ID 12345", f"Subscriber ID {R}"),
        ("Patient ID: 12345; Member ID 67890", f"Patient ID: {R}; Member ID {R}"),
    ],
)
def test_a_number_after_an_id_label_however_written_is_removed_and_the_label_kept(text, expected):
    assert published(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Email jane dot smith at gmail dot com.", f"Email {R}."),
        ("Email jane.smith [at] example.com today.", f"Email {R} today."),
        ("Write to jane (at) example (dot) com.", f"Write to {R}."),
        ("Her e-mail is jsmith AT gmail DOT com.", f"Her e-mail is {R}."),
        ("Her page is at www dot janesmith dot com/jane for all.", f"Her page is at {R} for all."),
        ("See smithlaw (dot) com.", f"See {R}."),
    ],
)
def test_an_email_or_web_address_written_with_words_is_removed(text, expected):
    assert published(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "See www.mdguidelines.com and http://www.drugs.com/famotidine.html for the guidance.",
        "A DOT physical at the clinic was done; she reads at night.",
        "The patient identified 3 triggers; subscriber benefits apply to the member.",
        "She reads it at home; the dot matrix printer failed at 3 PM.",
    ],
)
def test_a_guidelines_address_and_words_that_look_alike_stay(text):
    assert published(text) == text
