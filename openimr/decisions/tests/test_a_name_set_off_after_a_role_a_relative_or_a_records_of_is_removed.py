"""The leaks session 21 left (`LEFT` of bench/deid_audit_set.py): one word of a name set off
after a role in lower case ("per adjuster BROWN, the claim ..."), one given name after a
relative before what the relative does ("Daughter: Maria drives her", "her husband Jose
helps"), a name after a record's word and "of" ("the note of Jane Smith dated ...", "under
the care of Tom Reyes"). A published decision names no one who handled the claim or treated
the worker (LC 4610.6(f)), nor the worker's relatives (45 CFR 164.514(b)(2)(i)(A)). What
has the same shape stays: a record or a test after a role ("per adjuster NOTES,", "the
physician MRI, EMG"), a family history ("Mother: Lupus", "Mother: Emphysema treated"), a
title after "of" ("the Report of Industrial Injury", "the records of Kaiser Permanente")."""

import pytest

from bench.deid_audit import published
from openimr.decisions.domain.credentialed_names import replace_credentialed_names
from openimr.decisions.domain.deidentify import REDACTED
from openimr.decisions.domain.names_after_verbs import replace_names_after_by

R = REDACTED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Per adjuster BROWN, the claim was accepted.",
            f"Per adjuster {R}, the claim was accepted.",
        ),
        (
            "per adjuster Brown, the claim was accepted.",
            f"per adjuster {R}, the claim was accepted.",
        ),
        (
            "The adjuster BROWN; the claim was accepted.",
            f"The adjuster {R}; the claim was accepted.",
        ),
        ("The claim was accepted per examiner LOPEZ.", f"The claim was accepted per examiner {R}."),
        ("Per the surgeon Okafor, surgery is needed.", f"Per the surgeon {R}, surgery is needed."),
    ],
)
def test_one_word_set_off_after_a_role_in_lower_case_is_removed(text, expected):
    assert replace_credentialed_names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Per adjuster NOTES, the claim was accepted.",
        "Per physician RFA, 12 visits were requested.",
        "The physician MRI, EMG and NCV were reviewed.",
        "The physician Norco, Soma and Lyrica were continued.",
        "Per the surgeon TKA, the knee was replaced.",
        "Per the nurse Practitioner, the wound healed.",
        "Per attorney LETTER, the IMR was requested.",
        "The adjuster TTD, benefits were paid.",
        "The adjuster Monday, Tuesday and Friday called.",
    ],
)
def test_a_record_a_test_or_a_list_after_a_role_stays(text):
    assert replace_credentialed_names(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Daughter: Maria drives her to therapy.", f"Daughter: {R} drives her to therapy."),
        ("Her husband Jose helps at home.", f"Her husband {R} helps at home."),
        ("Husband: Carlos accompanied her.", f"Husband: {R} accompanied her."),
        (
            "Mother: Lupus. Father: Emphysema. Son: Daniel translated.",
            f"Mother: Lupus. Father: Emphysema. Son: {R} translated.",
        ),
    ],
)
def test_one_given_name_before_what_a_relative_does_is_removed(text, expected):
    assert published(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Mother: Emphysema treated with oxygen.",
        "Mother: Lupus. Father: Gout. Sister: Glaucoma.",
        "Her mother Alzheimer dementia was noted.",
        "Mother: Alzheimer's disease. Father: Parkinson disease.",
        "Daughter: Healthy. Son: Asthma. Father: Deceased at 70.",
    ],
)
def test_a_family_history_stays(text):
    assert published(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The note of Jane Smith dated 3/3/2016 was reviewed.",
            f"The note of {R} dated 3/3/2016 was reviewed.",
        ),
        ("The report of John Q. Public was reviewed.", f"The report of {R} was reviewed."),
        ("She remains under the care of Tom Reyes.", f"She remains under the care of {R}."),
        ("The notes of Ana Ruiz and Tom Reyes agree.", f"The notes of {R} and {R} agree."),
        ("The deposition of\nJane Smith was read.", f"The deposition of\n{R} was read."),
    ],
)
def test_a_name_after_a_records_word_and_of_is_removed(text, expected):
    assert replace_names_after_by(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Report of Industrial Injury and the Letter of Medical Necessity were reviewed.",
        "The note of Kaiser Permanente and the records of Sutter Health were reviewed.",
        "The Report of Permanent and Stationary Status; the report of Work Status.",
        "The records of San Joaquin Valley Rehabilitation Hospital were reviewed.",
        "The report of Pain Management Associates dated 3/3/2016.",
        "The opinion of Agreed Medical Evaluator was considered.",
        "A review of Systems was negative. The letter of Appeal was reviewed.",
    ],
)
def test_a_title_or_an_organization_after_of_stays(text):
    assert replace_names_after_by(text) == text
