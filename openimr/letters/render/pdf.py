"""PDF letter: US Letter pages, Liberation Serif embedded, a case-number footer on each page.
Characters Liberation Serif lacks (Arabic, CJK, ...) are drawn in fallback faces (pdf_scripts),
emboldened in a bold run (docs/decisions/0009-bold-names-in-other-scripts.md).

The letter is set by pdf_layout's line breaker and drawn straight onto a reportlab canvas as
PDF text operators, in faces from pdf_fonts. No markup is parsed, so names and clinical text
print exactly as typed, "<" and "&" included. Each line is drawn inside the marked content
of the structure element it belongs to, and the footer as an artifact (pdf_tags: a tagged
PDF, for a screen reader). The output is byte-for-byte deterministic (reportlab's invariant
mode), so an issued letter can be hashed.
"""

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache
from io import BytesIO
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.units import inch
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from openimr.letters.domain.content import BulletList, Field, Letter, Paragraph, Section
from openimr.letters.render.pdf_fonts import Face
from openimr.letters.render.pdf_layout import Line, Placed, Row, Run, Span, paginate, wrap
from openimr.letters.render.pdf_scripts import segments, unprintable, visual
from openimr.letters.render.pdf_shaping import RISES
from openimr.letters.render.pdf_tags import LANGUAGE, PDF_VERSION, Element, Tags, actual_text
from openimr.letters.render.pdf_window import BAND, address_block

FONT_DIR = Path(__file__).resolve().parents[1] / "fonts"
FAMILY = "LiberationSerif"
BOLD = f"{FAMILY}-Bold"
ITALIC = f"{FAMILY}-Italic"
FACES = {FAMILY: "Regular", BOLD: "Bold", ITALIC: "Italic"}

PAGE_WIDTH, PAGE_HEIGHT = LETTER
MARGIN = inch
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN
LABEL_WIDTH = 1.9 * inch
VALUE_WIDTH = TEXT_WIDTH - LABEL_WIDTH
COLUMN_GAP = 6.0
MARKER_INDENT = 4.0
ENTRY_INDENT = 20.0
HEADER_SPACE = 12.0  # between the title and the header fields
FOOTER_Y = 0.55 * inch
FOOTER_SIZE = 9.0
DRAFT = "DRAFT, not issued"  # before the footer of each page of a draft
# A fallback face has no bold: in a bold run its glyphs are filled and stroked (text render
# mode 2) with a line this wide, in ems. Measured on the rendered page, it adds as much ink
# to a Chinese, Arabic, Armenian or Hindi name (x1.5) as Liberation Serif Bold adds to a
# Latin one over Regular.
BOLD_STROKE = 0.04
# Shaped glyphs are private characters (pdf_shaping): only a run with one can have a rise.
_RAISED = re.compile("[\U000f0000-\U000fffff]")
LINE_HEIGHT = 1.3  # leading as a multiple of the font size
BULLET = "\u2022"


@dataclass(frozen=True)
class Style:
    """How a kind of block is set: face, size, space above, and how many rows after its
    last line must share that line's page (0: the block may break anywhere)."""

    font: str
    size: float
    space_before: float = 0.0
    keep: int = 0

    @property
    def leading(self) -> float:
        return round(LINE_HEIGHT * self.size, 2)


ORGANIZATION = Style(BOLD, 13)
TITLE = Style(BOLD, 15, space_before=2)
FIELD = Style(FAMILY, 10.5, space_before=1.5)
HEADING = Style(BOLD, 11, space_before=14, keep=2)
BODY = Style(FAMILY, 10.5, space_before=6)
ITEM = Style(BOLD, 10.5, space_before=10, keep=1)
NOTE = Style(ITALIC, 10.5, space_before=6)
ENTRY = Style(FAMILY, 10.5, space_before=3)
ROLES = {"item": ITEM, "note": NOTE}


