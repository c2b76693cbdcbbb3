"""Liberation Serif for the PDF letter, embedded as subsets that are built once per process.

reportlab embeds a TrueType face as subsets of up to 256 characters and builds each one
when the document is saved: it subsets the hinted font and deflates it, then writes the
widths and a ToUnicode map number by number, all in pure Python. For three faces that was
about half the time of a letter. Face builds a subset's objects once and reuses them for as
long as the subset stays the same, and it stays the same for any letter in a Latin script:
the first subset's codes are fixed before any text is drawn (see _repertoire).
"""

import unicodedata
import zlib
from pathlib import Path
from typing import Any, NamedTuple

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFStream
from reportlab.pdfbase.pdfdoc import PDFTrueTypeFont as PDFFont
from reportlab.pdfbase.ttfonts import (
    FF_NONSYMBOLIC,
    FF_SYMBOLIC,
    SUBSETN,
    TTFont,
)

# What a character drawn in place of others reads as (pdf_shaping: a shaped glyph reads as
# its cluster's characters, or as nothing after the cluster's first glyph).
TEXT_OF: dict[int, str] = {}
SUBSET_CACHE_SIZE = 8  # subsets kept per face, about 40 KB each
WIDTHS_PER_LINE = 16
# The first subset's fixed repertoire, in order of priority: what does not fit is cut.
LATIN_1 = "".join(map(chr, range(0xA1, 0x100)))
PUNCTUATION = "‐–—‘’‚“”„†‡•…‰‹›€™′″"
LATIN_EXTENDED = "ŒœŁłŚśŹźŻżĆćŃńĄąĘęČčŠšŽžŘřĚěŮůĎďŤťŇňŐőŰűĞğİıŞşĀāĒēĪīŌōŪūĂăȘșȚț"
SUBSET_SLOTS = 31 + 128  # codes 1-31 and 128-255 of a first subset: ASCII keeps 32-127

# Text-string escapes: reportlab writes page content as Latin-1 text, so codes outside
# printable ASCII go in octal, as do the string delimiters.
ESCAPES = {code: f"\\{code:03o}" for code in (*range(32), *range(127, 256))}
ESCAPES |= {ord("("): "\\(", ord(")"): "\\)", ord("\\"): "\\\\"}


class _Subset(NamedTuple):
    """What a subset adds to a PDF, formatted: the same bytes in every document."""

    base_name: str
    widths: bytes
    cmap: bytes  # deflated
    file: bytes  # deflated
    file_length: int


class Face(TTFont):
    """A TrueType face that keeps the subsets it has embedded."""

    def __init__(self, name: str, path: Path) -> None:
        # asciiReadable: printable ASCII is its own code in subset 0, which encode relies on.
        super().__init__(name, str(path), asciiReadable=1)
        self.repertoire = _repertoire(self.face.charToGlyph)
        self._subsets: dict[tuple[int, tuple[int, ...]], _Subset] = {}

    def start(self, doc: Any) -> None:
        """Give the repertoire its fixed codes in doc; before any text is drawn in this face."""
        self.splitString(self.repertoire, doc)

    def encode(self, text: str, doc: Any) -> list[tuple[int, str]]:
        """Text as (subset, escaped string) pieces for the Tj operator."""
        if text.isascii() and text.isprintable():
            return [(0, text.translate(ESCAPES))]  # most text: no per-character lookups
        pieces = self.splitString(text, doc)
        return [(subset, codes.decode("latin-1").translate(ESCAPES)) for subset, codes in pieces]

    def addObjects(self, doc: Any) -> None:
        """Called by reportlab on save, as TTFont.addObjects, but from cached subsets."""
        state = self.state[doc]
        state.frozen = 1
        for number, codes in enumerate(state.subsets):
            name = self.getSubsetInternalName(number, doc)[1:]
            font = self._font(doc, self._subset(number, codes))
            font.Name, font.LastChar = name, len(codes) - 1
            doc.Reference(font, name)
            doc.idToObject["BasicFonts"].dict[name] = font
        del self.state[doc]

    def _subset(self, number: int, codes: list[int]) -> _Subset:
        key = (number, tuple(codes))
        if key not in self._subsets:
            if len(self._subsets) >= SUBSET_CACHE_SIZE:
                self._subsets.clear()
            self._subsets[key] = _build(self.face, number, codes)
        return self._subsets[key]

    def _font(self, doc: Any, subset: _Subset) -> Any:
        # Fresh objects for each document: reportlab stores the document's names in them.
        base = subset.base_name
        file = _stream(subset.file, Length1=subset.file_length)
        file_ref = doc.Reference(file, f"fontFile:{self.face.filename}({base})")
        descriptor = _descriptor(self.face, base, file_ref)
        font = PDFFont()
        font.BaseFont, font.FirstChar, font.Widths = base, 0, subset.widths
        font.ToUnicode = doc.Reference(_stream(subset.cmap), f"toUnicodeCMap:{base}")
        font.FontDescriptor = doc.Reference(descriptor, f"fontDescriptor:{base}")
        return font


