"""Text as PDF extraction leaves it → lines, and where the paragraphs end.

What extraction does to a letter, and what undoes it here:

- line ends are ``\\r\\n`` (pdfium), ``\\n`` or ``\\r``; a page break is a form feed, sometimes
  in the middle of a line;
- some extractors double every line break (the seed: each printed line, then a blank line);
- running page headers and footers ("Page 2 of 3", "Case Number: ... — Page 1") repeat on
  each page (dropped in ``pages``, which also undoes doubled breaks page by page);
- a word broken at a line end keeps its hyphen ("L3-" / "S1"), and pdfium writes a hyphen it
  added at a line end as U+FFFE; other producers break it at a soft hyphen (U+00AD);
- the paragraph structure survives only as a signal: pdfium keeps the trailing space of a
  line whose paragraph goes on (the 182 corpus letters), other producers leave blank lines
  between paragraphs, and some leave neither.

The result is a list of stripped lines with two flags each: ``ends`` (the paragraph ends
here, by a signal the text carries) and ``soft`` (it may end here: ``ends``, or the line ends
a sentence), used to find where an item's heading starts.
"""

import operator
import re
import string
from dataclasses import dataclass
from itertools import compress

from openimr.letters.parsing.pages import SENTENCE_END as _SENTENCE_END
from openimr.letters.parsing.pages import doubled as _doubled
from openimr.letters.parsing.pages import drop_page_furniture

_CHARS = tuple(
    {
        "\ufffe": "-",  # pdfium: a hyphen set at a line end ("Non\ufffeMTUS", "x\ufffferay")
        "\u00ad": "",  # soft hyphen
        "\u2010": "-",
        "\u2011": "-",
        "\u00a0": " ",
        "\u200b": "",
        "\t": " ",
        "\x00": "",
        # Typographic ligatures, as some extractors leave them ("speciﬁed", "ﬂexion").
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
    }.items()
)
_ASCII_CHARS = tuple((char, replacement) for char, replacement in _CHARS if char.isascii())
# Lines that are only a page number or a running footer, wherever they sit on a page.
# Left halves of compounds whose hyphen is part of the word when a line breaks after it
# ("follow-" / "up"): the hyphen is kept; after any other lowercase fragment it was added
# to break the word ("documen-" / "tation") and goes.
_KEEP_HYPHEN = frozenset(("non", "anti", "self", "follow", "x", "well", "co", "ex"))
# pdfium's U+FFFE marks a hyphen at a line end. In the 2016-2017 letters it mostly stands
# in compounds ("x-ray", "follow-up", "right-sided", "range-of-motion"), sometimes in a
# broken word ("Guide-lines", "neuro-surgery").
_KEEP_MARKED = _KEEP_HYPHEN | frozenset(
    re.findall(
        r"\w+",
        "re pre post multi semi sub in out over under long short full part left right low high"
        " mid of hand wrist shoulder sprain active passive four two three one upper lower first"
        " second third day week month year",
    )
)
_SOFT_BREAK = re.compile(r"\u00ad[ \t]*\n[ \t]*")
_WORD_END = re.compile(r"([A-Za-z0-9]+)-$")  # the word before a line's hyphen (see below)
_ASCII_ALNUM = frozenset(string.ascii_letters + string.digits)
_OVER_120 = (120).__lt__  # a length over 120


@dataclass(frozen=True)
class Lines:
    text: tuple[str, ...]  # stripped lines, blank ones removed
    ends: tuple[bool, ...]  # the paragraph surely ends after this line
    soft: tuple[bool, ...]  # the paragraph may end after this line


def _unmark(text: str) -> str:
    """Each U+FFFE as a hyphen, or as nothing inside a broken lowercase word (a plain loop:
    a pattern for "the word before the mark" retries at every letter of the text)."""
    parts = text.split("\ufffe")
    out = [parts[0]]
    for part in parts[1:]:
        before = out[-1]
        start = len(before)
        while start > 0 and before[start - 1].isalnum():
            start -= 1
        left = before[start:]
        broken = left.isalpha() and left.islower() and part[:1].islower()
        out.append(part if broken and left not in _KEEP_MARKED else "-" + part)
    return "".join(out)


def _word_before_hyphen(line: str) -> str:
    """The ASCII letters and digits right before the line's final hyphen, at most 59 (what
    ``_WORD_END.search(line, len(line) - 60)`` reads; "" where it finds nothing). A loop
    back from the hyphen: the pattern, tried at each of the 60 positions, costs
    microseconds a line."""
    hyphen = len(line) - 1
    start, lowest = hyphen, max(0, len(line) - 60)
    while start > lowest and line[start - 1] in _ASCII_ALNUM:
        start -= 1
    return line[start:hyphen]


def _join_hyphen(line: str, following: str) -> str | None:
    """``line`` + ``following`` when the line ends in a word broken at a hyphen, or in a
    date or a pair broken after a slash ("10/14/" + "2016", "EMG/" + "NCV")."""
    if line[-1:] == "/":
        return line + following if line[-2:-1].isalnum() and following[:1].isalnum() else None
    if line[-1:] != "-":
        return None
    word = _word_before_hyphen(line)
    if not word or not following[:1].isalnum() or line[-2:-1] == " ":
        return None
    keep = (
        not word.isalpha()
        or not word.islower()
        or not following[:1].islower()
        or word.lower() in _KEEP_HYPHEN
    )
    return line + following if keep else line[:-1] + following


