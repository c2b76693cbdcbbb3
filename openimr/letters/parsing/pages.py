"""Pages as extraction leaves them: running headers and footers ("Page 2 of 3", "Case
Number: ... — Page 1", "CONFIDENTIAL") dropped, and line breaks that a producer doubled
undone, on the whole text or page by page (see ``text``, which reads the lines).
"""

import operator
import re
from functools import lru_cache
from itertools import pairwise

from openimr.letters.parsing.labels import opens_with_label

_PAGE_MARK = re.compile(r"(?:^|[\s—–-])Page\s+\d+(?:\s+of\s+\d+)?\s*$|^-?\s*\d{1,3}\s*-?$")
_FOOTER = re.compile(r"\s*Page\s+\d+\s+of\s+\d+\s*$")
_DIGITS = re.compile(r"\d+")
SENTENCE_END = frozenset(".:;?!)\"'")
_CASE = re.compile(r"\b[A-Z]{2}\d{2}-\d{5,8}\b")
# What ends a line of two capitalised words or more as prose, not as a footer: a full stop
# also closes an organisation's name ("MAXIMUS Federal Services, Inc."), while a colon, a
# semicolon, a question, a bracket or a quote opens or goes on with what follows. (A word
# alone and its full stop, "Guidelines.", is a wrapped sentence's end: SENTENCE_END.)
_NAME_ENDS_PROSE = SENTENCE_END - {"."}


# Memoized: an edge line's digits are masked to compare it with the other pages' edges; a
# running header or footer repeats on every page of a letter, and "Page 2 of 3" in every
# letter. At most 2,048 lines kept (edge lines are short: under 1 MB).
@lru_cache(maxsize=2048)
def _mask(line: str) -> str:
    return _DIGITS.sub("#", line)


def _edges(lines: list[str]) -> list[tuple[int, str, str]]:
    """(index, the line stripped, "top:" or "bottom:" and the line with its digits masked)
    of a page's first two and last two non-blank lines (each line stripped once)."""
    top: list[tuple[int, str]] = []
    for i in range(min(6, len(lines))):
        if key := lines[i].strip():
            top.append((i, key))
            if len(top) == 2:
                break
    tail = len(lines) - 6 if len(lines) > 6 else 0
    bottom: list[tuple[int, str]] = []
    for i in range(len(lines) - 1, tail - 1, -1):
        if key := lines[i].strip():
            bottom.append((i, key))
            if len(bottom) == 2:
                break
    tops = {i for i, _ in top}
    out = [(i, key, "top:" + _mask(key)) for i, key in top]
    out += [(i, key, "bottom:" + _mask(key)) for i, key in reversed(bottom) if i not in tops]
    return out


def _furniture(key: str, masked: str, running: set[str], case: str | None) -> bool:
    if masked in running:
        return True
    if case and case in key and len(key) < 120:
        return True
    return ("Page" in key or key[-1].isdigit()) and _PAGE_MARK.search(key) is not None


def _case_near_top(text: str) -> re.Match[str] | None:
    """``_CASE.search(text, 0, 1500)``: a case number's fifth character is its dash, so the
    pattern is tried only four characters before each dash (plain finds), in order."""
    dash = text.find("-", 4, 1500)
    while dash >= 0:
        if found := _CASE.match(text, dash - 4, 1500):
            return found
        dash = text.find("-", dash + 1, 1500)
    return None


def _pages_by_footer(lines: list[str]) -> list[list[str]]:
    """A text whose page breaks were lost, cut into pages after each "Page n of m" line (a
    footer; the running header that opens the next page is then at that page's top)."""
    last = len(lines) - 1
    cuts = [
        i + 1 for i, line in enumerate(lines) if "Page" in line and i < last and _FOOTER.match(line)
    ]
    bounds = [0, *cuts, len(lines)]
    return [lines[start:stop] for start, stop in pairwise(bounds)]


