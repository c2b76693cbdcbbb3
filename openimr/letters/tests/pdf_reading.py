"""Reading a rendered PDF letter back as a reader would: where a word is on its page (the
box of each of its characters, as pdfium places the glyphs) and how much ink is there."""

import copy
from typing import Any

import pypdfium2 as pdfium

from openimr.cases.interchange import case_from_document
from openimr.letters.render import pdf_window
from openimr.letters.rendering import render

SCALE = 2.0  # pixels per point of a rendered page
Box = tuple[float, float, float, float]  # left, bottom, right, top, in points


def letter_pdf(doc: dict[str, Any], **names: str) -> bytes:
    """The PDF letter of doc with the parties renamed (employee=..., physician=...,
    administrator=...) and, given treatment=..., the last item's treatment (a bold line)."""
    doc = copy.deepcopy(doc)
    places = {
        "employee": ("employee", "name"),
        "physician": ("requesting_physician", "name"),
        "administrator": ("claims_administrator", "name"),
    }
    for key, value in names.items():
        if key == "treatment":
            doc["items"][-1]["treatment"] = value
        else:
            party, field = places[key]
            doc[party][field] = value
    return render(case_from_document(doc), "pdf")


def reading(pdf: bytes) -> str:
    """The text of every page, as pdfium reads it."""
    return "".join(page.get_textpage().get_text_range() for page in pdfium.PdfDocument(pdf))


def occurrences(pdf: bytes, word: str) -> list[tuple[int, list[Box]]]:
    """(page, the box of each character) of every place word reads back from the PDF."""
    found = []
    for number, page in enumerate(pdfium.PdfDocument(pdf)):
        text = page.get_textpage()
        read = text.get_text_range()
        start = read.find(word)
        while start >= 0:
            found.append((number, [text.get_charbox(start + i) for i in range(len(word))]))
            start = read.find(word, start + 1)
    return found


def boxes(pdf: bytes, word: str) -> tuple[int, list[Box]]:
    """(page, character boxes) of the first place word reads back from the PDF."""
    found = occurrences(pdf, word)
    assert found, f"{word!r} does not read back from the PDF"
    return found[0]


def ink(pdf: bytes, page: int, box: Box) -> int:
    """Dark pixels inside box of the rendered page."""
    document = pdfium.PdfDocument(pdf)
    image = document[page].render(scale=SCALE, grayscale=True).to_pil()
    left, bottom, right, top = box
    height = document[page].get_height()
    crop = image.crop(
        (
            int(left * SCALE),
            int((height - top) * SCALE),
            int(right * SCALE) + 1,
            int((height - bottom) * SCALE) + 1,
        )
    )
    return sum(crop.histogram()[:128])


def around(boxes: list[Box]) -> Box:
    """The box around all of boxes."""
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def char_boxes(pdf: bytes, chars: str) -> dict[str, list[Box]]:
    """The box of each place each of chars is drawn, whatever order a reader puts them in
    (pdfium reads a right-to-left word with vowel points in the order it is drawn)."""
    found: dict[str, list[Box]] = {char: [] for char in chars}
    for page in pdfium.PdfDocument(pdf):
        text = page.get_textpage()
        for index, char in enumerate(text.get_text_range()):
            if char in found:
                found[char].append(text.get_charbox(index))
    return found


def in_window(pdf: bytes, text: str) -> bool:
    """Whether text reads back from the first page with every character inside the
    rectangle a #10 envelope's window shows (render/pdf_window); the same words may also be
    elsewhere in the letter."""
    return any(
        page == 0
        and all(
            left >= pdf_window.LEFT - 1
            and right <= pdf_window.RIGHT + 1
            and bottom >= pdf_window.BOTTOM - 1
            and top <= pdf_window.TOP + 1
            for left, bottom, right, top in boxes
        )
        for page, boxes in occurrences(pdf, text)
    )