def _trailing_space_signal(lines: list[str], spaced: list[bool]) -> bool:
    """pdfium keeps the trailing space of a line whose paragraph goes on, and none on a
    paragraph's last line: the signal holds when lines ending a sentence often lack the
    space while the others mostly have it (a producer that pads every line gives none)."""
    dotted = [line[-1] == "." for line in lines]
    final = sum(dotted)  # lines ending a sentence
    final_spaced = sum(map(operator.and_, dotted, spaced))
    other_spaced = sum(spaced) - final_spaced
    other = len(lines) - final
    if not final - final_spaced >= 0.3 * final > 0:
        return False
    return other_spaced >= 0.6 * other > 0 or _wrapped_lines_spaced(lines, spaced)


def _wrapped_lines_spaced(lines: list[str], spaced: list[bool]) -> bool:
    """The signal read where it cannot be mistaken: the lines that surely go on (no sentence
    end, the next line starting in lower case) mostly keep the space. Our own PDF letter
    (render/pdf_layout.wrap) has it so, while its many one-line paragraphs (header fields,
    headings, list entries, items' headings) leave too few spaced lines overall."""
    going_on = [
        space
        for line, space, following in zip(lines, spaced, lines[1:], strict=False)
        if line[-1] not in _SENTENCE_END and following[:1].islower()
    ]
    return len(going_on) >= 3 and sum(going_on) >= 0.8 * len(going_on)


def _clean(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # An ASCII text (a flag Python keeps: no scan) holds none of the non-ASCII characters.
    plain = text.isascii()
    if not plain and "\u00ad" in text:
        # A soft hyphen shows only where a line breaks inside its word: at a line's end it
        # is a broken word, joined with no hyphen ("repo\u00ad" / "rtedly"); elsewhere it is
        # nothing (dropped before the U+FFFE marks are read: it is no part of a word there).
        text = _SOFT_BREAK.sub("", text).replace("\u00ad", "")
    if not plain and "\ufffe" in text:
        text = _unmark(text)
    for char, replacement in _ASCII_CHARS if plain else _CHARS:
        # str.translate is four times slower than these scans on a letter's text.
        if char in text:
            text = text.replace(char, replacement)
    return text


def _raw_lines(text: str) -> tuple[list[str], list[str]]:
    """The lines as printed (page furniture gone, doubled breaks undone), and stripped."""
    paged = "\f" in text or "Page" in text
    raw = drop_page_furniture(text) if paged else text.split("\n")
    stripped = list(map(str.strip, raw))
    if _doubled(stripped):
        # Unpaged, the lines joined again are the text itself.
        raw = ("\n".join(raw) if paged else text).replace("\n\n", "\n").split("\n")
        stripped = list(map(str.strip, raw))
    return raw, stripped


def _trailing_ends(lines: list[str], spaced: list[bool], blank: list[bool]) -> list[bool]:
    """Paragraph ends by the trailing-space signal: a blank line follows, or the line lost
    its space. pdfium sometimes drops the space of a line that fills the width: a line
    without it still goes on when it stops mid-sentence and the next starts in lower case.
    Only the lines without the space are looked at (most lines keep it)."""
    ends = blank.copy()
    last = len(lines) - 1
    for index in compress(range(len(lines)), map(operator.not_, spaced)):
        if not ends[index]:
            following = lines[index + 1][:1] if index < last else ""
            ends[index] = lines[index][-1] in _SENTENCE_END or not following.islower()
    return ends


def normalize(text: str) -> Lines:
    """Lines and paragraph ends of an extracted letter (see the module docstring)."""
    raw, stripped = _raw_lines(_clean(text))
    lines: list[str] = []
    spaced: list[bool] = []  # the printed line kept its trailing space
    blank: list[bool] = []  # a blank line follows
    broken = False  # the last line kept ends in "-" or "/"
    for r, s in zip(raw, stripped, strict=True):
        if not s:
            if blank:
                blank[-1] = True
            continue
        # A word broken at a line end is never a paragraph's end.
        if broken and (joined := _join_hyphen(lines[-1], s)) is not None:
            lines[-1], spaced[-1] = joined, r[-1] == " "
        else:
            lines.append(s)
            spaced.append(r[-1] == " ")
            blank.append(False)
        broken = s[-1] in "-/"  # the kept line, joined or not, ends as this one does
    trailing = _trailing_space_signal(lines, spaced)
    blanks = blank.count(True) > 3
    # Text written one paragraph a line (no wrapping at all): every line is a paragraph.
    # (Counted only when needed, in C: a line longer than 120 characters.)
    whole = (
        not trailing
        and not blanks
        and sum(map(_OVER_120, map(len, stripped))) >= max(3, len(lines) // 5)
    )
    if whole:
        ends = [True] * len(lines)
    elif trailing:
        ends = _trailing_ends(lines, spaced, blank)
    else:
        ends = blank
    if ends:
        ends[-1] = True
    if trailing or blanks or whole:
        soft = tuple(ends)
    else:
        soft = tuple(e or s[-1] in ".:" for s, e in zip(lines, ends, strict=True))
    return Lines(tuple(lines), tuple(ends), soft)


def after(pattern: re.Pattern[str], text: str) -> str:
    """``text`` without what ``pattern`` matches at its start (a label): a slice, because
    ``pattern.sub`` tries every position of a long paragraph."""
    found = pattern.match(text)
    return text[found.end() :] if found else text


def paragraphs(lines: Lines, start: int, stop: int) -> list[str]:
    """The lines ``start:stop`` as paragraphs, each folded onto one line."""
    out: list[str] = []
    text = lines.text
    begin = start
    # Only the lines that end a paragraph are visited; each paragraph is one slice.
    for index in compress(range(start, stop), lines.ends[start:stop]):
        out.append(" ".join(text[begin : index + 1]))
        begin = index + 1
    if begin < stop:
        out.append(" ".join(text[begin:stop]))
    return out