def _runs(key: str, pages: int) -> bool:
    """Whether an edge line (``_edges``' key) seen on ``pages`` pages is a running line. A
    line opening with an item's label ("Claims Administrator guideline: ...", "Decision
    rationale: ...") never is: a letter that starts each item on a new page opens three
    pages with the same label's line, and it is the item's. Otherwise, on three pages, any;
    on two (most letters have two), a line of a few words (a line of ten or more is prose:
    "Claims Administrator guideline: ... Treatment 2016," opening two pages) with a digit (a
    case or page number), or a footer with no word in lower case ("CONFIDENTIAL", "Final
    Determination Letter", "MAXIMUS Federal Services, Inc.") that ends no sentence, or ends
    a name of two words or more in a full stop: two pages ending in "necessary." are not a
    running footer, nor is a heading the reviewer quoted that opens a page as the letter's
    own heading opens another."""
    where, _, line = key.partition(":")
    if opens_with_label(line):
        return False
    if pages >= 3:
        return True
    if key.count(" ") >= 9:
        return False
    if "#" in key:
        return True
    return (
        where == "bottom"
        and line[-1] not in (_NAME_ENDS_PROSE if " " in line else SENTENCE_END)
        and not any(word[0].islower() for word in line.split())
    )


def _footers_inside(
    text: str, printed: list[str], pages: list[list[str]], undone: frozenset[int]
) -> list[tuple[int, ...]]:
    """For each page (``printed``: the text cut at its form feeds; ``pages``: its lines, those
    of the pages ``undone`` no longer as printed), the numbers of its lines inside it,
    neither its first nor its last, that are footers (``_is_footer``): a footer an extractor
    left in the text's flow, or a page break of another pagination. Found from each "Page "
    in the text, one pass: a look at every line would cost the letter's lines, and most
    occurrences are a footer on a page's last line (``_edges``')."""
    out: list[tuple[int, ...]] = [
        _footer_lines(pages[n]) if n in undone else () for n in range(len(pages))
    ]
    start, number = 0, 0
    at = text.find("Page ")
    while at >= 0:
        while at > start + len(printed[number]):
            start += len(printed[number]) + 1  # the page and its form feed
            number += 1
        page, here = printed[number], at - start
        first, end = page.rfind("\n", 0, here) + 1, page.find("\n", here)
        if (
            number not in undone
            and first
            and end >= 0
            and not page[end:].isspace()
            and _is_footer(page[first:end])
        ):
            out[number] += (page.count("\n", 0, here),)
        at = text.find("Page ", at + 5)
    return out


def _is_footer(line: str) -> bool:
    """A line ending in "Page n of m" after nothing or after a case number ("MEDICAL
    PROFESSIONAL REVIEW - CM23-1183695 - Page 2 of 3"): a footer wherever it is. (A wrapped
    line of prose may end "... Guidelines, Page 49 of 127": it names no case.)"""
    found = _FOOTER.search(line)
    if found is None or len(line) > 120:
        return False
    return not line[: found.start()].strip() or _CASE.search(line, 0, found.start()) is not None


def _footer_lines(lines: list[str]) -> tuple[int, ...]:
    return tuple(i for i, line in enumerate(lines) if "Page " in line and _is_footer(line))


