"""A name after a role's abbreviation and a colon ("PT: Jane Smith", "QME: Hana Sato") and
after a relative or a companion written with a capital ("Her Husband, John Smith", "His Wife
Jane Smith", "Husband: John Smith", "Interpreter: Lucia Ferreira") goes (LC 4610.6(f); 45 CFR
164.514(b)(2)(i)(A)). What the same words head in a letter stays: a treatment after an
abbreviation ("PT: Aquatic Therapy", "PT: Left Knee"), a family history ("Mother: Diabetes",
"Father: Coronary Artery Disease"; a blood relative's name after a colon is told from it in
test_a_blood_relatives_name_after_a_colon_is_removed_not_a_family_history.py)."""

import pytest

from openimr.decisions.domain.credentialed_names import replace_credentialed_names
from openimr.decisions.domain.deidentify import REDACTED
from openimr.decisions.domain.people_around import replace_people_around_names

R = REDACTED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("PT: Jane Smith, 12 visits.", f"PT: {R}, 12 visits."),
        ("QME: Hana Sato found her permanent.", f"QME: {R} found her permanent."),
        ("NP: JANE SMITH\nNorco refilled.", f"NP: {R}\nNorco refilled."),
    ],
)
def test_a_name_after_a_role_abbreviation_and_a_colon_is_removed(text, expected):
    assert replace_credentialed_names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "PT: Aquatic Therapy twice weekly.",
        "PT: Home Exercise Program.",
        "PT: Twelve Sessions Approved.",
        "PT: Left Knee, 12 visits.",
        "OT: Hand Therapy.",
        "PT: 12 visits, OT: 6 visits.",
        "RN: Wound Care Visits.",
    ],
)
def test_a_treatment_after_a_role_abbreviation_and_a_colon_stays(text):
    assert replace_credentialed_names(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Her Husband, John Smith, drives her.", f"Her Husband, {R}, drives her."),
        ("His Wife Jane Smith attended.", f"His Wife {R} attended."),
        ("Husband: John Smith", f"Husband: {R}"),
        ("Emergency contact. Spouse: Jane Smith, wife.", f"Emergency contact. Spouse: {R}, wife."),
        ("Interpreter: Lucia Ferreira", f"Interpreter: {R}"),
    ],
)
def test_a_name_after_a_capitalized_relative_is_removed(text, expected):
    assert replace_people_around_names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Mother: Diabetes. Father: Coronary Artery Disease.",
        "Family history: Mother Breast Cancer, Father Hypertension.",
        "Sister: Rheumatoid Arthritis",
        "Her Husband, Retired, helps at home.",
    ],
)
def test_a_family_history_after_a_capitalized_relative_stays(text):
    assert replace_people_around_names(text) == text
