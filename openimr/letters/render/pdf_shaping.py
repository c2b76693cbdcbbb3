"""Shaping for the scripts whose letters change form and order as they are written
(Devanagari, Gurmukhi, Khmer, Thai, Lao), with HarfBuzz.

reportlab draws one glyph per character. In Hindi "सिंह" the vowel sign ि is drawn before
the consonant it follows in the text, and consonants join into conjuncts: drawn character
by character the name is misspelt. HarfBuzz turns a run into the face's glyphs, in drawing
order; each glyph is given a private character of its own (a code in plane 15 that the
face's maps send to the glyph and its advance), so the PDF embeds and draws exactly those
glyphs. The PDF's text maps the glyphs of each cluster to the cluster's characters (_reads),
so the text reads back as typed.
"""

from functools import cache
from pathlib import Path
from typing import Any

import uharfbuzz as hb
from reportlab.pdfbase import pdfmetrics

from openimr.letters.render.pdf_fonts import TEXT_OF

FIRST_PRIVATE = 0xF0000  # Supplementary Private Use Area-A: no text uses it in a letter
# (face, glyph, cluster text, advance) -> its character
_glyphs: dict[tuple[str, int, str, float], str] = {}


@cache
def _font(path: str) -> Any:
    return hb.Font(hb.Face(hb.Blob.from_file_path(path)))


def shaped(face_name: str, path: Path, text: str) -> str:
    """text in face_name as private characters, one for each glyph HarfBuzz draws."""
    buffer = hb.Buffer()
    buffer.add_codepoints([ord(char) for char in text])
    buffer.guess_segment_properties()
    font = _font(str(path))
    hb.shape(font, buffer, {})
    scale = 1000 / font.scale[0]
    infos, positions = buffer.glyph_infos, buffer.glyph_positions
    ends = sorted({info.cluster for info in infos} | {len(text)})
    reads = _reads(text, [info.cluster for info in infos], ends)
    return "".join(
        _glyph(face_name, info.codepoint, read, position.x_advance * scale)
        for info, position, read in zip(infos, positions, reads, strict=True)
    )


def _reads(text: str, clusters: list[int], ends: list[int]) -> list[str]:
    """What each glyph reads as: a cluster's characters dealt out to its glyphs in drawing
    order, one each and the rest to the last, so that read in drawing order they spell the
    cluster as typed (ि drawn before स still reads "सि"); a glyph beyond them reads as none."""
    reads = []
    for index, cluster in enumerate(clusters):
        chars = text[cluster : ends[ends.index(cluster) + 1]]
        nth = sum(1 for c in clusters[:index] if c == cluster)
        last = index + 1 == len(clusters) or clusters[index + 1] != cluster
        reads.append(chars[nth:] if last else chars[nth : nth + 1])
    return reads


def _glyph(face_name: str, glyph: int, cluster: str, advance: float) -> str:
    key = (face_name, glyph, cluster, advance)
    char = _glyphs.get(key)
    if char is None:
        char = _glyphs[key] = chr(FIRST_PRIVATE + len(_glyphs))
        face = pdfmetrics.getFont(face_name).face
        face.charToGlyph[ord(char)] = glyph
        face.charWidths[ord(char)] = advance
        TEXT_OF[ord(char)] = cluster
    return char