def drop_page_furniture(text: str) -> list[str]:
    """The lines of the text without running headers and footers — short lines (digits
    masked) that open, or close, at least two pages and half of them, or that repeat the
    case number at a page's edge — and page-number lines."""
    printed = text.split("\f")
    pages = [page.split("\n") for page in printed]
    if len(pages) == 1:  # each of its "Page n of m" lines ends a page
        pages, undone = _pages_by_footer(pages[0]), frozenset[int]()
    else:
        undone = _undouble_pages(pages)
    for lines in pages[:-1]:
        # "last line\n\f" (pdftotext; pdfium writes "last line\f"): the page's closing line
        # break, not a blank line ending a paragraph.
        if len(lines) > 1 and not lines[-1]:
            lines.pop()
    # Per page: (index, the line stripped, where: its digits masked) of its edge lines.
    edges = [_edges(lines) for lines in pages]
    seen: dict[str, int] = {}
    for edge in edges:
        for masked in {masked for _, _, masked in edge}:
            seen[masked] = seen.get(masked, 0) + 1
    need = max(2, len(pages) // 2)
    running = {k for k, n in seen.items() if n >= need and len(k) < 100 and _runs(k, n)}
    # The case number, from the first page's top, when a later page's edge may repeat it.
    maybe = len(pages) > 1 and any("#-#" in m for edge in edges[1:] for _, _, m in edge)
    found = _case_near_top(text) if maybe else None
    case = found.group(0) if found else None
    # A letter that prints "Page n of m" at a page's edge may have one inside a page too.
    inside = (
        _footers_inside(text, printed, pages, undone)
        if len(printed) > 1 and any("Page" in m for edge in edges for _, _, m in edge)
        else [()] * len(pages)
    )
    out: list[str] = []
    for number, (lines, edge) in enumerate(zip(pages, edges, strict=True)):
        drop = {
            i
            for n, (i, key, masked) in enumerate(edge)
            # The first page's own header (its case number) is content, not furniture.
            if not (number == 0 and n < 2 and i < 8) and _furniture(key, masked, running, case)
        }
        for i in inside[number]:
            drop.add(i)
            # The next page's running header, when the page break was lost after it.
            j = next((j for j in range(i + 1, len(lines)) if lines[j].strip()), len(lines))
            following = lines[j].strip() if j < len(lines) else ""
            if following and _furniture(following, "top:" + _mask(following), running, case):
                drop.add(j)
        for i in sorted(drop, reverse=True):  # a few edge lines: deleted, not filtered
            del lines[i]
            # The blank lines after a running line space it from the text: no paragraph
            # ends there (with every break doubled, a sentence across a page kept one).
            while i < len(lines) and not lines[i].strip():
                del lines[i]
        out += lines
    return out


def doubled(raw: list[str]) -> bool:
    """True when almost no printed line is directly followed by another: every line break
    was doubled, and a blank line means nothing."""
    # Each blank line breaks at most two pairs of neighbours: with few blank lines, many
    # lines are followed by another whatever their order, and nothing needs counting.
    gaps = raw.count("")
    if len(raw) - 1 - 2 * gaps >= 0.15 * (len(raw) - gaps):
        return False
    filled = list(map(bool, raw))
    pairs = sum(filled[:-1])
    followed = sum(map(operator.and_, filled, filled[1:]))
    return pairs > 4 and followed < pairs * 0.15


def _undouble_pages(pages: list[list[str]]) -> frozenset[int]:
    """Pages whose every line break alone was doubled, in a text whose other pages have no
    empty line (pages of another producer put together in one file, as pdfium leaves its
    own): undone page by page; the numbers of those undone. A text doubled on every page is
    undone whole (text._raw_lines)."""
    gaps = [lines.count("") for lines in pages]
    if 0 not in gaps:
        return frozenset()
    undone = set()
    for number, (lines, empty) in enumerate(zip(pages, gaps, strict=True)):
        # ``doubled``'s first test, with nothing stripped.
        doubled_maybe = len(lines) - 1 - 2 * empty < 0.15 * (len(lines) - empty)
        if doubled_maybe and (single := _undoubled(lines)) is not lines:
            pages[number] = single
            undone.add(number)
    return frozenset(undone)


def _undoubled(lines: list[str]) -> list[str]:
    """A page's lines, its doubled line breaks undone (``doubled``), or ``lines`` itself. (Its
    lines are not stripped to tell: a line of spaces counts as a line, not as a gap.)"""
    if not doubled(lines):
        return lines
    return "\n".join(lines).replace("\n\n", "\n").split("\n")
