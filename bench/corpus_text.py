"""Blocks as text: clean (one paragraph a line, one field a line) or as PDF text extraction
leaves a letter.

The noise, every kind seen in the seed and the 2016-2017 letters:
- lines wrapped at 80-100 characters, each wrapped line keeping its trailing space;
- line ends ``\\r\\n`` (pypdfium2), ``\\n``, or each line followed by a blank line (the seed);
- words split at a line end, always inside an all-lowercase word of 8+ letters: ``"documen-"``
  then ``"tation"`` on the next line, or pypdfium2's ``"documen\\ufffetation"`` with the line
  break lost; natural hyphens ("L3-S1") are never split, so a parser may rejoin
  ``[a-z]-<line end>[a-z]`` safely for these letters;
- a header row's second label split from its value ("Priority: Standard Application \\r\\n
  Received: \\r\\n11/14/2016"), or a header's labels all first and its values after them;
- pages separated by a form feed, with a running header and/or "Page n of m" footer
  repeated on each page.
"""

import random
import re
from typing import Any

TEXT_KINDS = ("para", "heading", "line")
SOFT_HYPHEN = "\ufffe"  # what pypdfium2 puts where a word was hyphenated at a line end
# Prefixes that English also hyphenates for real ("non-certified", "post-operative"): a
# split right after one would be ambiguous, so the generator never makes it.
_PREFIXES = frozenset(
    re.findall(
        r"\w+",
        "anti non post pre self co re ex multi semi sub inter over under extra intra pseudo "
        "follow well hand wrist shoulder sprain long short full part left right low high mid "
        "out upper lower first second third four two three one day week month year active "
        "passive",
    )
)


def clean(blocks: list[tuple[str, Any]]) -> str:
    out: list[str] = []
    for kind, payload in blocks:
        if kind == "fields":
            out.append("\n".join(f"{label}: {value}".rstrip() for label, value in payload))
        elif kind == "list":
            out.append("\n".join(f"{n}. {entry}" for n, entry in enumerate(payload, 1)))
        elif kind != "break":
            out.append(payload)
    return "\n\n".join(out) + "\n"


class _Writer:
    def __init__(self, rng: random.Random, width: int, trail_last: bool) -> None:
        self.rng = rng
        self.width = width
        self.trail_last = trail_last
        self.lines: list[str] = []

    def para(self, text: str) -> None:
        rng, width = self.rng, self.width
        line = ""
        # Split on single spaces: the seed's double spaces (":  Upheld", "MTUS.  Decision")
        # survive as an empty word between two spaces.
        for word in text.strip().split(" "):
            if not line:
                line = word
            elif len(line) + 1 + len(word) <= width:
                line += " " + word
            elif len(word) >= 8 and word.isalpha() and word.islower() and rng.random() < 0.3:
                cut = rng.randint(3, len(word) - 3)
                while word[:cut] in _PREFIXES:  # "anti-" + "depressants" would read as a
                    cut += 1  # real hyphen; split where no reader could think so
                if rng.random() < 0.25:  # pypdfium2 keeps the line together
                    line += " " + word[:cut] + SOFT_HYPHEN + word[cut:]
                else:
                    self.lines.append(line + " " + word[:cut] + "-")
                    line = word[cut:]
            else:
                self.lines.append(line + " ")
                line = word
        if line:
            self.lines.append(line + (" " if self.trail_last else ""))

    def fields(self, row: list[tuple[str, str]], split: bool) -> None:
        if split and len(row) == 2 and row[1][0] == "Application Received":
            # The real header: the second label's words wrap in its cell, its value below.
            (l1, v1), (l2, v2) = row
            first, rest = l2.split(" ", 1)
            self.lines += [f"{l1}: {v1} {first} ", f"{rest}: ", v2]
        else:
            self.lines.append(" ".join(f"{label}: {value}" for label, value in row).rstrip())

    def columns(self, rows: list[list[tuple[str, str]]]) -> None:
        """A header table read column by column: all labels, then all values."""
        cells = [cell for row in rows for cell in row]
        self.lines += [f"{label}:" for label, _ in cells]
        self.lines += [value for _, value in cells if value]


# Every running header and footer line the generator writes (text and PDF), so a test can
# strip them the way a parser must.
RUNNING_LINE = re.compile(
    r"^(?:Page \d+ of \d+|Final Determination Letter for IMR Case Number \S+"
    r"|\S+  Independent Medical Review|MEDICAL PROFESSIONAL REVIEW - \S+ - Page \d+ of \d+)"
    r" ?\r?$",
    re.MULTILINE,
)


def _running(layout: str, case: dict[str, Any], page: int, pages: int, rng_roll: float):
    number = case["case_number"]
    footer = [f"Page {page} of {pages}"]
    if layout == "notice-2013":
        return [f"Final Determination Letter for IMR Case Number {number}"], footer
    if layout == "maximus-decisions":
        return [f"{number}  Independent Medical Review"], footer
    if layout == "professional-review":
        return [], [f"MEDICAL PROFESSIONAL REVIEW - {number} - Page {page} of {pages}"]
    return [], footer if rng_roll < 0.6 else []


def noisy(
    blocks: list[tuple[str, Any]], layout: str, case: dict[str, Any], rng: random.Random
) -> str:
    seed_style = layout == "fdl-2014"
    writer = _Writer(rng, rng.randint(80, 100), trail_last=seed_style or rng.random() < 0.3)
    split_header = layout == "fdl-2016" or rng.random() < 0.3
    by_columns = layout in ("maximus-decisions", "professional-review") and rng.random() < 0.25
    gap = " " if seed_style else ("" if rng.random() < 0.3 else None)
    index = 0
    while index < len(blocks):
        kind, payload = blocks[index]
        if kind == "fields" and by_columns:
            rows = []
            while index < len(blocks) and blocks[index][0] == "fields":
                rows.append(blocks[index][1])
                index += 1
            writer.columns(rows)
            continue
        if kind == "fields":
            writer.fields(payload, split_header)
        elif kind == "list":
            for n, entry in enumerate(payload, 1):
                writer.para(f"{n}. {entry}")
        elif kind == "break":
            writer.lines.append("\f")
        else:
            for paragraph in payload.split("\n\n"):
                writer.para(paragraph)
        # the seed puts its blank " " lines after paragraphs, not after headings
        if gap is not None and kind in (("para", "line") if seed_style else TEXT_KINDS):
            writer.lines.append(gap)
        index += 1
    if seed_style:  # the seed's text starts " HOW THE IMR ...", as its PDF's first text run
        writer.lines[0] = " " + writer.lines[0]
    return _paginate(writer.lines, layout, case, rng, seed_style)


def _paginate(
    lines: list[str], layout: str, case: dict[str, Any], rng: random.Random, seed_style: bool
) -> str:
    per_page = rng.randint(44, 56)
    pages: list[list[str]] = [[]]
    for line in lines:
        if line == "\f" or len(pages[-1]) >= per_page:
            pages.append([])
        if line != "\f":
            pages[-1].append(line)
    pages = [p for p in pages if any(line.strip() for line in p)]
    roll = rng.random()
    out = []
    for n, page in enumerate(pages, 1):
        header, footer = _running(layout, case, n, len(pages), roll)
        out.append((header if n > 1 else []) + page + footer)
    eol = "\n\n" if seed_style else rng.choice(("\r\n", "\r\n", "\r\n", "\n", "\r\n\r\n"))
    return "\f".join(eol.join(page) for page in out) + eol
