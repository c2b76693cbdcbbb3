"""A title written in capitals, as a form or a heading writes it, marks the name after it
as the same title in mixed case does (LC 4610.6(f); 45 CFR 164.514(b)(2)(i)(A)): "CLAIMS
ADJUSTER MARIA LOPEZ", "Claims Adjuster MARIA LOPEZ", "CLAIMS ADJUSTER Maria Lopez". Words
in capitals that are no name ("NURSE VISITS", "ATTORNEY FEES", "CASE MANAGER RN") stay, and
so does text all in capitals, where a name's end cannot be told."""

import pytest

from openimr.decisions.domain.credentialed_names import replace_credentialed_names
from openimr.decisions.domain.deidentify import REDACTED

R = REDACTED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Per CLAIMS ADJUSTER MARIA LOPEZ, it was denied.",
            f"Per CLAIMS ADJUSTER {R}, it was denied.",
        ),
        ("CLAIMS ADJUSTER MARIA LOPEZ denied it.", f"CLAIMS ADJUSTER {R} denied it."),
        ("Claims Adjuster MARIA LOPEZ denied it.", f"Claims Adjuster {R} denied it."),
        ("CLAIMS ADJUSTER Maria Lopez denied it.", f"CLAIMS ADJUSTER {R} denied it."),
        ("NURSE CASE MANAGER TREVOR MBEKI called.", f"NURSE CASE MANAGER {R} called."),
        ("NURSE PRACTITIONER KIM J. LEE, FNP", f"NURSE PRACTITIONER {R}, FNP"),
        ("ATTORNEY SEAMUS O'CONNOR objected.", f"ATTORNEY {R} objected."),
        ("CLAIMS ADJUSTER MARIA LOPEZ", f"CLAIMS ADJUSTER {R}"),
        ("Claims Examiner MARÍA JOSÉ GARCÍA denied it.", f"Claims Examiner {R} denied it."),
    ],
)
def test_a_name_after_a_title_in_capitals_is_removed(text, expected):
    assert replace_credentialed_names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The NURSE VISITS were approved; ATTORNEY FEES are not at issue.",
        "The CASE MANAGER UR DECISION was upheld.",
        "THE CLAIMS ADJUSTER DENIED THE REQUEST ON 3/3/2016.",
        "THERAPIST PROGRESS NOTES were reviewed with the CASE MANAGER RN.",
        "The ATTORNEY LETTER of 3/3/2016 was reviewed.",
    ],
)
def test_words_in_capitals_after_a_title_that_name_no_one_stay(text):
    assert replace_credentialed_names(text) == text
