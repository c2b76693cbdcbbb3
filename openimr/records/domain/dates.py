"""Dates as medical records write them: 01/02/2015, 1/2/15, 1-2-2015, 2015-01-02,
January 2, 2015, Jan. 2, 2015 and 2 January 2015.

US records put the month first; a numeric date whose month is over 12 is left unread rather
than guessed as day-first. Only three-part numbers are dates, so blood pressures (120/80),
pain scores (7/10) and strength grades (5/5) never are.
"""

import re
from dataclasses import dataclass
from datetime import date

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_NUMERIC = re.compile(
    r"(?<![\w/.-])(?P<m>\d{1,2})(?P<sep>[/.-])(?P<d>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})"
    r"(?![\w/-]|\.\d)"
)
_ISO = re.compile(r"(?<![\w/.-])(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?![\w/-]|\.\d)")
_MONTH_FIRST = re.compile(
    rf"\b{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b", re.IGNORECASE
)
_DAY_FIRST = re.compile(rf"\b(?P<d>\d{{1,2}})\s+{_MONTH},?\s+(?P<y>\d{{4}})\b", re.IGNORECASE)
_PATTERNS = (_ISO, _NUMERIC, _MONTH_FIRST, _DAY_FIRST)
# A two-digit year names 2000-2049 or 1950-1999: every date of service and injury in IMR
# (which began in 2013) falls in the first range, and most birth years in the second.
_PIVOT = 50


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    value: date


def find_dates(text: str) -> tuple[DateMatch, ...]:
    """Every date written in ``text``, in order of position, overlaps resolved for the
    earliest match."""
    found = sorted(
        (m for pattern in _PATTERNS for m in _matches(pattern, text)), key=lambda m: m.start
    )
    kept: list[DateMatch] = []
    for match in found:
        if not kept or match.start >= kept[-1].end:
            kept.append(match)
    return tuple(kept)


def parse_date(text: str) -> date | None:
    """The date that ``text`` is, all of it, or None."""
    stripped = text.strip()
    for match in find_dates(stripped):
        if match.start == 0 and match.end == len(stripped):
            return match.value
    return None


def format_date(value: date) -> str:
    """M/D/YYYY, as the published letters write a date in figures."""
    return f"{value.month}/{value.day}/{value.year}"


def _matches(pattern: re.Pattern[str], text: str) -> list[DateMatch]:
    out = []
    for match in pattern.finditer(text):
        value = _to_date(match)
        if value is not None:
            out.append(DateMatch(match.start(), match.end(), value))
    return out


def _to_date(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    month = _MONTHS[groups["mon"][:3].lower()] if groups.get("mon") else int(groups["m"])
    year = int(groups["y"])
    if len(groups["y"]) == 2:
        year += 2000 if year < _PIVOT else 1900
    try:
        return date(year, month, int(groups["d"]))
    except ValueError:
        return None
