"""Typesetting for the PDF letter: words into lines, lines into pages.

A small greedy line breaker stands in for reportlab's platypus. The letter needs only
left-aligned paragraphs in a few faces, and platypus spent most of a letter's rendering time
parsing paragraph markup, breaking lines fragment by fragment and handling frames. Nothing
here draws: pdf.py turns the placed rows into PDF text operators.
"""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter
from typing import NamedTuple

from openimr.letters.render.pdf_scripts import width as width_of
from openimr.letters.render.pdf_tags import Element

WIDTH_CACHE_SIZE = 20_000  # (font, size, word) keys: a couple of MB at most

Run = tuple[str, str]
"""Text in one font, as (font name, text). A line's runs are drawn one after another, each
starting where the last one ended, so a run carries the space that follows it."""


@dataclass(frozen=True)
class Span:
    """Input text in one font. A paragraph is one or more spans that flow together: a bold
    label and the regular text after it share lines."""

    font: str
    text: str


@dataclass(frozen=True)
class Line:
    """Runs on one baseline, the first starting at x (points from the page's left edge), and
    the structure element their text belongs to (pdf_tags; None: page furniture)."""

    x: float
    runs: tuple[Run, ...]
    tag: Element | None = None


@dataclass(frozen=True)
class Row:
    """One printed line across the page: its pieces (a header row holds a label and a value,
    a list row a marker and an entry), font size and height, the space above it, and how many
    of the rows after it must be on the same page."""

    lines: tuple[Line, ...]
    size: float
    leading: float
    space_before: float = 0.0
    keep: int = 0


class Placed(NamedTuple):
    """A row on a page, and the height of its baseline above the page's bottom edge."""

    row: Row
    baseline: float


_Word = tuple[str, str, float, float]
"""A word to set: font, text, width, and the width of a space after it in its font. Plain
tuples: a letter has over a thousand words, and a NamedTuple costs more to make."""


_widths: dict[tuple[str, float, str], float] = {}


def text_width(text: str, font: str, size: float) -> float:
    """The width of text in points, as drawn (pdf_scripts: shaped, in fallback faces where
    font lacks a character). Cached: reportlab measures TrueType text in pure Python, and a
    letter repeats most of its words (and letters repeat each other's)."""
    key = (font, size, text)
    width = _widths.get(key)
    if width is None:
        if len(_widths) >= WIDTH_CACHE_SIZE:
            _widths.clear()
        width = _widths[key] = width_of(text, font, size)
    return width


def wrap(spans: Sequence[Span], size: float, width: float) -> list[tuple[Run, ...]]:
    """Greedy line breaking: each line takes as many words as fit, left-aligned. The gap
    between two words is a space in the first one's font, which is how it is drawn."""
    lines: list[tuple[Run, ...]] = []
    line: list[_Word] = []
    used = 0.0
    for word in _pieces(spans, size, width):
        if line:
            used += line[-1][3]
            if used + word[2] > width:
                lines.append(_runs(line))
                line, used = [], 0.0
        line.append(word)
        used += word[2]
    if line:
        lines.append(_runs(line))
    return lines


def _pieces(spans: Sequence[Span], size: float, width: float) -> Iterator[_Word]:
    """The words of the spans, a word wider than a whole line cut into pieces that fit."""
    for span in spans:
        font = span.font
        space = text_width(" ", font, size)
        for text in span.text.split():
            word = (font, text, text_width(text, font, size), space)
            if word[2] <= width:
                yield word
            else:
                yield from _split(word, size, width)


def _split(word: _Word, size: float, width: float) -> Iterator[_Word]:
    # Each piece but the last fills its line, so no space ever lands inside the word.
    font, text, _, space = word
    piece, used = "", 0.0
    for char in text:
        char_width = text_width(char, font, size)
        if piece and used + char_width > width:
            yield font, piece, used, space
            piece, used = "", 0.0
        piece += char
        used += char_width
    yield font, piece, used, space


def _runs(words: list[_Word]) -> tuple[Run, ...]:
    font = words[0][0]
    if all(word[0] == font for word in words):  # most lines: one font
        return ((font, " ".join([word[1] for word in words])),)
    runs = [(f, " ".join([w[1] for w in group])) for f, group in groupby(words, itemgetter(0))]
    # A run followed by another carries the space between them, in its own font.
    return (*((f, f"{text} ") for f, text in runs[:-1]), runs[-1])


def paginate(
    rows: Sequence[Row], top: float, bottom: float, kept_free: tuple[float, float] | None = None
) -> list[list[Placed]]:
    """Rows filled into pages from top down to bottom, each row's baseline set. A row starts
    a new page when it and the rows it keeps would not fit; space above a row is dropped at
    the top of a page, where it would only push the text down. ``kept_free`` (upper, lower
    edge) is a band of the first page no row may enter (an envelope's window, pdf_window):
    the row that would goes on below it."""
    pages: list[list[Placed]] = [[]]
    y = top
    for index, row in enumerate(rows):
        space = row.space_before if pages[-1] else 0.0
        if kept_free and len(pages) == 1 and _enters(kept_free, y - space, row.leading):
            y, space = kept_free[1], 0.0
        if pages[-1] and y - space - _height(rows, index) < bottom:
            pages.append([])
            y, space = top, 0.0
        y -= space
        pages[-1].append(Placed(row, y - row.size))
        y -= row.leading
    return pages


def _enters(band: tuple[float, float], y: float, leading: float) -> bool:
    """Whether a row from y down by leading would print in the band (upper, lower edge)."""
    return y > band[1] and y - leading < band[0]


def _height(rows: Sequence[Row], index: int) -> float:
    """The height the row at index needs: its own and that of the rows kept with it."""
    kept = rows[index : index + rows[index].keep + 1]
    return kept[0].leading + sum(r.space_before + r.leading for r in kept[1:])
