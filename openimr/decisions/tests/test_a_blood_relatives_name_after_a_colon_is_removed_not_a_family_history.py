"""A blood relative's name after a colon ("Daughter: Maria Chen") goes, as the names of the
worker's relatives are identifiers (45 CFR 164.514(b)(2)(i)(A)); a family history written
the same way ("Mother: Diabetes", "Father: deceased, MI at 60", "Sister: breast cancer",
"Father: Huntington Disease") stays whole: it is the reviewer's medical reasoning, and names
no one. What tells them apart is what follows the colon: two to four words written as names,
none a condition's word, an eponym's possessive or a letter's ordinary word."""

import pytest

from openimr.decisions.deidentify import deidentify_document
from openimr.decisions.domain.deidentify import REDACTED
from openimr.decisions.domain.family_history import relative_named
from openimr.decisions.domain.people_around import replace_people_around_names

R = REDACTED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Daughter: Maria Chen", f"Daughter: {R}"),
        ("Daughter: Maria Chen drove her to the visit.", f"Daughter: {R} drove her to the visit."),
        ("Son: John Smith, 24, lives with her.", f"Son: {R}, 24, lives with her."),
        ("Brother: Jose Luis Tran", f"Brother: {R}"),
        ("Emergency contact. Sister: Ana M. Ruiz", f"Emergency contact. Sister: {R}"),
        ("Daughter: Paloma Reyes", f"Daughter: {R}"),
        ("Mother: Łucja Nowak\nFather: Diabetes", f"Mother: {R}\nFather: Diabetes"),
        ("SON: JOSE TRAN", f"SON: {R}"),
        ("HUSBAND: JOSE TRAN", f"HUSBAND: {R}"),
        ("Granddaughter: Xochitl Ramirez translated.", f"Granddaughter: {R} translated."),
    ],
)
def test_a_blood_relatives_name_after_a_colon_is_removed(text, expected):
    assert replace_people_around_names(text) == expected


FAMILY_HISTORIES = [
    "Mother: Diabetes",
    "Father: deceased, MI at 60",
    "Sister: breast cancer",
    "Mother: Diabetes. Father: Coronary Artery Disease. Sister: Rheumatoid Arthritis.",
    "Father: Hashimoto Thyroiditis",
    "Mother: Huntington Disease",
    "Brother: Down Syndrome",
    "Mother: Bell's Palsy",
    "Mother: Bell Palsy",
    "Father: Lou Gehrig's Disease",
    "Mother: High Blood Pressure",
    "Father: Heart Attack",
    "Mother: Alive And Well",
    "Mother: Multiple Sclerosis",
    "Father: Non-Hodgkin Lymphoma",
    "Father: Type 2 Diabetes",
    "Mother: Alzheimer Dementia",
    "Sister: Lupus",
    "MOTHER: DIABETES MELLITUS",
    "FATHER: HEART DISEASE, age 70",
    "Father: Parkinson Disease",
    "Mother: Crohn Disease",
    "Father: Graves Disease",
    "Mother: Sjogren Syndrome",
    "Father: Kidney Failure",
    "Uncle: Colon Cancer",
    "Grandmother: Osteoporosis, Hypertension",
    "Aunt: Systemic Lupus Erythematosus",
    "Brother: Alcoholism",
    "Mother: Congestive Heart Failure",
    "Father: Prostate Cancer; Mother: Ovarian Cancer",
    "Sister: Multiple Myeloma",
    "Father: Unknown",
    "Mother: Living, Healthy",
    "Cousin: Sickle Cell Anemia",
    "Father: Hodgkin Lymphoma",
    "Mother: Raynaud Phenomenon",
    "Father: Dupuytren Contracture",
    "Son: Asthma",
    "Daughter: Maria",
]


@pytest.mark.parametrize("text", FAMILY_HISTORIES)
def test_a_family_history_after_a_blood_relatives_colon_stays(text):
    assert replace_people_around_names(text) == text


def test_a_family_history_reaches_the_public_corpus_whole_and_the_name_beside_it_does_not():
    history = "Family history: Mother: Huntington Disease. Father: Heart Attack."
    doc = {"clinical_summary": f"{history} Daughter: Maria Chen drives her."}
    out = deidentify_document(doc)["clinical_summary"]
    assert out == f"{history} Daughter: {R} drives her."


def test_one_word_after_the_colon_is_no_name_as_a_given_name_and_a_disease_look_alike():
    assert relative_named("Daughter: Maria", len("Daughter:")) is None
    assert relative_named("Mother: Lupus", len("Mother:")) is None
