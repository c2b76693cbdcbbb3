"""A title written in capitals, as a form or a heading writes it, marks the name after it
as the same title in mixed case does (LC 4610.6(f); 45 CFR 164.514(b)(2)(i)(A)): "CLAIMS
ADJUSTER MARIA LOPEZ", "Claims Adjuster MARIA LOPEZ", "CLAIMS ADJUSTER Maria Lopez", and
one word in capitals set off by lower case or a punctuation mark ("CLAIMS ADJUSTER LOPEZ
denied"), unless it is a word of a letter's vocabulary ("ATTORNEY FEES are"). Words
in capitals that are no name ("NURSE VISITS", "ATTORNEY FEES", "CASE MANAGER RN") stay, and
so does text all in capitals, where a name's end cannot be told."""

import pytest

from openimr.decisions.domain.credentialed_names import replace_credentialed_names
from openimr.decisions.domain.deidentify import REDACTED
from openimr.decisions.domain.titled_names import replace_titled_names

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
        # One word after the title, a surname as a form writes it.
        ("CLAIMS ADJUSTER LOPEZ denied the request.", f"CLAIMS ADJUSTER {R} denied the request."),
        (
            "Per ATTORNEY CASTELLANOS, the IMR was requested.",
            f"Per ATTORNEY {R}, the IMR was requested.",
        ),
        (
            "NURSE NGUYEN called the office on 3/3/2016.",
            f"NURSE {R} called the office on 3/3/2016.",
        ),
        (
            "The note of THERAPIST O'MALLEY was reviewed.",
            f"The note of THERAPIST {R} was reviewed.",
        ),
        ("Claims Examiner HERNANDEZ modified it.", f"Claims Examiner {R} modified it."),
        ("CASE MANAGER OKAFOR (RN) approved it.", f"CASE MANAGER {R} (RN) approved it."),
        ("ADJUSTER LOPEZ'S letter was reviewed.", f"ADJUSTER {R}'S letter was reviewed."),
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
        # One word after the title that is no one's name (the audit set's kept text holds
        # more: bench/deid_audit_kept.py).
        "Per the ATTORNEY LETTERS and the NURSE NOTES, the CHIROPRACTOR REPORTS were late.",
        "THERAPIST SIGNATURE missing; NURSE STAFFING notes and ADJUSTER COSTS were reviewed.",
        "The ATTORNEY DEPOSITION, ADJUSTER CORRESPONDENCE and NURSE AWARENESS were noted.",
    ],
)
def test_words_in_capitals_after_a_title_that_name_no_one_stay(text):
    assert replace_credentialed_names(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("DR. JOHN SMITH noted spasm.", "The physician noted spasm."),
        ("Per DR. NOWAK, the MRI was normal.", "Per the physician, the MRI was normal."),
        ("DRS. LEE and PATEL agreed.", "The physicians agreed."),
        ("MR. LOPEZ called the office.", f"{R} called the office."),
        # Text all in capitals: a person's act ends the name; without one, where the name
        # ends cannot be told and none is read.
        ("DR. SMITH NOTED SPASM.", "The physician NOTED SPASM."),
        (
            "DR. JONES REVIEWED THE REPORT; NO MRI WAS ORDERED.",
            "The physician REVIEWED THE REPORT; NO MRI WAS ORDERED.",
        ),
        ("DR. JOHN SMITH SAW HER.", "The physician SAW HER."),
        ("MS. CONTIN DENIED.", "MS. CONTIN DENIED."),
        ("THE ATTORNEY FEES REQUESTED WERE PAID.", "THE ATTORNEY FEES REQUESTED WERE PAID."),
        ("MS. Contin 15 mg was given.", "MS. Contin 15 mg was given."),
    ],
)
def test_a_title_in_capitals_with_its_period_marks_the_name_in_capitals_after_it(text, expected):
    assert replace_titled_names(text) == expected
