"""A three-item case with both outcomes and MTUS and non-MTUS bases."""

import pytest

from openimr.cases.interchange import case_from_document
from openimr.letters.rendering import render


def fold(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def text(three_item_doc):
    return fold(render(case_from_document(three_item_doc), "text").decode("utf-8"))


def test_each_item_has_its_line_in_case_order(text):
    lines = [
        "Physical therapy, lumbar spine, 2 times a week for 6 weeks: Upheld",
        "MRI of the lumbar spine without contrast: Overturned",
        "Orthopedic cervical pillow: Upheld",
    ]
    positions = [text.index(line) for line in lines]
    assert positions == sorted(positions)


def test_an_mtus_basis_is_stated_as_such(text):
    assert (
        "openimr guideline: Decision based on MTUS ACOEM Practice Guidelines, 2nd Edition (2004), "
        "Chapter 12, Low Back Complaints, pages 303-304."
    ) in text


def test_a_non_mtus_basis_first_says_the_mtus_was_not_used_then_why(text, three_item_doc):
    assert (
        "openimr guideline: The Expert Reviewer did not base their decision on the MTUS. Decision "
        "based on Non-MTUS Citation Official Disability Guidelines, Neck and Upper Back"
    ) in text
    assert "Why the MTUS was not used: " + fold(three_item_doc["items"][2]["why_not_mtus"]) in text


def test_a_side_that_cited_nothing_is_said_to_have_cited_nothing(text):
    assert "The Claims Administrator did not cite any medical evidence for its decision." in text


def test_an_overturned_item_brings_the_implementation_deadlines(text):
    assert "within 5 working days" in text
    assert "within 20 days" in text


def test_a_letter_with_no_overturned_item_has_no_implementation_note(seed_doc):
    text = fold(render(case_from_document(seed_doc), "text").decode("utf-8"))
    assert "5 working days" not in text


def test_the_parties_served_are_named_with_their_roles(text):
    assert "Employee: Zoë Łukasiewicz" in text
    assert "Requesting physician: Dr. Ramón Ortega-Vásquez, Orthopedic Surgery" in text


def test_every_record_is_listed_with_author_and_date(text):
    assert "Progress note, Ramón Ortega-Vásquez, MD, June 14, 2016" in text
    assert "Progress note, Ramón Ortega-Vásquez, MD, August 30, 2016" in text


def test_states_of_licensure_are_spelled_out(text):
    assert "California and Oregon" in text