@cache
def fonts() -> dict[str, Face]:
    """The faces, registered once per process: a TrueType font parses its file when loaded.
    Built-in Helvetica/Times know only Latin-1: "Zoë Łukasiewicz" would lose the "Ł"."""
    # ASCII85 only keeps binary streams 7-bit clean, for a quarter more bytes and an encoding
    # pass in pure Python. Process-wide, but nothing else in openimr uses reportlab.
    rl_config.useA85 = 0
    loaded = {
        name: Face(name, FONT_DIR / f"LiberationSerif-{kind}.ttf") for name, kind in FACES.items()
    }
    for face in loaded.values():
        pdfmetrics.registerFont(face)
    return loaded


def _wrapped(spans: Sequence[Span], size: float, width: float) -> list[tuple[Run, ...]]:
    """The spans wrapped, each line but the last ending in a drawn space: pdfium, and so
    `openimr letter parse`, keeps a line's trailing space, the one signal a PDF's text gives
    that the paragraph goes on (parsing/text.py). Without it a rationale that does not end
    in a full stop ran on into the next item's heading. The space draws nothing."""
    lines = wrap(spans, size, width)
    return [(*runs[:-1], (runs[-1][0], f"{runs[-1][1]} ")) for runs in lines[:-1]] + lines[-1:]


def _block(spans: Sequence[Span], style: Style, tag: Element) -> list[Row]:
    lines = _wrapped(spans, style.size, TEXT_WIDTH)
    space = [style.space_before] + [0.0] * (len(lines) - 1)
    return [
        Row(
            (Line(MARGIN, runs, tag),),
            style.size,
            style.leading,
            space[i],
            _keep(style, len(lines), i),
        )
        for i, runs in enumerate(lines)
    ]


def _keep(style: Style, count: int, index: int) -> int:
    """Rows after line index of count that must share its page: all the block's rest and
    style.keep more for a kept block; for others, the second line with the first, as
    platypus did (no paragraph starts with a lone line at the foot of a page)."""
    if style.keep:
        return count - 1 - index + style.keep
    return 1 if index == 0 and count > 1 else 0


Cell = tuple[float, list[tuple[Run, ...]], Element]
"""A column's left edge, its lines, and the structure element they belong to."""


def _columns(cells: Sequence[Cell], style: Style) -> list[Row]:
    """Cells side by side, each wrapped to its own column: row i holds each one's line i."""
    depth = max((len(lines) for _, lines, _ in cells), default=0)
    return [
        Row(
            tuple(Line(x, lines[i], tag) for x, lines, tag in cells if i < len(lines)),
            style.size,
            style.leading,
            style.space_before if i == 0 else 0.0,
        )
        for i in range(depth)
    ]


def _field(field: Field, tags: Tags) -> list[Row]:
    """A header field, tagged as one paragraph "Label: value": it reads as the text letter
    prints it, in one breath, where a table would announce a row and column per field."""
    label = wrap([Span(BOLD, f"{field.label}:")], FIELD.size, LABEL_WIDTH - COLUMN_GAP)
    value = _wrapped([Span(FAMILY, field.value)], FIELD.size, VALUE_WIDTH)
    tag = tags.document.add("P")
    return _columns([(MARGIN, label, tag.part()), (MARGIN + LABEL_WIDTH, value, tag.part())], FIELD)


def _header(fields: Sequence[Field], tags: Tags) -> list[Row]:
    rows = [row for field in fields for row in _field(field, tags)]
    return [replace(rows[0], space_before=HEADER_SPACE), *rows[1:]] if rows else []


def _paragraph(p: Paragraph, tags: Tags) -> list[Row]:
    """The paragraph filled to the width; one written line by line fills each of its lines
    on its own, the first as far from the block above as paragraphs are apart. An item's
    line ("Treatment: Upheld") opens that item's rationale: tagged as a third-level
    heading, a screen reader moves from item to item as a sighted reader scans the bold."""
    style = ROLES.get(p.role, BODY)
    tag = tags.document.add("H3" if style is ITEM else "P")
    label = [Span(BOLD, p.label)] if p.label else []
    first, *rest = p.lines
    rows = _block([*label, Span(style.font, first)], style, tag)
    tight = replace(style, space_before=0.0)
    for line in rest:
        rows += _block([Span(style.font, line)], tight, tag)
    return rows


