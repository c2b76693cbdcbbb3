"""A Hebrew name (a claims administrator, an employee) used to be drawn in the PDF letter
in the order it is stored, first letter leftmost: a Hebrew reader saw it backwards, and
the text read back from the PDF came out reversed and ran into the line before it. A
right-to-left run is now drawn right to left (the Unicode bidirectional algorithm, UAX #9)
inside lines that read left to right."""

import copy

import pypdfium2 as pdfium

from openimr.cases.interchange import case_from_document
from openimr.letters.parsing import parse_pdf
from openimr.letters.render.pdf_scripts import visual
from openimr.letters.rendering import render

NAME = 'שירותי ביטוח בע"מ'
PILLOW = "Orthopedic cervical pillow שלום"


def _pdf(three_item_doc, **changes):
    doc = copy.deepcopy(three_item_doc)
    if "name" in changes:
        doc["claims_administrator"]["name"] = changes["name"]
    if "treatment" in changes:
        doc["items"][2]["treatment"] = changes["treatment"]
    return render(case_from_document(doc), "pdf")


def _x_of(data: bytes, char: str) -> float:
    """Where the one ``char`` of the letter starts, from the left of its page."""
    found = []
    for page in pdfium.PdfDocument(data):
        text = page.get_textpage()
        found += [
            text.get_charbox(i)[0]
            for i in range(text.count_chars())
            if text.get_text_range(i, 1) == char
        ]
    assert len(found) == 1, (char, found)
    return found[0]


def test_the_first_letter_of_a_hebrew_word_is_drawn_rightmost(three_item_doc):
    pdf = _pdf(three_item_doc, treatment=PILLOW)
    assert _x_of(pdf, "ש") > _x_of(pdf, "ל") > _x_of(pdf, "ו") > _x_of(pdf, "ם")


def test_the_words_of_a_hebrew_name_follow_each_other_right_to_left(three_item_doc):
    pdf = _pdf(three_item_doc, name=NAME)
    # שירותי, then ביטוח, then בע"מ: each further left than the one before.
    assert _x_of(pdf, "ש") > _x_of(pdf, "ט") > _x_of(pdf, "ע")
    assert _x_of(pdf, "ש") > _x_of(pdf, "ר") > _x_of(pdf, "ת")


def test_a_hebrew_word_in_a_treatment_reads_back_from_the_pdf_as_written(three_item_doc):
    parsed = parse_pdf(_pdf(three_item_doc, treatment=PILLOW)).case
    assert parsed["items"][2]["treatment"] == PILLOW


def test_text_without_right_to_left_letters_is_drawn_as_it_is():
    for text in ("Zoë Łukasiewicz (2016) — 3 [1, 2]", "Ωμέγα Жуков", ""):
        assert visual(text) == text
