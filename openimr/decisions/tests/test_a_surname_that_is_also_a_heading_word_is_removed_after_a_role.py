"""A surname that is also a word of a letter ("Call", "White", "Day", "Case") after a role
goes when the person's act or a possessive follows it: "ATTORNEY CALL denied the request",
"APPLICANT ATTORNEY WHITE objected", "ATTORNEY WHITE'S letter", and one word of a name
between a role in lower case and what the person did ("per adjuster BROWN called", "the
attorney White objected"): a published decision names no one who handled the claim (LC
4610.6(f); 45 CFR 164.514(b)(2)(i)(A)). The same words heading a record, a bill or a call
stay ("The ATTORNEY CALL was returned", "The ATTORNEY BILL of 3/3/2016", "The ATTORNEY
GENERAL denied the motion"): a call is returned, a person calls."""

import pytest

from openimr.decisions.domain.credentialed_names import replace_credentialed_names
from openimr.decisions.domain.deidentify import REDACTED

R = REDACTED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ATTORNEY CALL denied the request.", f"ATTORNEY {R} denied the request."),
        (
            "APPLICANT ATTORNEY WHITE objected to the UR decision.",
            f"APPLICANT ATTORNEY {R} objected to the UR decision.",
        ),
        ("ATTORNEY WHITE'S letter was reviewed.", f"ATTORNEY {R}'S letter was reviewed."),
        ("CASE MANAGER DAY called the office.", f"CASE MANAGER {R} called the office."),
        (
            "Attorney White objected to the UR decision.",
            f"Attorney {R} objected to the UR decision.",
        ),
        ("Adjuster Black's letter was reviewed.", f"Adjuster {R}'s letter was reviewed."),
        (
            "Per adjuster BROWN called the office on 3/3/2016.",
            f"Per adjuster {R} called the office on 3/3/2016.",
        ),
        ("The adjuster Brown called on 3/3/2016.", f"The adjuster {R} called on 3/3/2016."),
        ("The attorney White objected to it.", f"The attorney {R} objected to it."),
        ("The case manager Day phoned the office.", f"The case manager {R} phoned the office."),
        ("The nurse Nguyen faxed the notes.", f"The nurse {R} faxed the notes."),
    ],
)
def test_a_surname_after_a_role_and_before_a_persons_act_is_removed(text, expected):
    assert replace_credentialed_names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The ATTORNEY CALL was returned on 3/3/2016.",
        "ATTORNEY CALL on 3/3/2016: the IMR was discussed.",
        "The ATTORNEY GENERAL denied the motion.",
        "The ATTORNEY FEE requested was $500.",
        "The ATTORNEY BILL of 3/3/2016 was paid.",
        "NURSE CASE MANAGER notes were reviewed.",
        "The THERAPIST HAND EVALUATION was reviewed.",
        "The attorney QME requested a panel.",
        "The adjuster Monday called.",
        "The physician MRI showed a tear.",
        "The nurse also called the office.",
        "The adjuster then denied the request.",
        "The physician RN requested it; the adjuster UR denied it.",
        "The Attorney Letter requested an IMR.",
        "The attorney Fees requested were paid.",
    ],
)
def test_a_role_heading_a_record_a_bill_or_a_call_stays(text):
    assert replace_credentialed_names(text) == text
