"""A served party's name in Chinese, Japanese, Korean, Arabic or Armenian letters used to
print blank in the PDF letter: Liberation Serif has none of those letters, so "Łukasz Żółć
山田太郎" printed as "Łukasz Żółć". Each character is now drawn in the first face that has
it, Liberation Serif first. Checked as a reader would: the name reads back from the PDF,
and the page, rendered to an image, has ink where each of its letters is."""

import pytest

from openimr.letters.tests.pdf_reading import boxes, ink, letter_pdf

# pdfium reads a right-to-left name inside a left-to-right line ("Employee: ...") word by
# word, in drawn order: each word is checked, and their order by position below.
RIGHT_TO_LEFT = {"Arabic", "Persian"}
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
    return letter_pdf(doc, employee=employee, physician=physician)


@pytest.mark.parametrize("script", NAMES)
def test_each_name_reads_back_from_the_pdf(three_item_doc, script):
    employee, physician = NAMES[script]
    pdf = _pdf(three_item_doc, employee, physician)
    for name in (employee, physician):
        for word in name.split() if script in RIGHT_TO_LEFT else [name]:
            assert boxes(pdf, word)


@pytest.mark.parametrize("script", NAMES)
def test_every_letter_of_each_name_is_inked_on_the_page(three_item_doc, script):
    employee, physician = NAMES[script]
    pdf = _pdf(three_item_doc, employee, physician)
    for name in (employee, physician):
        for word in name.split():
            # A vowel sign or tone mark drawn over its letter takes no width of its own.
            page, chars = boxes(pdf, word)
            inked = [box for box in chars if box[2] - box[0] > 0.5]
            assert inked
            for box in inked:
                assert ink(pdf, page, box) > 3, (word, box)


def test_the_words_of_an_arabic_name_are_drawn_right_to_left(three_item_doc):
    pdf = _pdf(three_item_doc, "محمد العلي", "فاطمة الزهراء")
    first, second = (boxes(pdf, word)[1] for word in ["محمد", "العلي"])
    # Each word's first letter is its rightmost, and the first word is right of the second.
    assert first[0][0] > first[-1][0] > second[0][0] > second[-1][0]
