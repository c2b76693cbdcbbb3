"""The header fields: case number, dates and priority.

Published headers put two label/value pairs on a line and break a label from its value when
the column is narrow ("Priority: Standard Application \\r\\nReceived: \\r\\n11/14/2016"), so
the header is read from its lines folded into one string, label by label.
"""

import re
from collections.abc import Iterator
from datetime import date
from functools import lru_cache

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
DATE = (
    r"(?:\d{1,2}[/-]\d{1,2}[/-](?:\d{4}|\d{2})(?!\d)"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}})"
)
_NUMERIC = re.compile(r"(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2})$")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})$")
_WORDS = re.compile(r"([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$")
_NOT_STATED = r"(?:Not stated|Unknown|N/?A|None)"

CASE_NUMBER = re.compile(
    r"\b(?:IMR\s+)?Case\s+(?:Number|No\.?|#)\s*:?\s*(?=[A-Za-z0-9-]*\d)"
    r"([A-Za-z0-9][A-Za-z0-9-]{2,39})\b"
)
# Labels as letters print them, in Title Case.
_LABELS = {
    "assigned": "Date Assigned|Assignment Date|Date of Assignment",
    "injury": "Date of Injury|Injury Date|DOI",
    "decision": ("Decision Date|Date of Decision|Date of Determination|Determination Date|Dated"),
    "ur_decision": "UR Denial Date|UR Decision Date|Date of UR Denial|Date of UR Decision",
    "application_received": (
        "Date Application Received|Application Received Date|Application Received"
        "|Date IMR Application Received|IMR Application Received|Application Date"
    ),
}
# label text -> key; labels are looked up by the words before each colon, which is far
# faster than a pattern of every label tried at every position of the text.
_LABEL_KEYS = {label: key for key, labels in _LABELS.items() for label in labels.split("|")}
# A label's last word -> the word counts of the labels ending in it, longest first: only
# those are tried, longest first, as a label's words before a colon.
_WORD_COUNTS = {
    last: sorted({len(label.split()) for label in _LABEL_KEYS if label.split()[-1] == last})[::-1]
    for last in {label.split()[-1] for label in _LABEL_KEYS}
}
_VALUE = re.compile(rf" ?({DATE}|{_NOT_STATED})", re.IGNORECASE)
_ANY_DATE = re.compile(DATE)
PRIORITY = re.compile(
    r"\b(?:Priority|Review\s+Type|Type\s+of\s+Review)\s*:\s*(Standard|Regular|Expedited|Urgent"
    r"|Formulary)",
    re.IGNORECASE,
)
_PRIORITIES = {
    "standard": "standard",
    "regular": "standard",
    "expedited": "expedited",
    "urgent": "expedited",
    "formulary": "formulary",
}


# Memoized: a letter's dates recur in its header, summary and documents (a date is immutable).
@lru_cache(maxsize=1024)
def parse_date(text: str) -> date | None:
    """``11/14/2016``, ``11-14-16``, ``2016-11-14`` or ``November 14, 2016``; None when it is
    not a real date."""
    text = text.strip()
    try:
        if found := _NUMERIC.match(text):
            month, day, year = (int(g) for g in found.groups())
            return date(year + 2000 if year < 100 else year, month, day)
        if found := _ISO.match(text):
            return date(*(int(g) for g in found.groups()))
        if found := _WORDS.match(text):
            named = MONTHS.get(found.group(1).lower())
            return date(int(found.group(3)), named, int(found.group(2))) if named else None
    except ValueError:
        return None
    return None


def _labels(front: str) -> Iterator[tuple[str, int, int]]:
    """(key, start, end) of each date label ("Date Assigned:") in the text, in order."""
    colon = front.find(":")
    while colon >= 0:
        words = front[max(0, colon - 60) : colon].split()
        # Most colons end no date label: test the last word before joining any words.
        if words and (counts := _WORD_COUNTS.get(words[-1])):
            for count in counts:
                if count > len(words):
                    continue
                label = " ".join(words[-count:])
                key = _LABEL_KEYS.get(label)
                if key:
                    start = colon - len(label) - (front[colon - 1] == " ")
                    yield key, start, colon + 1
                    break
        colon = front.find(":", colon + 1)


