"""A name in a bold line (a treatment such as "Consultation with Dr. 王小明" heads its item in
bold) used to print in the fallback face's regular weight: Liberation Serif has a bold face,
the faces for other scripts (Chinese, Korean, Arabic, Armenian, Devanagari, ...) have none,
so the name stood out as the one light word in a bold line. Those faces are now emboldened
(docs/decisions/0009-bold-names-in-other-scripts.md). Checked on the rendered page: the same
name carries clearly more ink in the bold item line than in the regular list of parties, as
a Latin name does."""

import pytest

from openimr.letters.tests.pdf_reading import around, ink, letter_pdf, occurrences

NAMES = ["王小明", "김민준", "محمد", "Արամ", "सिंह", "สมชาย", "Ramírez"]
# Liberation Serif Bold over Regular, for "Ramírez" at 10.5 pt: about 1.4 here.
HEAVIER = 1.2


@pytest.mark.parametrize("name", NAMES)
def test_the_name_has_more_ink_in_a_bold_line_than_in_a_regular_one(three_item_doc, name):
    pdf = letter_pdf(three_item_doc, employee=name, treatment=f"Consultation with Dr. {name}")
    (bold_page, bold), (regular_page, regular) = occurrences(pdf, name)
    heavier = ink(pdf, bold_page, around(bold)) / ink(pdf, regular_page, around(regular))
    assert heavier > HEAVIER, round(heavier, 2)
