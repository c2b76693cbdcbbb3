"""The pure de-identification rules: identifiers by shape, and every way a known name is
written (45 CFR 164.514(b)(2)(i); LC 4610.6(f))."""

import pytest

from openimr.decisions.domain.deidentify import (
    REDACTED,
    KnownName,
    name_index,
    organization_variants,
    replace_known_names,
)
from openimr.decisions.domain.identifiers import replace_identifiers, safe_age
from openimr.decisions.domain.labelled_names import replace_labelled_names
from openimr.decisions.domain.titled_names import replace_titled_names


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("SSN 123-45-6789 on file", "123-45-6789"),
        ("call (559) 555-1234 today", "555-1234"),
        ("call 559-555-1234 today", "559-555-1234"),
        ("fax 559.555.1234", "559.555.1234"),
        ("write to maria.gonzalez@example.com", "maria.gonzalez@example.com"),
        ("Claim Number: 05WC123456 was denied", "05WC123456"),
        ("claim # ABC-1234567", "ABC-1234567"),
        ("MRN 00123456 noted", "00123456"),
        ("DOB: 03/04/1970.", "03/04/1970"),
        ("date of birth March 4, 1970", "March 4, 1970"),
        ("lives at 1234 North Elm Street, Apt 5", "1234 North Elm Street"),
        # Offices, as the parties' address blocks give them, stand on malls and plazas too.
        ("counsel at 455 Capitol Mall, Suite 801", "455 Capitol Mall"),
        ("claims office, 1 Hospitality Plaza, Ste 300", "Hospitality Plaza"),
        ("the clinic at 12 Union Square", "12 Union Square"),
        ("mail to P.O. Box 4410 please", "Box 4410"),
        ("Fresno, CA 93701", "93701"),
        ("Sacramento, California 95814-1234", "95814-1234"),
        ("SSN 123 45 6789", "123 45 6789"),
        ("call +1 559 555 1234", "555 1234"),
    ],
)
def test_an_identifier_is_removed_by_its_shape(text, gone):
    assert gone not in replace_identifiers(text)
    assert REDACTED in replace_identifiers(text)


@pytest.mark.parametrize(
    "text",
    [
        "Date of Injury: 10/10/2016",
        "injured on February 25, 2013; denied on May 9, 2014",
        "Case Number: CM16-0219557",
        "L4-5 and L5-S1 facet injections, 3 visits with Dr",
        "Norco 10/325 mg #60, 12 sessions of physical therapy",
    ],
)
def test_what_published_letters_show_stays(text):
    assert replace_identifiers(text) == text


def test_a_known_person_is_found_in_every_form_a_letter_writes_it():
    name = KnownName("Maria Elena Gonzalez", "employee")
    text = (
        "Maria Elena Gonzalez was seen. Ms. Gonzalez's pain persists; GONZALEZ, MARIA signed; "
        "M. Gonzalez and M.E.G. agreed; Maria returned."
    )
    out = replace_known_names(text, name_index([name]))
    for word in ("Maria", "Gonzalez", "GONZALEZ", "M.E.G."):
        assert word not in out
    assert "The injured worker's pain persists" in out  # a sentence's start


def test_a_physician_becomes_the_treating_physician():
    out = replace_known_names(
        "Per Dr. Whitfield, MRI was ordered.",
        name_index([KnownName("John Whitfield, MD", "requesting_physician")]),
    )
    assert out == "Per the treating physician, MRI was ordered."


def test_an_organization_is_matched_with_and_without_its_suffix():
    names = name_index([KnownName("Acme Logistics, Inc.", "employer", person=False)])
    out = replace_known_names("Acme Logistics, Inc. hired her; Acme Logistics fired her.", names)
    assert out == "The employer hired her; the employer fired her."


def test_a_name_inside_a_longer_word_is_left_alone():
    names = name_index([KnownName("Ann Lee", "employee")])
    assert replace_known_names("knee sleeve and annual review", names) == (
        "knee sleeve and annual review"
    )


def test_a_titled_or_labelled_name_the_case_did_not_state_still_goes():
    out = replace_titled_names(
        replace_labelled_names("Seen by Dr. Patel and Mrs. O'Neil. Patient: John Doe.")
    )
    assert "Patel" not in out and "O'Neil" not in out and "John Doe" not in out
    assert "the physician" in out


@pytest.mark.parametrize(("age", "published"), [(34, 34), (89, 89), (90, 90), (97, 90)])
def test_ages_over_89_are_published_as_90(age, published):
    assert safe_age(age) == published


def test_a_lowercase_word_is_never_taken_for_a_name():
    names = name_index([KnownName("Will Young", "employee")])
    assert replace_known_names("Will Young will return; young and well.", names) == (
        "The injured worker will return; young and well."
    )


def test_an_organization_is_also_written_without_its_legal_suffix_and_by_its_ends():
    assert organization_variants("Kern Ridge Packing Co.") == [
        "Kern Ridge Packing Co.",
        "Kern Ridge Packing",
        "Kern Packing",
    ]
    assert organization_variants("The Home Depot") == ["The Home Depot"]
    assert organization_variants("Harbor Claims Services") == [
        "Harbor Claims Services",
        "Harbor Claims",
    ]
