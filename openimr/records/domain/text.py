"""Lines and sentences of a document, each remembering the page it was printed on, so that
whatever a rule takes from the text can be cited back to its page."""

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

# Running headers and footers repeat on every page; only their first printing is content.
_EDGE = 3
_PAGE_COUNTER = re.compile(r"^(?:page\s+\d+(?:\s+of\s+\d+)?|\d+\s+of\s+\d+|-\s*\d+\s*-)$", re.I)
_ITEM_START = re.compile(r"^(?:[-•*·▪]\s*|\(?\d{1,2}[.)]\s+|[A-Za-z][A-Za-z /&'()-]{0,40}:\s)")
_SENTENCE_END = re.compile(r"[.!?]+[\"')\]]*\s+(?=[\"'(A-Z0-9])")
_ABBREVIATIONS = frozenset(
    {
        "dr", "mr", "mrs", "ms", "vs", "no", "approx", "st", "jr", "sr", "pt", "inc", "co",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "e.g", "i.e", "etc", "fig", "ref", "bid", "tid", "qid", "hs", "prn", "q",
    }
)  # fmt: skip


@dataclass(frozen=True)
class Line:
    page: int
    text: str


@dataclass(frozen=True)
class Passage:
    """A sentence (or a list entry) and the pages it spans."""

    text: str
    pages: tuple[int, ...]


def document_lines(pages: Sequence[str]) -> tuple[Line, ...]:
    """The non-blank lines of all pages, whitespace collapsed, without page counters and
    without the repeats of a running header or footer."""
    per_page = [[_squeeze(raw) for raw in page.splitlines()] for page in pages]
    per_page = [[text for text in page if text] for page in per_page]
    running = _running_lines(per_page)
    out: list[Line] = []
    seen: set[str] = set()
    for number, page in enumerate(per_page, 1):
        for text in page:
            if _PAGE_COUNTER.match(text) or (text in running and text in seen):
                continue
            seen.add(text)
            out.append(Line(number, text))
    return tuple(out)


def _squeeze(raw: str) -> str:
    # A run of spaces is a column gap in a form ("Patient: X    DOB: Y"); it stays a double
    # space so that a label's value can end there.
    words = re.sub(r"[ \t]{2,}", "\0", raw.strip()).split("\0")
    return "  ".join(" ".join(word.split()) for word in words)


def _running_lines(pages: list[list[str]]) -> set[str]:
    counts: Counter[str] = Counter()
    for page in pages:
        counts.update(set(page[:_EDGE] + page[-_EDGE:]))
    return {text for text, count in counts.items() if count > 1}


def passages(lines: Sequence[Line]) -> tuple[Passage, ...]:
    """The sentences of ``lines``: wrapped lines joined, list entries kept apart."""
    return tuple(p for block in _blocks(lines) for p in _split_block(block))


def _blocks(lines: Sequence[Line]) -> list[list[Line]]:
    blocks: list[list[Line]] = []
    for line in lines:
        if not blocks or _ends_block(blocks[-1][-1].text) or _ITEM_START.match(line.text):
            blocks.append([])
        blocks[-1].append(line)
    return blocks


def _ends_block(text: str) -> bool:
    # A short line in capitals is a heading; a long one is prose from a record typed in caps.
    heading = text.isupper() and len(text.split()) <= 6
    return text.endswith((".", ";", ":", "?", "!")) or heading


def _split_block(block: list[Line]) -> list[Passage]:
    text, spans = "", []
    for line in block:
        flat = " ".join(line.text.split()) + " "
        spans.append((len(text), len(text) + len(flat), line.page))
        text += flat
    out = []
    for start, end in _sentence_spans(text):
        pages = {page for first, last, page in spans if first < end and last > start}
        out.append(Passage(text[start:end].strip(), tuple(sorted(pages))))
    return [p for p in out if p.text]


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if not _is_abbreviation(text[start : match.start()]):
            spans.append((start, match.end()))
            start = match.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def _is_abbreviation(before: str) -> bool:
    word = before.rsplit(" ", 1)[-1].lower()
    if not word or word.isdigit():
        return True  # a list number ("1.") or nothing at all
    if len(word) == 1 and word.isalpha():
        return True  # an initial
    return word in _ABBREVIATIONS or bool(re.fullmatch(r"(?:[a-z]{1,3}\.)+[a-z]{1,3}", word))


def clean(text: str) -> str:
    """Whitespace collapsed, list markers and trailing separators dropped."""
    text = re.sub(r"^(?:[-•*·▪]\s*|\(?\d{1,2}[.)]\s+)", "", " ".join(text.split()))
    return text.rstrip(" ;,")
