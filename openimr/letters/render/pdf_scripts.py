"""Scripts Liberation Serif does not have (Arabic, Armenian, Chinese, Japanese, Korean,
Devanagari, ...), drawn in fallback faces, so that no name prints blank.

Each character is drawn by the first face that has it: the run's own Liberation Serif face
first, so a letter in a Latin, Greek, Cyrillic or Hebrew script is drawn exactly as before;
then FALLBACKS, in order. The fallback faces are loaded only when a letter needs one.

Runs in the Arabic face and the SHAPED faces (Indic and Southeast Asian scripts) are
shaped by HarfBuzz (pdf_shaping): Arabic letters take their joined forms, lam-alef its
ligature. So is a word whose letters carry marks (Hebrew points, Arabic vowel marks, an
accent no precomposed letter has), so that each mark sits on its letter. Text is drawn in
NFC (composed) form, so "Nguyễn" typed as e and two combining accents prints as the
letter ễ. The fallback faces are regular only: pdf.py emboldens them in a bold run.

A character that no face has is drawn as a box, never left out: the reader sees that
something is there, the text read from the PDF keeps the character, and the letter's text
and HTML versions print it. pdf.missing_characters names where a letter has one.
"""

import logging
import re
import unicodedata
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from bidi import get_display
from reportlab.pdfbase import pdfmetrics

from openimr.letters.render.pdf_fonts import Face
from openimr.letters.render.pdf_shaping import shaped

FONT_DIR = Path(__file__).resolve().parents[1] / "fonts"
# (face name, file): Noto faces (OFL) for the alphabets, Droid Sans Fallback (Apache 2.0)
# for Chinese, Japanese kana and Korean Hangul. Serif designs where Noto has them, to sit
# beside Liberation Serif.
FALLBACKS = (
    ("NotoNaskhArabic", "NotoNaskhArabic-Regular.ttf"),  # Arabic, Persian, Urdu
    ("NotoSerifArmenian", "NotoSerifArmenian-Regular.ttf"),
    ("NotoSerifDevanagari", "NotoSerifDevanagari-Regular.ttf"),  # Hindi, Marathi, Nepali
    ("NotoSerifGurmukhi", "NotoSerifGurmukhi-Regular.ttf"),  # Punjabi
    ("NotoSerifThai", "NotoSerifThai-Regular.ttf"),
    ("NotoSerifLao", "NotoSerifLao-Regular.ttf"),
    ("NotoSerifKhmer", "NotoSerifKhmer-Regular.ttf"),
    ("NotoSerifGeorgian", "NotoSerifGeorgian-Regular.ttf"),
    ("DroidSansFallback", "DroidSansFallback.ttf"),  # Han, kana, Hangul syllables
)
# Faces whose runs HarfBuzz shapes (pdf_shaping): their letters reorder and join.
SHAPED = {
    "NotoSerifDevanagari",
    "NotoSerifGurmukhi",
    "NotoSerifThai",
    "NotoSerifLao",
    "NotoSerifKhmer",
}
# The letters of the scripts written right to left: Hebrew, Arabic, Syriac, Thaana, N'Ko,
# Samaritan, Mandaic and their presentation forms.
_RTL = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc"
_RIGHT_TO_LEFT = re.compile(f"[{_RTL}]")
# What HarfBuzz must shape outside the SHAPED faces: Arabic letters (they join), and marks
# that sit on a letter (combining accents, Hebrew points, Arabic vowel marks, Syriac, ...).
_SHAPE = re.compile(
    "[\u0300-\u036f\u0591-\u05c7\u0600-\u06ff\u0700-\u074f\u0750-\u077f\u08a0-\u08ff"
    "\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
)
# A word as HarfBuzz gets it: a right-to-left one (joiners and marks inside it), or any other.
_WORD = re.compile(f"[{_RTL}\u200c\u200d]+|[^\\s{_RTL}]+")
# Marks and joiners go with the letter before them, when its face has them.
_ATTACHED = {"Mn", "Me", "Mc"}
log = logging.getLogger("openimr.letters")
BOX = "\u25a1"
_BOXED: set[str] = set()  # characters drawn as BOX: the faces' maps now hold them


def visual(text: str) -> str:
    """A run in NFC form and in the order its glyphs are drawn, left to right: a
    right-to-left stretch (a Hebrew name) reversed by the Unicode bidirectional algorithm
    (UAX #9), in a line that reads left to right. PDF text is drawn in the order given; no
    viewer reorders it."""
    if text.isascii():
        return text
    text = unicodedata.normalize("NFC", text)
    if not _RIGHT_TO_LEFT.search(text):
        return text
    return str(get_display(text, base_dir="L"))


