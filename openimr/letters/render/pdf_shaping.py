"""Shaping for the scripts whose letters change form and order as they are written
(Devanagari, Gurmukhi, Khmer, Thai, Lao, Arabic) and for marks set on a letter (Hebrew
points, Arabic vowel marks, a combining accent), with HarfBuzz.

reportlab draws one glyph per character. In Hindi "सिंह" the vowel sign ि is drawn before
the consonant it follows in the text, and consonants join into conjuncts: drawn character
by character the name is misspelt. HarfBuzz turns a run into the face's glyphs, in drawing
order; each glyph is given a private character of its own (a code in plane 15 that the
face's maps send to the glyph and its advance), so the PDF embeds and draws exactly those
glyphs. The PDF's text maps the glyphs of each cluster to the cluster's characters (_reads),
so the text reads back as typed.

A mark is moved onto its letter by HarfBuzz's offsets: across, by the widths of the glyphs
around it (each private character has its own width, and the glyphs are drawn in the order
of where they start, since a PDF reader (pdfium) takes no width below nothing); up or down,
by the text rise, which RISES holds for the characters that have one (pdf._Text). A
right-to-left word comes back from HarfBuzz in drawing order, right to left in the text.
"""

import unicodedata
from collections.abc import Iterator
from functools import cache
from itertools import pairwise
from operator import itemgetter
from pathlib import Path
from typing import Any

import uharfbuzz as hb
from reportlab.pdfbase import pdfmetrics

from openimr.letters.render.pdf_fonts import TEXT_OF

FIRST_PRIVATE = 0xF0000  # Supplementary Private Use Area-A: no text uses it in a letter
# (face, glyph, cluster text, width, rise) -> its character
_glyphs: dict[tuple[str, int, str, float, float], str] = {}
# How far HarfBuzz raises a private character's glyph above the baseline (a mark onto its
# letter), in thousandths of the font size; drawn with the text rise (pdf._Text).
RISES: dict[int, float] = {}


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
    # [start, glyph, cluster, takes no room, rise]; start and rise in thousandths of an em
    glyphs = [
        [x * scale, info.codepoint, info.cluster, p.x_advance == 0, p.y_offset * scale]
        for x, info, p in zip(_starts(positions), infos, positions, strict=True)
    ]
    ends = _drawn_in_order(glyphs, sum(p.x_advance for p in positions) * scale)
    clusters = [glyph[2] for glyph in glyphs]
    if buffer.direction == "rtl":
        reads = _read_by_kind(text, clusters, [glyph[3] for glyph in glyphs])
    else:
        reads = _reads(text, clusters, sorted(set(clusters) | {len(text)}))
    return "".join(
        _glyph(face_name, glyph, read, next_start - start, rise)
        for (start, glyph, _, _, rise), read, next_start in zip(glyphs, reads, ends, strict=True)
    )


def _drawn_in_order(glyphs: list[list[Any]], end: float) -> list[float]:
    """Where each glyph ends, drawn left to right from where it starts: a cluster's glyphs
    in the order of their starts (a mark moved back onto its letter before a mark drawn
    ahead of it), and none past the start of the glyph after it (the word's next letter,
    the space after it), so no glyph is narrower than nothing."""
    first = 0
    for index in range(1, len(glyphs) + 1):
        if index == len(glyphs) or glyphs[index][2] != glyphs[first][2]:
            glyphs[first:index] = sorted(glyphs[first:index], key=itemgetter(0))
            first = index
    limit = end
    for glyph in reversed(glyphs):
        glyph[0] = limit = min(glyph[0], limit)
    return [glyph[0] for glyph in glyphs[1:]] + [end]


def _starts(positions: Any) -> Iterator[float]:
    """Where each glyph starts, in font units: where the one before it ends, moved by its
    own x offset (a mark onto its letter)."""
    pen = 0
    for position in positions:
        yield pen + position.x_offset
        pen += position.x_advance


def _read_by_kind(text: str, clusters: list[int], marks: list[bool]) -> list[str]:
    """What each glyph of a right-to-left run reads as: within a cluster, its marks (a
    vowel point) go to the glyphs that take no room, in order, its letters to the others,
    and what is left to the last glyph, each glyph's characters reversed as the run is
    drawn. A reader (pdfium) reverses the letters of a right-to-left word drawn left to
    right."""
    ends = sorted(set(clusters) | {len(text)})
    reads = [""] * len(clusters)
    for start, end in pairwise(ends):
        glyphs = [index for index, cluster in enumerate(clusters) if cluster == start]
        for kind in (False, True):
            chars = [c for c in text[start:end] if _is_mark(c) is kind]
            own = [index for index in glyphs if marks[index] is kind] or glyphs[-1:]
            for index, char in zip(own, chars, strict=False):
                reads[index] += char
            reads[own[-1]] += "".join(chars[len(own) :])
    return [read[::-1] for read in reads]


def _is_mark(char: str) -> bool:
    return unicodedata.category(char) in {"Mn", "Me"}


def _reads(text: str, clusters: list[int], ends: list[int]) -> list[str]:
    """What each glyph reads as: a cluster's characters dealt out to its glyphs in drawing
    order, one each and the rest to the last, so that read in drawing order (left to right,
    as a reader such as pdfium takes them) they spell the cluster as typed (ि drawn before
    स still reads "सि"); a glyph beyond them reads as none."""
    reads = []
    for index, cluster in enumerate(clusters):
        chars = text[cluster : ends[ends.index(cluster) + 1]]
        nth = sum(1 for c in clusters[:index] if c == cluster)
        last = index + 1 == len(clusters) or clusters[index + 1] != cluster
        reads.append(chars[nth:] if last else chars[nth : nth + 1])
    return reads


def _glyph(face_name: str, glyph: int, cluster: str, width: float, rise: float) -> str:
    key = (face_name, glyph, cluster, width, rise)
    char = _glyphs.get(key)
    if char is None:
        char = _glyphs[key] = chr(FIRST_PRIVATE + len(_glyphs))
        face = pdfmetrics.getFont(face_name).face
        face.charToGlyph[ord(char)] = glyph
        face.charWidths[ord(char)] = width
        TEXT_OF[ord(char)] = cluster
        if rise:
            RISES[ord(char)] = rise
    return char