def header_dates(front: str) -> dict[str, date | None]:
    """Each labelled date of the header (None when "Not stated"); a key is missing when its
    label is. ``front`` is the header's lines folded into one."""
    out: dict[str, date | None] = {}
    bare: list[tuple[str, int]] = []
    for key, start, end in _labels(front):
        if key in out or any(key == k for k, _ in bare):
            continue
        value = _VALUE.match(front, end)
        if value is None:
            bare.append((key, end))
        elif len(bare) >= 2 and start - bare[-1][1] < 3:
            # The last label of a column, right before the column of values.
            bare.append((key, end))
        else:
            out[key] = parse_date(value.group(1))
    if len(bare) >= 2:
        out.update(_values_after(bare, front))
    return out


def _values_after(bare: list[tuple[str, int]], front: str) -> dict[str, date | None]:
    """Labels in one column and values in the next come out as every label, then every
    value: pair the labels that had no value with the dates after the last of them."""
    values = [parse_date(found.group(0)) for found in _ANY_DATE.finditer(front, bare[-1][1])]
    return {key: value for (key, _), value in zip(bare, values, strict=False)}


# The 2013 notices state three dates in one sentence of their decision section instead of
# labelling them: "An application for Independent Medical Review was filed on 9/6/2013
# disputing the Utilization Review Denial dated 8/30/2013. A Notice of Assignment and Request
# for Information was provided to the above parties on 9/23/2013."
_NARRATIVE = {
    "application_received": re.compile(
        rf"application\s+for\s+Independent\s+Medical\s+Review\s+was\s+filed\s+on\s+({DATE})"
    ),
    "ur_decision": re.compile(rf"Utilization\s+Review\s+Denial\s+dated\s+({DATE})"),
    "assigned": re.compile(
        r"Notice\s+of\s+Assignment\s+and\s+Request\s+for\s+Information\s+was\s+provided\s+to"
        rf"\s+the\s+above\s+parties\s+on\s+({DATE})"
    ),
}


def narrative_dates(text: str) -> dict[str, date]:
    """The dates a 2013 notice states in its decision section's first sentence."""
    if "filed on" not in text and "parties on" not in text:
        return {}
    out = {}
    for key, pattern in _NARRATIVE.items():
        found = pattern.search(text)
        value = parse_date(found.group(1)) if found else None
        if value is not None:
            out[key] = value
    return out


def case_number(front: str) -> str | None:
    # Every match holds "Case" (after an optional "IMR "): searching from the first one
    # spares the pattern a try at every position of a long front matter, and the number
    # read is the same with or without the "IMR " before it.
    first = front.find("Case")
    if first < 0:
        return None
    found = CASE_NUMBER.search(front, first)
    return found.group(1).upper() if found else None


_PRIORITY_WORDS = ("riority", "RIORITY", "Review", "REVIEW", "review")
_PRIORITY_STARTS = ("priority", "review", "type")
_BARE_PRIORITY = re.compile(r"\b(Standard|Regular|Expedited|Urgent|Formulary)\b")
_PRIORITY_LABEL = re.compile(r"\b(?:Priority|Review\s+Type|Type\s+of\s+Review)\s*:")


def _first_priority(front: str) -> re.Match[str] | None:
    """``PRIORITY.search(front)`` for ASCII text: a match starts with one of its labels' first
    words, in any case, so the pattern is tried only where one of them starts (plain finds in
    the lowered text, where lower() keeps every character's position) rather than at every
    position of the front matter."""
    lower = front.lower()
    starts: list[int] = []
    for word in _PRIORITY_STARTS:
        at = lower.find(word)
        while at >= 0:
            starts.append(at)
            at = lower.find(word, at + 1)
    for at in sorted(starts):
        if found := PRIORITY.match(front, at):
            return found
    return None


def priority(front: str) -> str | None:
    if not any(word in front for word in _PRIORITY_WORDS):
        return None
    found = _first_priority(front) if front.isascii() else PRIORITY.search(front)
    # Every label the pattern finds holds "Priority" or "Type" as printed (it is case
    # sensitive): without either, the pattern need not try every position of the text.
    if (
        found is None
        and ("Priority" in front or "Type" in front)
        and (label := _PRIORITY_LABEL.search(front))
    ):
        # A header read column by column: the value comes after all the labels.
        found = _BARE_PRIORITY.search(front, label.end())
    return _PRIORITIES[found.group(1).lower()] if found else None
