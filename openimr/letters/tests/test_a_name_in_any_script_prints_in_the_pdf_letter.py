"""A served party's name in Chinese, Japanese, Korean, Arabic or Armenian letters used to
print blank in the PDF letter: Liberation Serif has none of those letters, so "Łukasz Żółć
山田太郎" printed as "Łukasz Żółć". Each character is now drawn in the first face that has
it, Liberation Serif first. Checked as a reader would: the name reads back from the PDF,
and the page, rendered to an image, has ink where each of its letters is."""

import copy

import pypdfium2 as pdfium
import pytest

from openimr.cases.interchange import case_from_document
from openimr.letters.rendering import render

# pdfium reads a right-to-left name inside a left-to-right line ("Employee: ...") word by
# word, in drawn order: each word is checked, and their order by position below.
RIGHT_TO_LEFT = {"Arabic", "Persian"}
SCALE = 2.0  # pixels per point of the rendered page
# name: (employee, requesting physician)
NAMES = {
    "Chinese": ("王小明", "陳美玲"),
    "Japanese": ("山田 はなこ", "サトウ ケンジ"),
    "Korean": ("김민준", "이서연"),
    "Arabic": ("محمد العلي", "فاطمة الزهراء"),
    "Armenian": ("Արամ Պետրոսյան", "Անի Հակոբյան"),
    "Persian": ("محمدرضا پورحسینی", "علاء الدین"),
    "Hindi": ("मनप्रीत सिंह", "प्रिया शर्मा"),
    "Punjabi": ("ਮਨਪ੍ਰੀਤ ਸਿੰਘ", "ਹਰਜੀਤ ਕੌਰ"),
    "Thai": ("สมชาย ใจดี", "สุภาพร แก้วมณี"),
    "Khmer": ("សុខ ចាន់", "ស្រី ពៅ"),
    "Vietnamese": ("Nguyễn Văn Thắng", "Trần Thị Hương"),
    "mixed": ("Łukasz Żółć 山田太郎", "Zoë Łukasiewicz 김민준"),
}


def _pdf(doc: dict, employee: str, physician: str) -> bytes:
    doc = copy.deepcopy(doc)
    doc["employee"]["name"] = employee
    doc["requesting_physician"]["name"] = physician
    return render(case_from_document(doc), "pdf")


def _boxes(pdf: bytes, word: str) -> list[tuple[int, tuple[float, float, float, float]]]:
    """(page, box) of each character of the first place word reads back from the PDF."""
    for number, page in enumerate(pdfium.PdfDocument(pdf)):
        text = page.get_textpage()
        start = text.get_text_range().find(word)
        if start >= 0:
            return [(number, text.get_charbox(start + i)) for i in range(len(word))]
    raise AssertionError(f"{word!r} does not read back from the PDF")


def _ink(pdf: bytes, page: int, box: tuple[float, float, float, float]) -> int:
    """Dark pixels inside box (left, bottom, right, top, in points) of the rendered page."""
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


@pytest.mark.parametrize("script", NAMES)
def test_each_name_reads_back_from_the_pdf(three_item_doc, script):
    employee, physician = NAMES[script]
    pdf = _pdf(three_item_doc, employee, physician)
    for name in (employee, physician):
        for word in name.split() if script in RIGHT_TO_LEFT else [name]:
            assert _boxes(pdf, word)


@pytest.mark.parametrize("script", NAMES)
def test_every_letter_of_each_name_is_inked_on_the_page(three_item_doc, script):
    employee, physician = NAMES[script]
    pdf = _pdf(three_item_doc, employee, physician)
    for name in (employee, physician):
        for word in name.split():
            # A vowel sign or tone mark drawn over its letter takes no width of its own.
            boxes = [(page, box) for page, box in _boxes(pdf, word) if box[2] - box[0] > 0.5]
            assert boxes
            for page, box in boxes:
                assert _ink(pdf, page, box) > 3, (word, box)


def test_the_words_of_an_arabic_name_are_drawn_right_to_left(three_item_doc):
    pdf = _pdf(three_item_doc, "محمد العلي", "فاطمة الزهراء")
    first, second = (_boxes(pdf, word) for word in ["محمد", "العلي"])
    # Each word's first letter is its rightmost, and the first word is right of the second.
    assert first[0][1][0] > first[-1][1][0] > second[0][1][0] > second[-1][1][0]
