"""The header fields: case number, dates and priority.

Published headers put two label/value pairs on a line and break a label from its value when
the column is narrow ("Priority: Standard Application \\r\\nReceived: \\r\\n11/14/2016"), so
the header is read from its lines folded into one string, label by label.
"""

import re
from collections.abc import Iterator, Sequence
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
_VALUE = re.compile(rf" *({DATE}|{_NOT_STATED})", re.IGNORECASE)
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


# A label's words by its last word, longest label first; every word of a label. A label
# split in a narrow table cell is read from its words with others between them.
_BY_LAST = {
    last: sorted(
        (tuple(label.split()) for label in _LABEL_KEYS if label.split()[-1] == last),
        key=len,
        reverse=True,
    )
    for last in _WORD_COUNTS
}
_LABEL_WORDS = frozenset(word for label in _LABEL_KEYS for word in label.split())
# A label -> the longer labels of another date that end with it ("Decision Date": "UR
# Decision Date"): split before it, the longer one is read.
_OTHER_LONGER = {
    short: longer
    for short, key in _LABEL_KEYS.items()
    if (
        longer := [
            tuple(long.split())
            for long in _LABEL_KEYS
            if long.endswith(" " + short) and _LABEL_KEYS[long] != key
        ]
    )
}
_TOKEN = re.compile(r"\S+")
_DATE_TOKEN = re.compile(rf"(?:{DATE})[.,;]?$")
# At most this many words between a split label's words: the value printed beside its
# first line, or the next cell's first line and value (two labels a row, both split), or
# another cell, label and value; of which at most _CELL_WORDS after that label's colon.
_MOST_BETWEEN = 8
_CELL_WORDS = 4

Words = list[re.Match[str]]


def _betweens(tokens: Words) -> list[bool]:
    """For each token, whether it may stand between two words of a split label: a date (the
    value, printed beside the label's first line), or the next cell's line: a label's word,
    or another label and its value ("Patient: 65 year old female", up to ``_CELL_WORDS``
    words after a colon)."""
    out: list[bool] = []
    after_colon = _CELL_WORDS + 1
    for token in tokens:
        word = token.group()
        after_colon = 0 if word[-1] == ":" else after_colon + 1
        out.append(
            after_colon <= _CELL_WORDS
            or word.rstrip(":") in _LABEL_WORDS
            or _DATE_TOKEN.match(word) is not None
        )
    return out


def _read_back(tokens: Words, words: tuple[str, ...], used: set[int]) -> tuple[Words, Words] | None:
    """(the label's words, the words between them) when ``words`` is read back from the
    last token, the word before the colon, with words between its own (``_betweens``), at
    most ``_MOST_BETWEEN``; None when it is not there. Of several readings the one that
    starts first: cells side by side print their first lines in order, then their second
    ("Date 11/18/2016 Date of 10/10/2016" / "Assigned: Injury:"), so "Assigned:" is the
    first "Date"'s. A word read before as a label's (its start in ``used``) is no word of
    this one."""
    best: tuple[Words, Words] | None = None
    between_ok = _betweens(tokens)

    def walk(at: int, left: tuple[str, ...], mine: Words, between: Words) -> None:
        nonlocal best
        if not left:
            if best is None or mine[-1].start() < best[0][0].start():
                best = (mine[::-1], between)
            return
        for back in range(at - 1, max(-1, at - _MOST_BETWEEN - 2), -1):
            token = tokens[back]
            if token.group() == left[-1] and token.start() not in used:
                walk(back, left[:-1], [*mine, token], between + tokens[back + 1 : at][::-1])
            if not between_ok[back] or len(between) + at - back > _MOST_BETWEEN:
                return

    walk(len(tokens) - 1, words[:-1], [tokens[-1]], [])
    return best


def _split(
    front: str, colon: int, labels: list[tuple[str, ...]], used: set[int]
) -> tuple[Words, Words] | None:
    """The first of ``labels`` (longest first) read split before ``colon``: (its words, the
    words between them), or None."""
    tokens = [*_TOKEN.finditer(front, max(0, colon - 160), colon)]
    for words in labels:
        if (read := _read_back(tokens, words, used)) is not None:
            return read
    return None


def _used(front: str, spans: list[tuple[int, int]], split: set[int]) -> set[int]:
    """Where each word of a label read before starts: those read whole (``spans``: start,
    colon) and those read split. Made only for a split label, which few letters print."""
    return split | {t.start() for s, e in spans for t in _TOKEN.finditer(front, s, e)}


