"""A vowel sign, a tone mark or a point that sits on or under a letter (Hindi "कृष्ण", Hebrew
"יִצְחָק", Arabic "فاطِمَة", Thai "ปิ่น") used to print beside it: HarfBuzz says how far to
move each mark onto its letter (its x and y offsets), and the PDF drew every glyph where the
one before it ended. In right-to-left names the marks landed on the next letter, drawn
before the letter they belong to. Checked where a reader sees it: as pdfium places each
glyph, the middle of a mark lies over the middle of the letter it belongs to, not over its
outer fifths (nor beyond them, over the next letter). pdfium reads a right-to-left word with
vowel points in no reliable order (it guesses a line's direction by counting runs of
letters, and a point splits a run), so those are found character by character."""

import unicodedata

import pytest

from openimr.letters.tests.pdf_reading import char_boxes, letter_pdf, reading

# name: (mark, its letter), ...; each character occurs once in the name and the letter
MARKS = {
    "कृष्ण": (("ृ", "क"),),  # vowel sign vocalic r under ka
    "יִצְחָק": (("ִ", "י"), ("ְ", "צ"), ("ָ", "ח")),  # hiriq, sheva, qamats
    "فاطِمَة": (("ِ", "ط"), ("َ", "م")),  # kasra under ta, fatha over mim
    "ปิ่น": (("ิ", "ป"), ("่", "ป")),  # sara i and mai ek over po pla
    "សុខ": (("ុ", "ស"),),  # vowel sign u under sa
}


@pytest.mark.parametrize("name", MARKS)
def test_each_mark_is_drawn_over_its_own_letter(three_item_doc, name):
    found = char_boxes(letter_pdf(three_item_doc, employee=name), name)
    for mark, letter in MARKS[name]:
        [(left, _, right, _)], [box] = found[letter], found[mark]
        across = ((box[0] + box[2]) / 2 - left) / (right - left)
        assert 0.2 <= across <= 0.8, (unicodedata.name(mark), round(across, 2))


@pytest.mark.parametrize("name", ["कृष्ण ठाकुर", "ปิ่น แก้วมณี", "ស្រី ពៅ", "ਮਨਪ੍ਰੀਤ ਸਿੰਘ"])
def test_a_name_written_left_to_right_reads_back_with_its_marks_in_order(three_item_doc, name):
    # pdfium takes a line's glyphs from left to right: a mark moved left of the one drawn
    # before it must still read after it.
    pdf = letter_pdf(three_item_doc, employee=name)
    assert f"Employee: {name}" in reading(pdf)
