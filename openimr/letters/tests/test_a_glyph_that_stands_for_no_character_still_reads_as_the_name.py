"""A Khmer split vowel (ើ in "ណើត") and Thai sara am (ำ in "น้ำ") are one character that
HarfBuzz draws as two glyphs; the second maps to no character (pdf_shaping._reads). pdfium
read that glyph as its raw code, a control character ("น้ำ\\x04"), so a screen reader built
on it, and `openimr letter parse`, got the name wrong. The piece of the line drawn in such
glyphs now carries an /ActualText span with its characters as typed (pdf_tags.actual_text);
a piece whose glyphs each map to characters carries none, so a reader keeps each glyph's box.
"""

import re
import zlib

import pytest

from openimr.letters.parsing import parse_pdf
from openimr.letters.tests.pdf_reading import letter_pdf, reading
from openimr.letters.tests.pdf_structure import structure

STREAM = re.compile(rb"\n\d+ 0 obj\n<<(.*?)>>\nstream\n(.*?)endstream", re.S)
SPAN = re.compile(rb"/Span <</ActualText <FEFF([0-9A-F]+)>>> BDC")
NAMES = {"Thai": "น้ำ ใจดี", "Khmer": "ណើត សុខ"}


def _spans(pdf: bytes) -> list[str]:
    """The text of each /ActualText span drawn on the letter's pages."""
    spans = []
    for head, data in STREAM.findall(pdf):
        page = zlib.decompress(data) if b"FlateDecode" in head else data
        spans += [bytes.fromhex(h.decode()).decode("utf-16-be") for h in SPAN.findall(page)]
    return spans


@pytest.mark.parametrize("name", NAMES.values(), ids=NAMES.keys())
def test_the_name_reads_back_as_typed_from_the_pdfs_text(three_item_doc, name):
    pdf = letter_pdf(three_item_doc, employee=name)
    assert f"Employee: {name}" in reading(pdf)
    assert not re.search("[\x00-\x08]", reading(pdf))


@pytest.mark.parametrize("name", NAMES.values(), ids=NAMES.keys())
def test_a_screen_reader_hears_the_name_as_typed_in_its_paragraph(three_item_doc, name):
    elements, _ = structure(letter_pdf(three_item_doc, employee=name))
    assert f"Employee: {name}" in [e.text for e in elements if e.kind == "LBody"]


@pytest.mark.parametrize("name", NAMES.values(), ids=NAMES.keys())
def test_the_span_holds_the_names_characters_as_typed(three_item_doc, name):
    assert name in _spans(letter_pdf(three_item_doc, employee=name))


def test_a_bold_item_line_in_such_glyphs_reads_as_typed(three_item_doc):
    treatment = "น้ำมัน massage"
    elements, _ = structure(letter_pdf(three_item_doc, treatment=treatment))
    assert f"{treatment}: Upheld" in [e.text for e in elements if e.kind == "H3"]


def test_our_parser_reads_the_names_back_from_the_pdf(three_item_doc):
    pdf = letter_pdf(three_item_doc, employee=NAMES["Thai"], administrator=NAMES["Khmer"])
    case = parse_pdf(pdf).case
    assert case["employee"]["name"] == NAMES["Thai"]
    assert case["claims_administrator"]["name"] == NAMES["Khmer"]


@pytest.mark.parametrize("name", ["सिंह शर्मा", "สมชาย ใจดี", "Zoë Łukasiewicz"])
def test_a_name_whose_glyphs_each_map_to_characters_has_no_span(three_item_doc, name):
    pdf = letter_pdf(three_item_doc, employee=name)
    assert _spans(pdf) == []
    assert f"Employee: {name}" in reading(pdf)


def test_a_right_to_left_name_has_no_span_as_docs_letters_md_says(three_item_doc):
    """Not given one on purpose: pdfium (Chrome's viewer and its screen-reader tree, our
    parser) reorders a span's text by its guess of the line's direction as if it were drawn
    order, and read "Employee: יצחק כהן" as "כהן יצחק :Employee" with one."""
    pdf = letter_pdf(three_item_doc, employee="יצחק כהן", administrator="محمد العلي")
    assert _spans(pdf) == []
