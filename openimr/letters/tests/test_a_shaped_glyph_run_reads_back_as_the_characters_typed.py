"""HarfBuzz draws Hindi "सिंह" as the glyphs ि स ं ह: the vowel sign before the consonant
it follows in the text. The PDF's text must still read "सिंह", so the characters of each
cluster are dealt out to its glyphs in drawing order (pdf_shaping._reads)."""

import pytest
from reportlab.pdfbase import pdfmetrics

from openimr.letters.render.pdf import fonts
from openimr.letters.render.pdf_fonts import TEXT_OF
from openimr.letters.render.pdf_scripts import FALLBACKS, FONT_DIR, segments
from openimr.letters.render.pdf_shaping import _reads, shaped

CASES = [
    # text, cluster of each glyph in drawing order, what each glyph reads as
    ("सिंह", [0, 0, 0, 3], ["स", "ि", "ं", "ह"]),  # 3 glyphs for the 3 characters of a cluster
    ("क्ष", [0], ["क्ष"]),  # a conjunct: one glyph for three characters
    ("ab", [0, 0, 0], ["a", "b", ""]),  # more glyphs than characters: the extra one reads as none
    ("", [], []),
]


@pytest.mark.parametrize(("text", "clusters", "reads"), CASES)
def test_each_glyph_reads_as_its_share_of_the_cluster(text, clusters, reads):
    ends = sorted(set(clusters) | {len(text)})
    assert _reads(text, clusters, ends) == reads
    assert "".join(reads) == text


def test_a_hindi_name_is_drawn_in_harfbuzz_order_with_the_vowel_sign_first():
    fonts()
    [(face, drawn)] = segments("LiberationSerif", "सिंह")
    assert face == "NotoSerifDevanagari"
    assert drawn == shaped(face, FONT_DIR / dict(FALLBACKS)[face], "सिंह")
    assert "".join(TEXT_OF[ord(char)] for char in drawn) == "सिंह"
    # The consonant स is the second glyph drawn: the vowel sign's glyph comes before it.
    glyph = pdfmetrics.getFont(face).face.charToGlyph
    drawn_glyphs = [glyph[ord(char)] for char in drawn]
    assert drawn_glyphs[1] == glyph[ord("स")] != drawn_glyphs[0]
