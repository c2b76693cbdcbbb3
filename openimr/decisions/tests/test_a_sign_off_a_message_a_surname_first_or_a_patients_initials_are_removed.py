"""The leaks session 22's hunts left: a one-word sign-off ("Regards, Jane"), a name after
"left a message for", a surname first before a role in parentheses ("Smith, Jane
(adjuster)"), the worker's initials after the worker's role ("Patient J.S."). A published
decision names no one who handled the claim or signed the letter (LC 4610.6(f)), nor the
worker (45 CFR 164.514(b)(2)(i)(A): initials are a name's part). And two outputs that
leaked nothing but read badly: "Dear the treating physician," and "[redacted]., denied" (a
company's "Inc." left behind). What has the same shape stays."""

import pytest

from bench.deid_audit import published
from openimr.decisions.domain.deidentify import REDACTED

R = REDACTED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Regards, Jane", f"Regards, {R}"),
        ("Thank you.\nRegards, Jane\nClaims Unit", f"Thank you.\nRegards, {R}\nClaims Unit"),
        ("Sincerely, Jane Smith", f"Sincerely, {R}"),
        ("Respectfully, Smith. Enclosures: 3", f"Respectfully, {R}. Enclosures: 3"),
        ("Regards, Okonkwo", "Regards, the treating physician"),
    ],
)
def test_a_letters_signer_of_one_word_or_two_is_removed(text, expected):
    assert published(text) == expected


@pytest.mark.parametrize(
    "text",
    ["Regards, Claims", "Sincerely, Utilization Review", "Best regards, the adjuster"],
)
def test_a_sign_off_by_a_department_or_a_role_stays(text):
    assert published(text) == text


def test_a_name_a_message_was_left_for_is_removed():
    text = "The nurse left a message for Jane Smith on 3/3/2016."
    assert published(text) == f"The nurse left a message for {R} on 3/3/2016."
    kept = "She left a message for the adjuster and a message for Utilization Review."
    assert published(kept) == kept


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Smith, Jane (adjuster) denied the request.", f"{R} (adjuster) denied the request."),
        ("The file notes Smith, Jane (adjuster) called.", f"The file notes {R} (adjuster) called."),
        (
            "Okonkwo, Rosalind (adjuster) denied the request.",
            "The treating physician (adjuster) denied the request.",
        ),
    ],
)
def test_a_surname_written_first_before_a_role_in_parentheses_is_removed(text, expected):
    assert published(text) == expected


def test_one_word_before_a_role_in_parentheses_after_an_acronym_stays():
    text = "Per UR, the physician (PTP) requested an MRI."
    assert published(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Patient J.S. reported pain.", f"Patient {R} reported pain."),
        ("The claimant J. R. S. reported pain.", f"The claimant {R} reported pain."),
        ("Applicant G.H. reported pain.", f"Applicant {R} reported pain."),
        ("Employee A.B., a cashier, fell.", f"Employee {R}, a cashier, fell."),
    ],
)
def test_the_workers_initials_after_the_workers_role_are_removed(text, expected):
    assert published(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Patient U.S. citizen, 45 years old.",
        "The patient P.T. notes were reviewed; patient O.T. visits were denied.",
        "Patient M.D. visits were approved; the patient A.M. stiffness lasts an hour.",
        "Patient I.D. and patient D.O.B. fields were blank.",
    ],
)
def test_an_abbreviation_written_with_periods_after_the_patient_stays(text):
    assert published(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dear Dr. Okonkwo, the request was reviewed.", "Dear treating physician, the"),
        ("Dear Mr. O'Donnell:", "Dear attorney:"),
        ("Dear Ms. Hernandez-Whitfield,", "Dear injured worker,"),
    ],
)
def test_a_salutation_to_a_known_name_reads_without_an_article(text, expected):
    assert published(text).startswith(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The employer, Acme Trucking Inc., denied it.", f"The employer, {R}, denied it."),
        ("The employer, Acme Trucking, Inc., denied it.", f"The employer, {R}, denied it."),
        ("The insurer, Zenith Insurance Co., denied it.", f"The insurer, {R}, denied it."),
        ("The employer, Acme Trucking Inc. denied it.", f"The employer, {R} denied it."),
        # The suffix's period that ends the sentence stays.
        ("The employer, Acme Trucking Inc. She fell.", f"The employer, {R}. She fell."),
        ("The adjuster, Jose Tran. She fell.", f"The adjuster, {R}. She fell."),
    ],
)
def test_a_companys_legal_suffix_goes_with_its_name(text, expected):
    assert published(text) == expected
