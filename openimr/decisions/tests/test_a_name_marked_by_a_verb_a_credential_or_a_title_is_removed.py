"""Names the case does not state that a letter marks all the same (issue 6, item 3): after a
role and a verb, alone in parentheses after a professional's role, with a credential after
them or a title before them. A text in, the public text out, through every free-text rule in
the order ``scrub`` runs them; and text that only looks like a name comes out unchanged."""

import pytest

from openimr.decisions.deidentify import deidentify_document, scrub
from openimr.decisions.domain.credentialed_names import replace_credentialed_names
from openimr.decisions.domain.deidentify import REDACTED, name_index
from openimr.decisions.domain.role_names import replace_parenthesized_names
from openimr.decisions.domain.unlabelled_names import replace_role_verb_names

R = REDACTED


def public(text: str) -> str:
    """The text as a published decision shows it, the case stating no names."""
    return scrub(text, name_index([])) or ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Her case manager is Dana Whitfield.", f"Her case manager is {R}."),
        ("The treating physician was Dr Okafor.", "The treating physician was the physician."),
        ("The adjuster, who is Maria Lopez, denied it.", f"The adjuster, who is {R}, denied it."),
        ("His attorney, Mr. Feld, requested it.", f"His attorney, {R}, requested it."),
        ("The PTP was Hana Sato-Reyes until May.", f"The PTP was {R} until May."),
        ("The adjuster is Hernandez.", f"The adjuster is {R}."),
        ("The employer is Sunrise Valley Farms, Inc.", f"The employer is {R}, Inc."),
        ("The applicant is Rosa E. Villanueva.", f"The applicant is {R}."),
        ("Her nurse case manager, who was Wendy Liang's", f"Her nurse case manager, who was {R}'s"),
    ],
)
def test_a_name_after_a_role_and_a_verb_is_removed(text, expected):
    assert public(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The claims adjuster (Hernandez) denied it.", f"The claims adjuster ({R}) denied it."),
        ("The PTP (Nakamura) requested it.", f"The PTP ({R}) requested it."),
        ("the treating physician's (Okafor) note", f"the treating physician's ({R}) note"),
    ],
)
def test_one_name_in_parentheses_after_a_professionals_role_is_removed(text, expected):
    assert public(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dr. Priya Raman noted tenderness.", "The physician noted tenderness."),
        ("She was seen by Amanda Choi, PA-C, in May.", f"She was seen by {R}, PA-C, in May."),
        ("Nurse Practitioner Kim Lee examined her.", f"Nurse Practitioner {R} examined her."),
        ("Ms. Ortiz reported pain.", f"{R} reported pain."),
        ("The note was signed by J. Patel MD.", f"The note was signed by {R} MD."),
        ("Per Okafor, M.D., the pain is 7/10.", f"Per {R}, M.D., the pain is 7/10."),
        ("Case Manager Wendy Liang called.", f"Case Manager {R} called."),
        ("Hana Sato, Ph.D. found no deficit.", f"{R}, Ph.D. found no deficit."),
        ("counsel (Peter O'Malley, Esq.) objected", f"counsel ({R}, Esq.) objected"),
        (
            "Chiropractic by Ann Lee, DC, and by Jo Ruiz DO",
            f"Chiropractic by {R}, DC, and by {R} DO",
        ),
    ],
)
def test_a_name_with_an_honorific_or_a_credential_and_no_label_is_removed(text, expected):
    assert public(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The physical therapist Tom Reyes documented gains.",
            f"The physical therapist {R} documented gains.",
        ),
        ("His doctor, Ana Ruiz, noted spasm.", f"His doctor, {R}, noted spasm."),
        ("The surgeon Hana Sato recommended fusion.", f"The surgeon {R} recommended fusion."),
        ("The QME, Peter Feld, found MMI.", f"The QME, {R}, found MMI."),
        ("Psychologist: Lena Fischer", f"Psychologist: {R}"),
        ("The nurse practitioner Kim Lee saw her.", f"The nurse practitioner {R} saw her."),
    ],
)
def test_a_name_written_after_a_clinicians_role_is_removed(text, expected):
    assert public(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Tramadol, Norco and Lyrica were requested.",
        "Per the ODG Pain Chapter and the ACOEM Practice Guidelines, it is not supported.",
        "The Official Disability Guidelines (ODG) recommend Norco for short-term use.",
        "Given the findings, MTUS does not support lumbar MRI or L4-5 facet injections.",
        "Per MTUS, the provider is requesting an MRI of the Right Shoulder.",
        "The physician reviewer is Board Certified in Orthopedic Surgery.",
        "The patient is Hispanic and Spanish Speaking; the applicant is Right Handed.",
        "The requesting physician (Orthopedist) asked for Physical Therapy.",
        "The physician (Orthopedic Surgery) asked for 12 visits of Chiropractic, and MD visits.",
        "Cyclobenzaprine (Flexeril) and Pain (Chronic) per the treating physician.",
        "The request for Daily RN visits and Home Health PT is not medically necessary.",
        "Occupational Therapy, Chiropractic, and MD follow-up were approved.",
        "Nurse Case Management and Nurse Visits were requested.",
        "The Claims Administrator is Not liable; the adjuster was unavailable.",
        "Dr. Reddy's Laboratories manufactures the generic.",
        "The worker's Attorney Fees are not at issue.",
        "Lyrica, PA pending; Norco, DC'd; Tramadol ER, DO NOT refill.",
        "Nurse Triage and Physician Assistant Services were requested.",
        "Per the Attorney Letter of May 2, 2016, the adjuster of April 2016 records wrote.",
        "The physician is Spanish-speaking and Board-certified.",
        "She was referred to a specialist, Board Certified in Pain Medicine.",
        "The surgeon Spine Surgery Center and the QME Panel Request were noted.",
    ],
)
def test_text_that_only_looks_like_a_name_comes_out_unchanged(text):
    assert public(text) == text