def _bullets(block: BulletList, tags: Tags) -> Iterator[Row]:
    width = TEXT_WIDTH - ENTRY_INDENT
    numbering = "Decimal" if block.ordered else "Disc"
    listed = tags.document.add("L", O="List", ListNumbering=numbering)
    for number, entry in enumerate(block.entries, start=1):
        marker: list[tuple[Run, ...]] = [((FAMILY, f"{number}." if block.ordered else BULLET),)]
        text = _wrapped([Span(FAMILY, entry)], ENTRY.size, width)
        item = listed.add("LI")
        cells = [
            (MARGIN + MARKER_INDENT, marker, item.add("Lbl")),
            (MARGIN + ENTRY_INDENT, text, item.add("LBody")),
        ]
        # The first entry is as far from the paragraph above as paragraphs are apart.
        style = ENTRY if number > 1 else replace(ENTRY, space_before=BODY.space_before)
        yield from _columns(cells, style)


def _section(section: Section, tags: Tags) -> Iterator[Row]:
    yield from _block([Span(BOLD, section.heading)], HEADING, tags.document.add("H2"))
    for block in section.blocks:
        if isinstance(block, Paragraph):
            yield from _paragraph(block, tags)
        else:
            yield from _bullets(block, tags)


def _rows(letter: Letter, tags: Tags, mailing: Sequence[str]) -> tuple[list[Row], list[Placed]]:
    """The letter's rows, and its structure in tags, in reading order; and the recipient's
    address block of a mailed copy, read after the title as a letter's inside address."""
    rows = _block([Span(BOLD, letter.organization)], ORGANIZATION, tags.document.add("P"))
    title = f"{letter.title} (draft, not issued)" if letter.draft else letter.title
    rows += _block([Span(BOLD, title)], TITLE, tags.document.add("H1"))
    window = address_block(mailing, FAMILY, tags.document.add("P")) if mailing else []
    rows += _header(letter.header, tags)
    for section in letter.sections:
        rows.extend(_section(section, tags))
    return rows, window


class _Text:
    """One page's text as a single PDF text object. reportlab's TextObject would escape,
    measure and re-select the font for every string; here a font is selected only when it
    changes and nothing is measured twice."""

    def __init__(self, doc: Any, tags: Tags) -> None:
        self.doc = doc
        self.tags = tags
        self.ops = ["BT"]
        self.font: tuple[str, float] | None = None

    def line(self, line: Line, size: float, baseline: float) -> None:
        # In its element's marked content: bold runs and fallback faces included.
        self.ops.extend(self.tags.enter(line.tag))
        self.ops.append(f"1 0 0 1 {line.x:.2f} {baseline:.2f} Tm")
        for font, text in line.runs:
            for face, piece in segments(font, visual(text)):
                bold = font == BOLD and face not in FACES
                # On lines of their own, as the tags' operators are (one per line).
                spoken = actual_text(piece) if _RAISED.search(piece) else None
                if spoken:
                    self.ops.append(f"/Span <</ActualText {spoken}>> BDC")
                if bold:
                    self.ops.append(f"2 Tr {BOLD_STROKE * size:.2f} w")
                self.run(pdfmetrics.getFont(face), piece, size)
                if bold:
                    self.ops.append("0 Tr")
                if spoken:
                    self.ops.append("EMC")

    def run(self, font: Face, text: str, size: float) -> None:
        pieces = _placed(text) if _RAISED.search(text) else ((text, 0.0),)
        for piece, rise in pieces:
            for subset, chunk in font.encode(piece, self.doc):
                name = font.getSubsetInternalName(subset, self.doc)
                if self.font != (name, size):
                    self.ops.append(f"{name} {size:g} Tf")
                    self.font = (name, size)
                self.ops.extend(_shown(chunk, rise, size))

    def code(self) -> str:
        return "\n".join([*self.ops, *self.tags.close(), "ET"])


