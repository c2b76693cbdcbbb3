"""A Vietnamese name can arrive with its accents as separate characters ("Nguyễn" as e,
combining circumflex, combining tilde: what some keyboards and pasted text give). Drawn one
character after another, the tilde and the circumflex were stacked on the same spot and
overprinted each other. The PDF letter now prints such a name exactly as the same name
typed with whole letters, and its text reads back as those whole letters (NFC)."""

import unicodedata

import pypdfium2 as pdfium
import pytest

from openimr.letters.tests.pdf_reading import letter_pdf, reading

NAMES = ["Nguyễn Văn Thắng", "Trần Thị Hương", "Đặng Ngọc Ánh", "José Ñúñez"]


def _page_images(pdf: bytes) -> list[bytes]:
    return [page.render(scale=2).to_pil().tobytes() for page in pdfium.PdfDocument(pdf)]


@pytest.mark.parametrize("name", NAMES)
def test_the_name_prints_as_if_typed_with_whole_letters(three_item_doc, name):
    apart = letter_pdf(three_item_doc, employee=unicodedata.normalize("NFD", name))
    whole = letter_pdf(three_item_doc, employee=unicodedata.normalize("NFC", name))
    assert _page_images(apart) == _page_images(whole)


@pytest.mark.parametrize("name", NAMES)
def test_the_name_reads_back_in_whole_letters(three_item_doc, name):
    pdf = letter_pdf(three_item_doc, employee=unicodedata.normalize("NFD", name))
    assert f"Employee: {unicodedata.normalize('NFC', name)}" in reading(pdf)
