"""Dates and numbers in clinical prose, normalised so that the same fact written two ways is
one key: "01/02/2015", "1/2/15", "2015-01-02" and "January 2, 2015" are all ``d:2015-01-02``;
"1,200" and "1200.0" are ``n:1200``; "5/10" and "5 out of 10" are ``f:5/10``.

Only figures written in digits count: "six sessions" is not a figure (a spelled number is
rarely copied wrong, and reading words as numbers misfires on "one of the", "a second")."""

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Literal

Kind = Literal["date", "number"]

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_NUM = r"(\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.(\d+))?"
_UNIT = (
    r"(?:\s?(?:%|percent\b|mg\b|mcg\b|ml\b|mL\b|cc\b|g\b|kg\b|lbs?\b|cm\b|mm\b|degrees\b"
    r"|visits?\b|sessions?\b|treatments?\b|weeks?\b|days?\b|months?\b|years?\b|hours?\b"
    r"|tablets?\b|pills?\b|times\b))?"
)
YEARS = range(1900, 2100)


@dataclass(frozen=True)
class Figure:
    """One date or number as written (``text``) at ``start:end`` of the text it was found in.
    ``needs``: the keys a record must hold for the figure to be supported (both ends of a
    range); ``gives``: the keys it supplies when found in a record (a full date also supplies
    its month and year, so "March 2014" in a rationale matches "March 12, 2014" in a record)."""

    text: str
    kind: Kind
    needs: frozenset[str]
    gives: frozenset[str]
    start: int
    end: int


Handler = Callable[[re.Match[str]], tuple[Kind, set[str], set[str]] | None]


def _number(whole: str, decimals: str | None = None) -> str:
    value = str(int(whole.replace(",", "")))
    decimals = (decimals or "").rstrip("0")
    return f"{value}.{decimals}" if decimals else value


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:  # 2-digit years: IMR began in 2013, birth years are in the 1900s
        year += 2000 if year < 70 else 1900
    return year


def _month(name: str) -> int:
    return _MONTHS[name[:3].lower()]


def _day(year: int, month: int, day: int) -> tuple[Kind, set[str], set[str]] | None:
    try:
        when = date(year, month, day)
    except ValueError:
        return None  # "13/45/2014" is not a date; the span is still taken, so no numbers
    keys = {f"d:{when.isoformat()}", f"m:{when:%Y-%m}", f"n:{year}"}
    return "date", {f"d:{when.isoformat()}"}, keys


def _month_year(year: int, month: int) -> tuple[Kind, set[str], set[str]] | None:
    if not 1 <= month <= 12:
        return None
    return "date", {f"m:{year:04d}-{month:02d}"}, {f"m:{year:04d}-{month:02d}", f"n:{year}"}


def _plain(m: re.Match[str]) -> tuple[Kind, set[str], set[str]]:
    key = {f"n:{_number(m.group(1), m.group(2))}"}
    return "number", key, key


def _range(m: re.Match[str]) -> tuple[Kind, set[str], set[str]]:
    keys = {f"n:{_number(m.group(1), m.group(2))}", f"n:{_number(m.group(3), m.group(4))}"}
    return "number", keys, keys


def _fraction(m: re.Match[str]) -> tuple[Kind, set[str], set[str]]:
    below = _number(m.group(5), m.group(6))
    tops = [_number(m.group(1), m.group(2))]
    if m.group(3):
        tops.append(_number(m.group(3), m.group(4)))
    needs = {f"f:{top}/{below}" for top in tops}
    return "number", needs, needs | {f"n:{top}" for top in tops} | {f"n:{below}"}


def _out_of(m: re.Match[str]) -> tuple[Kind, set[str], set[str]]:
    top, below = _number(m.group(1), m.group(2)), _number(m.group(3), m.group(4))
    needs = {f"f:{top}/{below}"}
    return "number", needs, needs | {f"n:{top}", f"n:{below}"}


def _skip(_: re.Match[str]) -> None:
    return None


# In priority order: a span taken by an earlier pattern is not read again by a later one, so
# "2015-01-02" is a date and not a range, and "L4-5" is a spinal level and not a range.
_PATTERNS: tuple[tuple[re.Pattern[str], Handler], ...] = (
    (re.compile(rf"(?<![A-Za-z])[x×]\s?{_NUM}\b"), _plain),  # "PT x6": six sessions
    # Codes, levels and versions are labels, not facts to check: L4-5, L5-S1, M54.5, T12, v2.
    (re.compile(r"\b[A-Za-z]+\d[\w.]*(?:-[A-Za-z]*\d[\w.]*)*"), _skip),
    (re.compile(r"\b[A-Z]{2,}-\d+\b"), _skip),  # ICD-10, COVID-19
    (re.compile(r"\b\d{1,2}:\d{2}\b"), _skip),  # clock times
    (re.compile(r"\b\d+(?:\.\d+){2,}\b"), _skip),  # section numbers: 9792.24.2
    (
        re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b"),
        lambda m: _day(_year(m[3]), int(m[1]), int(m[2])),
    ),
    (
        re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b"),
        lambda m: _day(int(m[1]), int(m[2]), int(m[3])),
    ),
    (
        re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b"),
        lambda m: _day(int(m[3]), _month(m[1]), int(m[2])),
    ),
    (
        re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+(\d{{4}})\b"),
        lambda m: _day(int(m[3]), _month(m[2]), int(m[1])),
    ),
    (
        re.compile(rf"\b{_MONTH},?\s+(?:of\s+)?(\d{{4}})\b"),
        lambda m: _month_year(int(m[2]), _month(m[1])),
    ),
    (re.compile(r"\b(\d{1,2})/(\d{4})\b"), lambda m: _month_year(int(m[2]), int(m[1]))),
    (re.compile(rf"(?<![\w.]){_NUM}(?:\s*[-–]\s*{_NUM})?\s*/\s*{_NUM}{_UNIT}"), _fraction),
    (re.compile(rf"(?<![\w.]){_NUM}\s+out\s+of\s+{_NUM}"), _out_of),
    (re.compile(rf"(?<![\w.]){_NUM}\s*(?:[-–]|to)\s*{_NUM}{_UNIT}"), _range),
    (re.compile(rf"(?<![\w.]){_NUM}{_UNIT}"), _plain),
)


def figures(text: str) -> tuple[Figure, ...]:
    """Every date and number in ``text``, in order of appearance."""
    return tuple(sorted(_scan(text), key=lambda f: f.start))


def _scan(text: str) -> Iterator[Figure]:
    taken: list[tuple[int, int]] = []
    for pattern, handler in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < stop and begin < end for begin, stop in taken):
                continue
            taken.append((start, end))
            if (read := handler(match)) is not None:
                kind, needs, gives = read
                yield Figure(match[0].strip(), kind, frozenset(needs), frozenset(gives), start, end)


def known_keys(texts: Iterable[str]) -> frozenset[str]:
    """The keys of every figure in ``texts``: what a set of records can support."""
    return frozenset(key for text in texts for figure in figures(text) for key in figure.gives)


def is_year(figure: Figure) -> bool:
    """A bare four-digit number that can be a year: "2015" in "ODG 2015"."""
    return figure.text.isdigit() and len(figure.text) == 4 and int(figure.text) in YEARS
