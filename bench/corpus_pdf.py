"""Blocks as a real PDF (reportlab canvas, Liberation Serif from openimr/letters/fonts), laid
out so that pypdfium2's text reads like the published letters: a line per printed line, the
fdl-2016 header's "Application Received" label wrapped in its cell above its value, a
running header and "Page n of m" footer on every page.
"""

from functools import cache
from io import BytesIO
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import LETTER
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

FONTS = Path(__file__).resolve().parents[1] / "openimr" / "letters" / "fonts"
REGULAR, BOLD = "CorpusSerif", "CorpusSerif-Bold"
SIZE, LEADING = 11.5, 14.0
LEFT, RIGHT, TOP, BOTTOM = 72.0, LETTER[0] - 72.0, LETTER[1] - 64.0, 72.0
COLUMN = 300.0  # x of a header row's second cell


@cache
def _fonts() -> None:
    for name, kind in ((REGULAR, "Regular"), (BOLD, "Bold")):
        font = TTFont(name, str(FONTS / f"LiberationSerif-{kind}.ttf"))
        # reportlab keeps one font object per face name (the file's own, "LiberationSerif"):
        # registered under that face name first, these would stand in for the letter
        # renderer's faces of the same files in this process, and its PDFs would fail.
        font.face.name = name.encode()
        pdfmetrics.registerFont(font)


def _wrap(text: str, font: str, width: float) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        trial = f"{line} {word}" if line else word
        if line and pdfmetrics.stringWidth(trial, font, SIZE) > width:
            lines.append(line)
            line = word
        else:
            line = trial
    # Extraction keeps the space a printed line ends with, as in the published letters.
    return [*(f"{text} " for text in lines), line] if line else lines


class _Pages:
    """Rows of text, cut into pages; drawn once the page count is known."""

    def __init__(self) -> None:
        self.pages: list[list[tuple[float, float, str, str]]] = [[]]
        self.y = TOP

    def need(self, height: float) -> None:
        if self.y - height < BOTTOM:
            self.new_page()

    def new_page(self) -> None:
        if self.pages[-1]:
            self.pages.append([])
        self.y = TOP - 2 * LEADING  # room for the running header

    def text(self, x: float, content: str, font: str = REGULAR) -> None:
        self.need(LEADING)
        self.pages[-1].append((x, self.y, content, font))
        self.y -= LEADING

    def row(self, cells: list[tuple[float, list[str]]]) -> None:
        """Cells side by side, each a few lines; the row is as tall as its tallest cell."""
        tall = max(len(lines) for _, lines in cells)
        self.need(tall * LEADING)
        for x, lines in cells:
            for n, content in enumerate(lines):
                self.pages[-1].append((x, self.y - n * LEADING, content, REGULAR))
        self.y -= tall * LEADING

    def gap(self) -> None:
        self.y -= LEADING * 0.6


def _lay_out(blocks: list[tuple[str, Any]], layout: str) -> _Pages:
    pages = _Pages()
    pages.y = TOP
    width = RIGHT - LEFT
    for kind, payload in blocks:
        if kind == "break":
            pages.new_page()
        elif kind == "fields":
            _fields(pages, payload, narrow=layout == "fdl-2016")
        elif kind == "list":
            for n, entry in enumerate(payload, 1):
                for k, line in enumerate(_wrap(f"{n}. {entry}", REGULAR, width - 18)):
                    pages.text(LEFT + (18 if k else 0), line)
            pages.gap()
        elif kind in ("title", "heading"):
            pages.need(3 * LEADING)  # a heading keeps its first lines with it
            pages.text(LEFT, payload, BOLD)  # on one line: _draw shrinks a long one to fit
            pages.gap()
        else:
            for paragraph in payload.split("\n\n"):
                for line in _wrap(paragraph, REGULAR, width):
                    pages.text(LEFT, line)
                pages.gap()
    return pages


def _fields(pages: _Pages, row: list[tuple[str, str]], narrow: bool) -> None:
    cells = []
    for n, (label, value) in enumerate(row):
        x = LEFT if n == 0 else COLUMN
        if narrow and n == 1 and label == "Application Received":
            # The 2016 header's narrow cell: the label wraps and the value goes below it.
            lines = ["Application ", "Received: ", value]
        else:
            lines = [f"{label}: {value}".rstrip()]
        cells.append((x, lines))
    pages.row(cells)


def _running(layout: str, case: dict[str, Any], page: int, total: int) -> tuple[str, str]:
    number = case["case_number"]
    footer = f"Page {page} of {total}"
    if layout == "notice-2013":
        return f"Final Determination Letter for IMR Case Number {number}", footer
    if layout == "maximus-decisions":
        return f"{number}  Independent Medical Review", footer
    if layout == "professional-review":
        return "", f"MEDICAL PROFESSIONAL REVIEW - {number} - Page {page} of {total}"
    return "", footer


def blocks_to_pdf(blocks: list[tuple[str, Any]], layout: str, case: dict[str, Any]) -> bytes:
    _fonts()
    pages = _lay_out(blocks, layout)
    out = BytesIO()
    canvas = Canvas(out, pagesize=LETTER, invariant=1)
    canvas.setTitle(
        f"Final Determination Letter {case['case_number']}"
        if layout != "fdl-2014"
        else "Final Determination Letter"
    )
    total = len(pages.pages)
    for n, rows in enumerate(pages.pages, 1):
        header, footer = _running(layout, case, n, total)
        if header and n > 1:
            canvas.setFont(REGULAR, 9)
            canvas.drawString(LEFT, LETTER[1] - 40, header)
        font: tuple[str, float] | None = None
        for x, y, content, face in rows:
            size = SIZE
            if face == BOLD:  # a heading: shrunk to fit its line, as the forms print them
                size = min(SIZE, SIZE * (RIGHT - x) / pdfmetrics.stringWidth(content, BOLD, SIZE))
            if (face, size) != font:
                canvas.setFont(face, size)
                font = (face, size)
            canvas.drawString(x, y, content)
        canvas.setFont(REGULAR, 9)
        canvas.drawCentredString(LETTER[0] / 2, 40, footer)
        canvas.showPage()
    canvas.save()
    return out.getvalue()
