"""Names session 22 left, and three of its `LEFT`: one word after "Per" ("Per Smith, the
patient ..."), a name or a company in capitals right after a claims role ("the adjuster
ACME CLAIMS SERVICES denied", "the adjuster JANE SMITH called"), a sign-off's one word
before "and the team", a record's owner ("Sam Ortiz's note"), a nickname in quotes inside a
known name, a role and its name parted by a phrase set off by commas. A published decision
names no one who treated the worker or handled the claim (LC 4610.6(f)), nor the worker's
employer (45 CFR 164.514(b)(2)(i)(A), (b)(2)(ii)). And "Summary, Jane (adjuster)" keeps
"Summary", which was taken for a surname written first. What has the same shape stays."""

import pytest

from bench.deid_audit import published
from openimr.decisions.domain.deidentify import REDACTED

R = REDACTED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Per Smith, the patient has improved.", f"Per {R}, the patient has improved."),
        ("per Smith's note, the MRI was normal.", f"per {R}'s note, the MRI was normal."),
        ("Per O'Neil, the claim was accepted.", f"Per {R}, the claim was accepted."),
        ("Per Smith. The MRI was normal.", f"Per {R}. The MRI was normal."),
        ("Per Okonkwo, the patient improved.", "Per the treating physician, the patient improved."),
    ],
)
def test_one_name_word_set_off_after_per_is_removed(text, expected):
    assert published(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Per UpToDate, Per Medicare, Per Kaiser, Per Guidelines, Per Ortho, the knee is stable.",
        "Per Official Disability Guidelines, per MTUS, per ODG's guidance, per Labor Code 4610.",
        "Per Patient, the pain is 7/10. Per California, the MTUS applies.",
        "Per Husband, she falls. Per Telephone, Per Agreement, Per Diem, Per Authorization, x.",
    ],
)
def test_a_source_or_a_role_after_per_stays(text):
    assert published(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Summary, Jane (adjuster) denied it.", f"Summary, {R} (adjuster) denied it."),
        ("In summary, Jane (adjuster) denied it.", f"In summary, {R} (adjuster) denied it."),
        ("Smith, Jane (adjuster) denied it.", f"{R} (adjuster) denied it."),
    ],
)
def test_a_sentences_opening_word_before_a_name_and_a_role_in_parentheses_stays(text, expected):
    assert published(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The adjuster ACME CLAIMS SERVICES denied it.", f"The adjuster {R} denied it."),
        ("Adjuster ACME CLAIMS SERVICES, INC. denied it.", f"Adjuster {R} denied it."),
        ("The employer, ACME TRUCKING, INC., denied it.", f"The employer, {R}, denied it."),
        (
            "The claims administrator ACME CLAIMS denied it.",
            f"The claims administrator {R} denied it.",
        ),
        ("The carrier ZENITH INSURANCE denied it.", f"The carrier {R} denied it."),
        ("The adjuster JANE SMITH called.", f"The adjuster {R} called."),
        ("the case manager JANE SMITH called", f"the case manager {R} called"),
        ("The employer K-MART denied it.", f"The employer {R} denied it."),
    ],
)
def test_a_company_or_a_name_in_capitals_after_a_claims_role_is_removed(text, expected):
    assert published(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The adjuster UR DENIAL was upheld; the attorney QME REPORT and the employer HR DEPARTMENT.",
        "The adjuster A. SMITH memo and ATTORNEY FEES ARE OWED were noted.",
        "The physician MRI, EMG and NCV were reviewed.",
        "The insurer TBD; the employer MODIFIED DUTY offer; the adjuster TTD BENEFITS were paid.",
    ],
)
def test_an_acronym_or_a_heading_after_a_role_stays(text):
    assert published(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thank you.\nRegards, Jane and the team", f"Thank you.\nRegards, {R} and the team"),
        ("Sincerely, Smith & the Claims Unit.", f"Sincerely, {R} & the Claims Unit."),
    ],
)
def test_a_sign_off_of_one_name_and_the_team_is_removed(text, expected):
    assert published(text) == expected


def test_a_sign_off_by_a_department_and_the_team_stays():
    assert published("Regards, Claims and the team") == "Regards, Claims and the team"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sam Ortiz's note of 3/3/2016 was reviewed.", f"{R}'s note of 3/3/2016 was reviewed."),
        ("Yesterday Sam Ortiz's progress report came.", f"Yesterday {R}'s progress report came."),
        ("In Jane Q. Smith\u2019s report, x.", f"In {R}\u2019s report, x."),
    ],
)
def test_a_name_of_two_words_owning_a_record_is_removed(text, expected):
    assert published(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Pain Management's note, Los Angeles County's report and Blue Shield's policy were read.",
        "Kaiser Permanente's records; Official Disability Guidelines' recommendation.",
        "Workers Compensation's report and the patient's note were read.",
        "The State Compensation Insurance Fund's letter and Social Security's letter came.",
    ],
)
def test_an_organizations_or_a_places_record_stays(text):
    assert published(text) == text


def test_a_nickname_in_quotes_inside_a_known_name_is_removed_with_it():
    text = 'Guadalupe "Lupe" Hernandez-Whitfield reported 5/10 pain.'
    assert published(text) == "The injured worker reported 5/10 pain."


def test_a_name_after_a_role_and_a_phrase_set_off_by_commas_is_removed():
    text = "The adjuster, according to the file, is Maria Lopez."
    assert published(text) == f"The adjuster, according to the file, is {R}."
    kept = "The physician, in his report of 1/1/2016, is Board Certified."
    assert published(kept) == kept