def _free(front: str, word: str, colon: int, start: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``word`` stands before ``start`` within a split label's reach, outside the
    labels read whole: a plain find before the words are read."""
    at = front.rfind(word + " ", max(0, colon - 160), start)
    return (at == 0 or (at > 0 and front[at - 1] == " ")) and not any(s <= at < e for s, e in spans)


def _may_split(words: list[str]) -> bool:
    """Whether the word before a label's last word may stand between its words (as
    ``_betweens`` reads them): a cheap test before the words are read ("Final
    Determination:", a notice's heading, is no "Date of" / "Determination:")."""
    if len(words) < 2:
        return False
    before = words[-2]
    return (
        before.rstrip(":") in _LABEL_WORDS
        or _DATE_TOKEN.match(before) is not None
        or any(word[-1] == ":" for word in words[-2 - _CELL_WORDS : -1])
    )


def _labels(front: str) -> Iterator[tuple[str, int, int, Sequence[tuple[int, str]]]]:
    """(key, start, end, (where, what) of each date between its words) of each date label
    ("Date Assigned:") in the text, in order. A label printed whole, as most are, is read
    from the words before its colon; a longer label of another date that it ends with,
    split ("UR 11/09/2016" / "Decision Date:"), is that longer one; with no label printed
    whole, a label split in its cell ("Date of 10/10/2016" / "Injury:")."""
    spans: list[tuple[int, int]] = []  # (start, colon) of each label read whole
    split: set[int] = set()  # where each word of a label read split starts
    colon = front.find(":")
    while colon >= 0:
        words = front[max(0, colon - 60) : colon].split()
        # Most colons end no date label: test the last word before joining any words.
        if words and (counts := _WORD_COUNTS.get(words[-1])):
            whole = None
            for count in counts:
                if count <= len(words) and (label := " ".join(words[-count:])) in _LABEL_KEYS:
                    whole = label
                    break
            read = None
            if whole is None:
                if _may_split(words):
                    used = _used(front, spans, split)
                    read = _split(front, colon, _BY_LAST[words[-1]], used)
            else:
                start = colon - len(whole) - (front[colon - 1] == " ")
                longer = _OTHER_LONGER.get(whole)
                if longer and any(_free(front, w[0], colon, start, spans) for w in longer):
                    read = _split(front, colon, longer, _used(front, spans, split))
                if read is None:
                    spans.append((start, colon))
                    yield _LABEL_KEYS[whole], start, colon + 1, ()
            if read is not None:
                mine, between = read
                split.update(t.start() for t in mine)
                dates = [
                    (t.start(), t.group().rstrip(".,;"))
                    for t in reversed(between)
                    if _DATE_TOKEN.match(t.group())
                ]
                label = " ".join(t.group() for t in mine)
                yield _LABEL_KEYS[label], mine[0].start(), colon + 1, dates
        colon = front.find(":", colon + 1)


def header_dates(front: str) -> dict[str, date | None]:
    """Each labelled date of the header (None when "Not stated"); a key is missing when its
    label is. ``front`` is the header's lines folded into one. A label split in a narrow
    cell takes the first date between its words that no label took, if any, else the value
    after its colon."""
    out: dict[str, date | None] = {}
    bare: list[tuple[str, int]] = []
    taken: set[int] = set()
    for key, start, end, inside in _labels(front):
        if key in out or any(key == k for k, _ in bare):
            continue
        if inside and (mine := next((d for d in inside if d[0] not in taken), None)):
            taken.add(mine[0])
            out[key] = parse_date(mine[1])
            continue
        value = _VALUE.match(front, end)
        if value is None:
            bare.append((key, end))
        elif bare and start - bare[-1][1] < 3 and (len(bare) >= 2 or _in_a_row(front, end)):
            # The last label of a column, right before the column of values.
            bare.append((key, end))
        else:
            taken.add(value.start(1))
            out[key] = parse_date(value.group(1))
    if len(bare) >= 2:
        out.update(_values_after(bare, front))
    return out


def _in_a_row(front: str, end: int) -> bool:
    """Whether two dates follow ``end``, one after the other: the values of a column of two
    labels, not one label's value and the next label."""
    first = _VALUE.match(front, end)
    return first is not None and _VALUE.match(front, first.end()) is not None


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
