"""Scripts Liberation Serif does not have (Arabic, Armenian, Chinese, Japanese, Korean,
Devanagari, ...), drawn in fallback faces, so that no name prints blank.

Each character is drawn by the first face that has it: the run's own Liberation Serif face
first, so a letter in a Latin, Greek, Cyrillic or Hebrew script is drawn exactly as before;
then FALLBACKS, in order. The fallback faces are loaded only when a letter needs one.

Arabic letters take their joined forms (initial, medial, final) before they are reordered
and drawn: reportlab draws one glyph per character and does no shaping, so arabic-reshaper
turns them into Unicode's presentation forms, which the Arabic face has. Their ToUnicode map
(pdf_fonts) gives the letters back, so text read from the PDF is the name as typed. Runs in
the SHAPED faces (Indic and Southeast Asian scripts) are shaped by HarfBuzz (pdf_shaping).
The fallback faces are regular only: a bold or italic run draws their letters upright.

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

from arabic_reshaper import ArabicReshaper
from arabic_reshaper.ligatures import LIGATURES
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
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")
# Only the lam-alef ligatures are obligatory in Arabic writing; the others (a word such as
# "Allah" as one sign) would change how a name looks, so they stay off.
_OBLIGATORY = re.compile(r"ARABIC LIGATURE LAM WITH ALEF( WITH (HAMZA|MADDA) \w+)?$")
_RESHAPER = ArabicReshaper(
    configuration={
        # Keep the vowel marks: a name is printed as it was typed.
        "delete_harakat": False,
        **{name: bool(_OBLIGATORY.match(name)) for name, _ in LIGATURES},
    }
)
# Marks and joiners go with the letter before them, when its face has them.
_ATTACHED = {"Mn", "Me", "Mc"}
log = logging.getLogger("openimr.letters")
BOX = "\u25a1"
_BOXED: set[str] = set()  # characters drawn as BOX: the faces' maps now hold them


def shape(text: str) -> str:
    """Arabic letters in their joined forms; other text unchanged."""
    if text.isascii() or not _ARABIC.search(text):
        return text
    return str(_RESHAPER.reshape(text))


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
    """text cut into (face, text) pieces, each character in the first face that has it."""
    if text.isascii() or covered(font, text):
        return [(font, text)]
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
    return shaped(face, FONT_DIR / dict(FALLBACKS)[face], text) if face in SHAPED else text


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
    return sum(pdfmetrics.stringWidth(t, f, size) for f, t in segments(font, shape(text)))


def unprintable(text: str, primary: str) -> Iterator[str]:
    """The characters of text that neither primary (a registered face) nor a fallback face
    has, invisible format characters aside."""
    for char in dict.fromkeys(text):
        if char.isspace() or char.isascii() or unicodedata.category(char) == "Cf":
            continue
        if char in _BOXED or (not _has(primary, char) and not _fallback_for(char)):
            yield char
