"""A character that none of the letter's faces has (here 𪛖, U+2A6D6, a rare Chinese
character beyond the fallback face) must not vanish from a letter served on a person: it
prints as a box, so the reader sees that something is there; the PDF's text keeps the
character itself; and staff can list where the letter has one before issuing it."""

import copy

import pypdfium2 as pdfium

from openimr.cases.interchange import case_from_document
from openimr.letters.render.pdf import missing_characters, render_pdf
from openimr.letters.render.pdf_scripts import BOX
from openimr.letters.rendering import letter_for

RARE = "\U0002a6d6"
NAME = f"王{RARE}明"


def _letter(doc: dict, name: str):
    doc = copy.deepcopy(doc)
    doc["employee"]["name"] = name
    return letter_for(case_from_document(doc))


def _ink_of(pdf: bytes, char: str) -> int:
    document = pdfium.PdfDocument(pdf)
    page = document[len(document) - 1]  # the parties served are at the end
    text = page.get_textpage()
    index = text.get_text_range().index(char)
    left, bottom, right, top = text.get_charbox(index)
    image = page.render(scale=2, grayscale=True).to_pil()
    height = page.get_height()
    box = (
        int(2 * left),
        int(2 * (height - top)),
        int(2 * right) + 1,
        int(2 * (height - bottom)) + 1,
    )
    return sum(image.crop(box).histogram()[:128])


def test_the_character_reads_back_from_the_pdf_as_itself(three_item_doc):
    pdf = render_pdf(_letter(three_item_doc, NAME))
    text = "".join(page.get_textpage().get_text_range() for page in pdfium.PdfDocument(pdf))
    assert f"Employee: {NAME}" in text
    assert BOX not in text


def test_the_character_is_drawn_as_a_visible_box(three_item_doc):
    pdf = render_pdf(_letter(three_item_doc, NAME))
    assert _ink_of(pdf, RARE) > 10


def test_staff_are_told_where_the_letter_has_such_a_character(three_item_doc):
    assert missing_characters(_letter(three_item_doc, NAME)) == [("PARTIES SERVED", RARE)]


def test_a_letter_every_face_covers_has_no_missing_characters(three_item_doc):
    assert missing_characters(_letter(three_item_doc, "山田太郎 محمد Արամ Zoë")) == []
