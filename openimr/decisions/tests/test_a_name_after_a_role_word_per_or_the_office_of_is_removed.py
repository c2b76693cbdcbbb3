"""Names a letter marks by a role in other ways than the earlier rules read (LC 4610.6(f);
45 CFR 164.514(b)(2)(i)(A)): a capitalized role word that starts a sentence ("Applicant Jose
Tran reported"), "the office of", "Per Jane Smith,". What the same words write in a letter
stays: a title ("Physician Fee Schedule", "Employee Assistance Program"), a law or a
guideline after "Per" ("Per Labor Code", "Per MTUS", "Per UR"), a State body ("the Office of
Administrative Hearings")."""

import pytest

from openimr.decisions.domain.deidentify import REDACTED
from openimr.decisions.domain.names_after_verbs import replace_names_after_by
from openimr.decisions.domain.unlabelled_names import replace_names_after_sentence_roles

R = REDACTED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Applicant Jose Tran reported 8/10 pain.", f"Applicant {R} reported 8/10 pain."),
        ("Pain 8/10. Patient Jane Smith returned.", f"Pain 8/10. Patient {R} returned."),
        ("Claimant Łukasz Nowak, 45, was seen.", f"Claimant {R}, 45, was seen."),
        ("Adjuster Maria Lopez denied it.", f"Adjuster {R} denied it."),
        ("Applicant Attorney Jose Tran called.", f"Applicant Attorney {R} called."),
    ],
)
def test_a_name_after_a_role_word_starting_a_sentence_is_removed(text, expected):
    assert replace_names_after_sentence_roles(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Physician Fee Schedule rates apply.",
        "Patient Health Questionnaire scores were 14.",
        "Patient Reported Outcome Measures were not documented.",
        "Applicant Attorney Letter of 3/3/2016 was reviewed.",
        "Employer Paid Leave was exhausted.",
        "The Applicant Jose Tran case.",
        "Patient Guadalupe Hernandez reported pain.",
    ],
)
def test_a_title_after_a_role_word_stays(text):
    assert replace_names_after_sentence_roles(text, {"guadalupe", "hernandez"}) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A letter from the office of John Smith.", f"A letter from the office of {R}."),
        ("From the Law Offices of Jose Tran, LLP.", f"From the Law Offices of {R}, LLP."),
        ("Per Jane Smith, the MRI was normal.", f"Per {R}, the MRI was normal."),
        ("As per Jane Smith's note, she improved.", f"As per {R}'s note, she improved."),
        ("per JANE SMITH, she improved.", f"per {R}, she improved."),
    ],
)
def test_a_name_after_the_office_of_or_per_is_removed(text, expected):
    assert replace_names_after_by(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Per Labor Code, the request is reviewed.",
        "Per Labor Code section 4610.5, it is upheld.",
        "Per MTUS, it is not recommended.",
        "Per the ACOEM guidelines, it is not supported.",
        "Per UR, the request was denied.",
        "Per Utilization Review, it was modified.",
        "Per Official Disability Guidelines, it is indicated.",
        "Per California Code of Regulations, it applies.",
        "The Office of Administrative Hearings heard it.",
        "The Office of Benefit Determination wrote.",
    ],
)
def test_a_law_or_a_guideline_after_per_or_an_office_stays(text):
    assert replace_names_after_by(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Patient Satisfaction Survey was given.",
        "Employer Sponsored Plan pays the premium.",
        "Provider Network Lookup was done.",
    ],
)
def test_a_program_after_a_role_word_starting_a_sentence_stays(text):
    assert replace_names_after_sentence_roles(text) == text