@cache
def _fallback(name: str) -> Face:
    face = Face(name, FONT_DIR / dict(FALLBACKS)[name])
    pdfmetrics.registerFont(face)
    return face


def _has(name: str, char: str) -> bool:
    return ord(char) in pdfmetrics.getFont(name).face.charToGlyph


@cache
def _fallback_for(char: str) -> str | None:
    """The first fallback face that has char, loading faces only as far as needed."""
    return next(
        (name for name, _ in FALLBACKS if ord(char) in _fallback(name).face.charToGlyph), None
    )


def _face_for(font: str, char: str, previous: str | None) -> str | None:
    """The face that draws char in a run of font; None: leave it out (an invisible format
    character, a joiner or a direction mark, that no face at hand has)."""
    if _has(font, char):
        return font
    if previous and unicodedata.category(char) in _ATTACHED and _has(previous, char):
        return previous
    found = _fallback_for(char)
    if found:
        return found
    if unicodedata.category(char) == "Cf":
        return None
    _box(font, char)
    return font


def _box(font: str, char: str) -> None:
    """Draw char, which no face has, as a white square (U+25A1) in font: a face's own
    missing-glyph sign is blank in Liberation Serif, and a blank is what must not happen.
    The PDF's text still reads char (its ToUnicode map is by character, pdf_fonts)."""
    face = pdfmetrics.getFont(font).face
    if ord(char) not in face.charToGlyph:
        log.warning("no face has U+%04X: the PDF letter prints a box for it", ord(char))
        _BOXED.add(char)
        face.charToGlyph[ord(char)] = face.charToGlyph[ord(BOX)]
        face.charWidths[ord(char)] = face.charWidths[ord(BOX)]


def covered(font: str, text: str) -> bool:
    """Whether font itself has every character of text: nothing to fall back for."""
    glyphs = pdfmetrics.getFont(font).face.charToGlyph
    return all(ord(char) in glyphs for char in text)


def segments(font: str, text: str) -> list[tuple[str, str]]:
    """text (visual) cut into (face, text) pieces, each character in the first face that
    has it, shaped where it needs to be."""
    if text.isascii():
        return [(font, text)]
    if covered(font, text):
        return [(font, _shaped(font, text))]
    faces: list[str | None] = []
    for char in text:
        faces.append(_face_for(font, char, next((f for f in reversed(faces) if f), None)))
    pieces: list[tuple[str, str]] = []
    for char, face in zip(text, _joined(text, faces), strict=True):
        if face is None:
            continue
        if pieces and pieces[-1][0] == face:
            pieces[-1] = (face, pieces[-1][1] + char)
        else:
            pieces.append((face, char))
    return [(face, _shaped(face, piece)) for face, piece in pieces]


def _shaped(face: str, text: str) -> str:
    """text (visual) as face draws it: the whole of it shaped in a SHAPED face; elsewhere
    each word that has Arabic letters or marks, a right-to-left one given to HarfBuzz in the
    order it was typed (HarfBuzz gives its glyphs back in drawing order)."""
    if face in SHAPED:
        return shaped(face, _path(face), text)
    if not _SHAPE.search(text):
        return text
    return _WORD.sub(lambda word: _shaped_word(face, word.group()), text)


def _shaped_word(face: str, word: str) -> str:
    if not _SHAPE.search(word):
        return word
    return shaped(face, _path(face), word[::-1] if _RIGHT_TO_LEFT.match(word) else word)


def _path(face: str) -> Path:
    return Path(pdfmetrics.getFont(face).face.filename)


def _joined(text: str, faces: list[str | None]) -> list[str | None]:
    """A space between two words of one fallback face is drawn in that face too, so that a
    right-to-left name ("محمد العلي") is one string in the PDF: a viewer that reads the
    text back reverses each string, and the words would otherwise come out in drawn order."""
    joined = list(faces)
    for index, char in enumerate(text):
        if char != " " or not 0 < index < len(text) - 1:
            continue
        before, after = faces[index - 1], faces[index + 1]
        if before and before == after and before != faces[index] and _has(before, char):
            joined[index] = before
    return joined


def width(text: str, font: str, size: float) -> float:
    """The width of text as drawn: shaped, each piece in its face."""
    if text.isascii():
        return float(pdfmetrics.stringWidth(text, font, size))
    return sum(pdfmetrics.stringWidth(t, f, size) for f, t in segments(font, visual(text)))


def unprintable(text: str, primary: str) -> Iterator[str]:
    """The characters of text that neither primary (a registered face) nor a fallback face
    has, invisible format characters aside."""
    for char in dict.fromkeys(unicodedata.normalize("NFC", text)):
        if char.isspace() or char.isascii() or unicodedata.category(char) == "Cf":
            continue
        if char in _BOXED or (not _has(primary, char) and not _fallback_for(char)):
            yield char