def test_a_drug_maker_named_after_its_founder_stays_but_a_doctors_note_loses_the_name():
    assert public("Dr. Reddy's note and Dr. Reddy's Laboratories") == (
        "The physician's note and Dr. Reddy's Laboratories"
    )


def test_a_known_name_after_a_role_and_a_verb_reads_as_its_role_word():
    doc = {
        "attorney": {"name": "Ana Ruiz"},
        "requesting_physician": {"name": "Maria Tran"},
        "clinical_summary": "Her attorney is Ana Ruiz; she was seen by Maria Tran, MD, and "
        "her case manager was Ana Hernandez.",
    }
    assert deidentify_document(doc)["clinical_summary"] == (
        "Her attorney is the attorney; she was seen by the treating physician, MD, and her "
        f"case manager was {R}."
    )


def test_each_rule_alone_changes_only_what_it_marks():
    assert replace_role_verb_names("the adjuster is Omar Haddad") == f"the adjuster is {R}"
    assert replace_role_verb_names("the adjuster is Omar Haddad", {"omar", "haddad"}) == (
        "the adjuster is Omar Haddad"
    )
    assert replace_role_verb_names("the patient is Hispanic") == "the patient is Hispanic"
    assert replace_credentialed_names("Daily RN and Lena Fischer RN") == f"Daily RN and {R} RN"
    assert replace_parenthesized_names("the patient (Hernandez)") == "the patient (Hernandez)"


def test_a_titled_name_the_case_states_only_in_part_goes_whole_and_a_degree_stays():
    doc = {
        "requesting_physician": {"name": "Maria Delgado"},
        "clinical_summary": "Seen by Maria Delgado, M.D., then by Dr. Maria Okafor and "
        "Case Manager Maria Ruiz.",
    }
    assert deidentify_document(doc)["clinical_summary"] == (
        f"Seen by the treating physician, M.D., then by the physician and Case Manager {R}."
    )
