"""PDF letter: US Letter pages, Liberation Serif embedded, a case-number footer on each page.

Every value is escaped for reportlab's Paragraph markup: names and clinical text come from
outside, and a stray "<" or "&" would otherwise be markup or an error. The output is
byte-for-byte deterministic (reportlab's invariant mode), so an issued letter can be hashed.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable, SimpleDocTemplate, Table, TableStyle
from reportlab.platypus import Paragraph as Para

from openimr.letters.domain.content import BulletList, Field, Letter, Paragraph, Section

FONT_DIR = Path(__file__).resolve().parents[1] / "fonts"
FAMILY = "LiberationSerif"
BOLD = f"{FAMILY}-Bold"
ITALIC = f"{FAMILY}-Italic"
MARGIN = inch
FOOTER_Y = 0.55 * inch
LABEL_WIDTH = 1.9 * inch
VALUE_WIDTH = LETTER[0] - 2 * MARGIN - LABEL_WIDTH
BULLET = "\u2022"
WIDTH_CACHE_SIZE = 10_000  # words per font: about 2 MB at most
KEEP_WITH_NEXT = 0.9 * inch  # a heading and about three lines of what follows

HEADER_TABLE_STYLE = [
    # Set explicitly: a table's default font is Helvetica.
    ("FONTNAME", (0, 0), (-1, -1), FAMILY),
    ("FONTNAME", (0, 0), (0, -1), BOLD),
    ("FONTSIZE", (0, 0), (-1, -1), 10.5),
    ("LEADING", (0, 0), (-1, -1), 13.5),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("TOPPADDING", (0, 0), (-1, -1), 1),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
]


@dataclass(frozen=True)
class Styles:
    organization: ParagraphStyle
    title: ParagraphStyle
    field: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    item: ParagraphStyle
    note: ParagraphStyle
    entry: ParagraphStyle


class _Font(TTFont):
    """A TrueType font that remembers the widths it measured. Line breaking measures every
    word, and reportlab does it in pure Python; a letter repeats most of its words."""

    def __init__(self, name: str, path: Path) -> None:
        super().__init__(name, str(path))
        self._widths: dict[tuple[str, float], float] = {}

    def stringWidth(self, text: str, size: float, encoding: str = "utf8") -> float:
        key = (text, size)
        width = self._widths.get(key)
        if width is None:
            if len(self._widths) >= WIDTH_CACHE_SIZE:
                self._widths.clear()
            width = self._widths[key] = super().stringWidth(text, size, encoding)
        return width


def _register_fonts() -> None:
    # Built-in Helvetica/Times know only Latin-1: "Zoë Łukasiewicz" would lose the "Ł".
    # A TrueType font parses its file when registered, so this runs once per process.
    fonts = {FAMILY: "Regular", BOLD: "Bold", ITALIC: "Italic"}
    for name, face in fonts.items():
        pdfmetrics.registerFont(_Font(name, FONT_DIR / f"LiberationSerif-{face}.ttf"))
    # No bold-italic face is shipped; bold is the closer of the two for <b><i>.
    pdfmetrics.registerFontFamily(FAMILY, normal=FAMILY, bold=BOLD, italic=ITALIC, boldItalic=BOLD)
    # ASCII85 only keeps binary streams 7-bit clean, for a quarter more bytes and an encoding
    # pass in pure Python. Process-wide, but nothing else in openimr uses reportlab.
    rl_config.useA85 = 0


def _style(name: str, **overrides: object) -> ParagraphStyle:
    base = {"fontName": FAMILY, "fontSize": 10.5, "leading": 13.5, "spaceAfter": 6}
    base["bulletFontName"] = FAMILY
    return ParagraphStyle(name, **{**base, **overrides})


@cache
def styles() -> Styles:
    """The paragraph styles, built once: fonts are registered on the first call."""
    _register_fonts()
    return Styles(
        organization=_style("organization", fontName=BOLD, fontSize=13, leading=16, spaceAfter=2),
        title=_style("title", fontName=BOLD, fontSize=15, leading=19, spaceAfter=12),
        field=_style("field", spaceAfter=0),
        heading=_style("heading", fontName=BOLD, fontSize=11, spaceBefore=12),
        body=_style("body"),
        item=_style("item", fontName=BOLD, spaceBefore=8),
        note=_style("note", fontName=ITALIC),
        entry=_style("entry", leftIndent=20, bulletIndent=4, spaceAfter=3),
    )


def _markup(text: str, label: str | None = None) -> str:
    body = escape(text)
    return f"<b>{escape(label)}</b> {body}" if label else body


def _value(text: str, s: Styles) -> str | Para:
    # A plain string cell is drawn as is: no markup to parse (so nothing to escape) and no
    # line breaking, about 1 ms a letter. Only a value too long for its column needs wrapping.
    fits = pdfmetrics.stringWidth(text, FAMILY, s.field.fontSize) <= VALUE_WIDTH
    return text if fits else Para(_markup(text), s.field)


def _header(fields: tuple[Field, ...], s: Styles) -> Table:
    rows = [[f"{f.label}:", _value(f.value, s)] for f in fields]
    table = Table(rows, colWidths=[LABEL_WIDTH, VALUE_WIDTH], hAlign="LEFT")
    table.setStyle(TableStyle(HEADER_TABLE_STYLE))
    return table


def _paragraph(p: Paragraph, s: Styles) -> Iterator[Flowable]:
    if p.role == "item":
        yield CondPageBreak(KEEP_WITH_NEXT)
    style = {"item": s.item, "note": s.note}.get(p.role, s.body)
    yield Para(_markup(p.text, p.label), style)


def _bullets(block: BulletList, s: Styles) -> Iterator[Flowable]:
    for number, entry in enumerate(block.entries, start=1):
        mark = f"{number}." if block.ordered else BULLET
        yield Para(_markup(entry), s.entry, bulletText=mark)


def _section(section: Section, s: Styles) -> Iterator[Flowable]:
    # A page break when little room is left, not keepWithNext: that lays out the heading
    # and the next paragraph twice, and the letter's paragraphs are long.
    yield CondPageBreak(KEEP_WITH_NEXT)
    yield Para(_markup(section.heading), s.heading)
    for block in section.blocks:
        yield from (_paragraph(block, s) if isinstance(block, Paragraph) else _bullets(block, s))


def _story(letter: Letter, s: Styles) -> list[Flowable]:
    story: list[Flowable] = [
        Para(_markup(letter.organization), s.organization),
        Para(_markup(letter.title), s.title),
        _header(letter.header, s),
    ]
    for section in letter.sections:
        story.extend(_section(section, s))
    return story


PageCallback = Callable[[Canvas, SimpleDocTemplate], None]


def _footer(case_number: str) -> PageCallback:
    def draw(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(FAMILY, 9)
        text = f"Case Number: {case_number} \u2014 Page {doc.page}"
        canvas.drawCentredString(LETTER[0] / 2, FOOTER_Y, text)
        canvas.restoreState()

    return draw


def _document(out: BytesIO, letter: Letter) -> SimpleDocTemplate:
    return SimpleDocTemplate(
        out,
        pagesize=LETTER,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=f"{letter.title} \u2014 {letter.case_number}",
        author=letter.organization,
        subject=letter.title,
        creator="openimr",
        # Fixed dates and document ID: identical letters give identical bytes.
        invariant=1,
        # The canvas otherwise starts in Helvetica, which would be listed in the PDF.
        initialFontName=FAMILY,
    )


def render_pdf(letter: Letter) -> bytes:
    s = styles()
    out = BytesIO()
    footer = _footer(letter.case_number)
    _document(out, letter).build(_story(letter, s), onFirstPage=footer, onLaterPages=footer)
    return out.getvalue()