def _build(face: Any, number: int, codes: list[int]) -> _Subset:
    base = (SUBSETN(number) + b"+" + face.name + face.subfontNameX).decode("latin-1")
    data = face.makeSubset(codes)
    cmap = _to_unicode(base, codes).encode("latin-1")
    return _Subset(base, _widths(face, codes), zlib.compress(cmap), zlib.compress(data), len(data))


def _to_unicode(base: str, codes: list[int]) -> str:
    """The subset's ToUnicode CMap, as reportlab's makeToUnicodeCMap writes it, except that
    a joined Arabic form (a presentation form, drawn in place of the letter: pdf_scripts)
    reads back as its letter (its letters, for a lam-alef), a shaped glyph as TEXT_OF
    says (a glyph that reads as nothing has no entry: the piece it is drawn in carries its
    text in an /ActualText span, pdf_tags.actual_text), and a character beyond the Basic
    Multilingual Plane is written in UTF-16 (a surrogate pair) as PDF requires."""
    head = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({base})",
        f"/Ordering ({base})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{base} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(codes) - 1:02X}>",
        "endcodespacerange",
    ]
    meanings = [(i, _meaning(code)) for i, code in enumerate(codes)]
    chars = [
        f"<{i:02X}> <{text.encode('utf-16-be').hex().upper()}>" for i, text in meanings if text
    ]
    head.append(f"{len(chars)} beginbfchar")
    tail = ["endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(head + chars + tail)


def _meaning(code: int) -> str:
    if code in TEXT_OF:
        return TEXT_OF[code]
    char = chr(code)
    if 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF:  # Arabic presentation forms
        letters = unicodedata.normalize("NFKC", char)
        # A ligature (lam-alef) is drawn in a right-to-left run, which the readers (pdfium,
        # pdf.js) reverse character by character after expanding it: its letters are given
        # in drawn order so that reversed they read as typed.
        return letters[::-1] if len(letters) > 1 else letters
    return char


def _widths(face: Any, codes: list[int]) -> bytes:
    widths = [fp_str(face.getCharWidth(code)) for code in codes]
    step = WIDTHS_PER_LINE
    rows = (" ".join(widths[i : i + step]) for i in range(0, len(widths), step))
    return b"[ " + "\n".join(rows).encode() + b" ]"


def _stream(deflated: bytes, **entries: int) -> PDFStream:
    # A stream that names its filter is written as is, not deflated again.
    stream = PDFStream(PDFDictionary({**entries, "Filter": PDFName("FlateDecode")}))
    stream.content = deflated
    return stream


def _descriptor(face: Any, base: str, file_ref: Any) -> PDFDictionary:
    # As reportlab's TTFontFace.addSubsetObjects writes it: a subset has its own encoding,
    # so the face is declared symbolic.
    return PDFDictionary(
        {
            "Type": "/FontDescriptor",
            "Ascent": face.ascent,
            "CapHeight": face.capHeight,
            "Descent": face.descent,
            "Flags": face.flags & ~FF_NONSYMBOLIC | FF_SYMBOLIC,
            "FontBBox": PDFArray(face.bbox),
            "FontName": PDFName(base),
            "ItalicAngle": face.italicAngle,
            "StemV": face.stemV,
            "FontFile2": file_ref,
            "MissingWidth": face.defaultWidth,
        }
    )


def _repertoire(glyphs: dict[int, int]) -> str:
    """Exactly enough accented letters and punctuation to fill the first subset's free
    codes, so a letter's other characters start a second subset instead of changing it."""
    chars = dict.fromkeys(c for c in LATIN_1 + PUNCTUATION + LATIN_EXTENDED if ord(c) in glyphs)
    return "".join(chars)[:SUBSET_SLOTS]