def _placed(text: str) -> Iterator[tuple[str, float]]:
    """text in pieces drawn on the baseline, and the glyphs HarfBuzz raises or lowers (a
    mark onto its letter, pdf_shaping.RISES) one by one with their rise."""
    start = 0
    for index, char in enumerate(text):
        rise = RISES.get(ord(char), 0.0)
        if rise:
            if start < index:
                yield text[start:index], 0.0
            yield char, rise
            start = index + 1
    if start < len(text):
        yield text[start:], 0.0


def _shown(chunk: str, rise: float, size: float) -> list[str]:
    """The operators that show chunk, raised by rise (thousandths of the font size)."""
    if not rise:
        return [f"({chunk}) Tj"]
    return [f"{rise * size / 1000:.2f} Ts", f"({chunk}) Tj", "0 Ts"]


def _footer(case_number: str, page: int, draft: bool = False) -> Line:
    text = f"Case Number: {case_number} \u2014 Page {page}"
    text = f"{DRAFT} \u2014 {text}" if draft else text
    width = pdfmetrics.stringWidth(text, FAMILY, FOOTER_SIZE)
    return Line((PAGE_WIDTH - width) / 2, ((FAMILY, text),))


def _draw(canvas: Canvas, page: list[Placed], footer: Line, tags: Tags) -> None:
    tags.page()
    text = _Text(canvas._doc, tags)  # the document that tracks each face's subsets
    for row, baseline in page:
        for line in row.lines:
            text.line(line, row.size, baseline)
    text.line(footer, FOOTER_SIZE, FOOTER_Y)
    canvas.addLiteral(text.code())
    canvas.showPage()


def _title(letter: Letter) -> str:
    return f"{letter.title} \u2014 {letter.case_number}"


def _canvas(out: BytesIO, letter: Letter) -> Canvas:
    faces = fonts()
    canvas = Canvas(
        out,
        pagesize=LETTER,
        # Fixed dates and document ID: identical letters give identical bytes.
        invariant=1,
        # The canvas otherwise starts in Helvetica, which would be listed in the PDF.
        initialFontName=FAMILY,
        initialFontSize=BODY.size,
        lang=LANGUAGE,
        pdfVersion=PDF_VERSION,
    )
    canvas.setTitle(_title(letter))
    canvas.setAuthor(letter.organization)
    canvas.setSubject(letter.title)
    canvas.setCreator("openimr")
    for face in faces.values():
        # Every letter's first subset gets the same codes, so its embedded file is reused.
        face.start(canvas._doc)
    return canvas


def _texts(letter: Letter) -> Iterator[tuple[str, str]]:
    """Each text of the letter, with where it is (a header field's label, a section's
    heading), as a member of staff would look for it."""
    yield "organization", letter.organization
    yield "title", letter.title
    for field in letter.header:
        yield field.label, field.value
    for section in letter.sections:
        for block in section.blocks:
            texts = [block.label, block.text] if isinstance(block, Paragraph) else block.entries
            yield from ((section.heading, text) for text in texts if text)


def missing_characters(letter: Letter) -> list[tuple[str, str]]:
    """(where, character) for each character no face of the PDF letter has: it prints as a
    missing-glyph box (its text layer, and the text and HTML letters, keep it)."""
    fonts()
    return [(where, char) for where, text in _texts(letter) for char in unprintable(text, FAMILY)]


def render_pdf(letter: Letter, mailing: Sequence[str] = ()) -> bytes:
    """The letter as a PDF; ``mailing``, the recipient's name and postal address lines, puts
    them on the first page where a #10 window envelope shows them (pdf_window): the copy
    mailed to that party, never the e-mailed, file or published one."""
    out = BytesIO()
    canvas = _canvas(out, letter)
    tags = Tags()
    rows, window = _rows(letter, tags, mailing)
    pages = paginate(rows, PAGE_HEIGHT - MARGIN, MARGIN, BAND if window else None)
    for number, page in enumerate(pages, start=1):
        drawn = [*page, *window] if number == 1 else page
        _draw(canvas, drawn, _footer(letter.case_number, number, letter.draft), tags)
    tags.install(canvas, _title(letter))
    canvas.save()
    return out.getvalue()
