"""Free text as summaries write it: an age over 89, a date of birth "is ...", a name right
after its role word (45 CFR 164.514(b)(2)(i)(A), (C)). Found in a QA pass: each of these
reached the public corpus while the structured fields were clean."""

import pytest

from openimr.decisions.deidentify import deidentify_document
from openimr.decisions.domain.deidentify import REDACTED
from openimr.decisions.domain.identifiers import replace_identifiers
from openimr.decisions.domain.labelled_names import replace_labelled_names


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("This 93 year old male was injured.", "This 90 year old male was injured."),
        ("a 95-year-old woman", "a 90-year-old woman"),
        ("He is 101 years old.", "He is 90 years old."),
        ("a 92 y/o male", "a 90 y/o male"),
        ("Age: 91.", "Age: 90."),
        ("aged 94 years", "aged 90 years"),
    ],
)
def test_an_age_over_89_in_the_text_is_written_as_90(text, published):
    assert replace_identifiers(text) == published


@pytest.mark.parametrize(
    "address", ["jo@ex.com", "jo.smith@an-example-of-a-long-domain.com", "a@b.co"]
)
def test_an_age_over_89_after_an_e_mail_address_is_written_as_90_too(address):
    text = f"Contact {address}. Age: 95. He is a 93 year old man."
    assert replace_identifiers(text) == (f"Contact {REDACTED}. Age: 90. He is a 90 year old man.")


@pytest.mark.parametrize(
    "text",
    [
        "An 89-year-old man",
        "The patient is a 45 year old male.",
        "treated for 95 years of age-related wear",  # not an age: "years of"
        "page 95 of the record; flexion to 93 degrees",
    ],
)
def test_other_numbers_near_age_words_stay(text):
    assert replace_identifiers(text) == text


@pytest.mark.parametrize(
    ("text", "gone"),
    [("Date of birth is 04/05/1970.", "04/05/1970"), ("DOB is 4/5/70.", "4/5/70")],
)
def test_a_date_of_birth_written_as_a_sentence_is_removed(text, gone):
    out = replace_identifiers(text)
    assert gone not in out and REDACTED in out


def test_a_name_right_after_its_role_word_is_removed():
    out = replace_labelled_names("The adjuster Jose Tran called; the injured worker Ana Ruiz.")
    assert "Jose Tran" not in out and "Ana Ruiz" not in out


@pytest.mark.parametrize(
    "text",
    [
        "Centers for Medicare and Medicaid services, Physician Fee Schedule Search",
        "The physician reviewer Board Certified in Internal Medicine",
    ],
)
def test_a_title_after_a_role_word_is_not_taken_for_a_name(text):
    assert replace_labelled_names(text) == text


def test_the_published_document_holds_neither_the_age_nor_the_birth_date():
    doc = {
        "employee": {"name": "Rosa Diaz", "age": 96, "sex": "female"},
        "clinical_summary": "This 96 year old female, DOB is 1/2/30, saw the adjuster Jose Tran.",
    }
    out = deidentify_document(doc)
    assert out["employee"]["age"] == 90
    summary = out["clinical_summary"]
    assert "96" not in summary and "1/2/30" not in summary and "Jose Tran" not in summary
