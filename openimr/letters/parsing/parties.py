"""What only our own letters (and layouts that list them) print: the documents reviewed, each
by title, author and date, and the parties served. Published letters are de-identified and
list no party; ours list them for the parties themselves."""

import re
from functools import lru_cache

from openimr.letters.parsing.header import DATE, parse_date
from openimr.letters.parsing.text import Lines

_BULLET = re.compile(r"^(?:[-•*·▪●]|\d{1,3}[.)])\s+")
# Ours: "Title, Author, March 2, 2017"; notice-2013 and maximus-decisions: "Title dated
# 06/17/2017, by Author"; professional-review: "06/17/2017: Title (Author)".
_OURS = re.compile(rf"^(?P<rest>.+?),\s+(?P<date>{DATE}|date\s+not\s+stated)\s*\.?$", re.IGNORECASE)
# The title ends where what may follow it starts (a space, a comma, a full stop or the end):
# the lookahead spares the lazy title a try of the rest at every other character.
_DATED = re.compile(
    rf"^(?P<title>.+?)(?=[\s,.]|$)(?:\s+dated\s+(?P<date>{DATE}))?"
    rf"(?:,\s+by\s+(?P<author>.+?))?\s*\.?$"
)
_DATE_FIRST = re.compile(
    rf"^(?P<date>{DATE}|Undated):\s+(?P<title>.+?)(?:\s+\((?P<author>[^()]+)\))?\s*$"
)
_NO_AUTHOR = "author not stated"
_KINDS = (
    ("ur_determination", re.compile(r"utilization\s+review|\bUR\b|non-?certification", re.I)),
    ("rfa", re.compile(r"request\s+for\s+authori[sz]ation|\bRFA\b", re.I)),
    ("application", re.compile(r"application", re.I)),
    ("operative_report", re.compile(r"operative|surgery\s+report|procedure\s+note", re.I)),
    ("imaging", re.compile(r"\b(?:MRI|CT|x-?rays?|radiograph|imaging|ultrasound|scan)\b", re.I)),
    ("therapy_note", re.compile(r"therapy|chiropractic|acupuncture", re.I)),
    ("progress_note", re.compile(r"progress|follow-?up|PR-?2|office\s+visit", re.I)),
    ("evaluation", re.compile(r"evaluation|consult|exam(?:ination)?|QME|AME|PR-?4", re.I)),
    ("correspondence", re.compile(r"letter|correspondence|fax|e-?mail|memo", re.I)),
)
_ROLES = {
    "employee": "employee",
    "employee's attorney": "attorney",
    "attorney": "attorney",
    "employer": "employer",
    "claims administrator": "claims_administrator",
    "requesting physician": "requesting_physician",
}


def bulleted(line: str) -> bool:
    """Whether the line opens a list entry ("- X", "• X", "1. X", "2) X")."""
    return _BULLET.match(line) is not None


def _continues(lines: Lines, index: int) -> bool:
    """The line goes on the entry above it (a wrapped entry)."""
    return not lines.ends[index - 1] or not lines.text[index - 1].endswith((".", ":"))


def _entries(lines: Lines, start: int, stop: int) -> list[str]:
    """Bulleted entries, a wrapped entry joined back onto one line."""
    out: list[str] = []
    for index in range(start, stop):
        line = lines.text[index]
        if bullet := _BULLET.match(line):
            out.append(line[bullet.end() :])
        elif out and _continues(lines, index):
            out[-1] += " " + line
    return out


# Memoized: letters repeat a few dozen document titles.
@lru_cache(maxsize=1024)
def document_kind(title: str) -> str:
    for kind, pattern in _KINDS:
        if pattern.search(title):
            return kind
    return "other"


_NAME_WORD = re.compile(r"\b[A-Z][a-z]+\b")


def _looks_like_author(text: str) -> bool:
    """A person or an organisation: two capitalised words, or a comma ("Smith, MD")."""
    return "," in text or len(_NAME_WORD.findall(text)) >= 2


def _document(entry: str) -> tuple[str, str | None, str | None]:
    """(title, author, date text) of one entry, in whichever form it is printed."""
    if found := _DATE_FIRST.match(entry):
        title, author = found.group("title"), found.group("author")
        if author and not _looks_like_author(author):
            # "Request for Authorization (DWC Form RFA)": part of the title.
            title, author = f"{title} ({author})", None
        return title, author, found.group("date")
    # _DATED matches any entry; it reads a date or an author only after "dated" or "by".
    if (
        ("dated" in entry or "by" in entry)
        and (found := _DATED.match(entry))
        and (found.group("date") or found.group("author"))
    ):
        return found.group("title"), found.group("author"), found.group("date")
    if found := _OURS.match(entry):
        title, _, author = found.group("rest").partition(", ")
        return title, author, found.group("date")
    return entry, None, None


def documents(lines: Lines, start: int, stop: int) -> list[dict[str, str | None]]:
    """``{title, author, date, kind}`` of each entry; the kind is inferred from the title,
    since letters do not print it."""
    out: list[dict[str, str | None]] = []
    for entry in _entries(lines, start, stop):
        title, author, when = _document(entry)
        title = title.strip(" ,")[:300]
        author = (author or "").strip(" ,")
        if not title:
            continue
        day = parse_date(when) if when else None
        out.append(
            {
                "title": title,
                "author": None if not author or author.lower() == _NO_AUTHOR else author[:300],
                "date": day.isoformat() if day else None,
                "kind": document_kind(title),
            }
        )
    return out


_FRONT_PARTY = re.compile(r"^(Employee|Employer)\s*:\s*(.*?)(?=\s+Employer\s*:|$)")


def front_parties(lines: Lines, start: int, stop: int) -> dict[str, dict[str, str | None]]:
    """ "Employee: X" and "Employer: Y" in a header (notice-2013, maximus-decisions)."""
    out: dict[str, dict[str, str | None]] = {}
    for index in range(start, stop):
        line = lines.text[index]
        if not line.startswith("Employ"):
            continue
        for part in re.split(r"\s+(?=Employer\s*:)", line):
            found = _FRONT_PARTY.match(part)
            if found and found.group(2).strip():
                out[found.group(1).lower()] = {"name": found.group(2).strip()[:300]}
    return out


def parties(lines: Lines, start: int, stop: int) -> dict[str, dict[str, str | None]]:
    """Parties served, by their ``openimr.case/1`` key."""
    out: dict[str, dict[str, str | None]] = {}
    for entry in _entries(lines, start, stop):
        role, sep, name = entry.partition(": ")
        key = _ROLES.get(role.strip().lower())
        if not sep or not key or not name.strip():
            continue
        if key == "requesting_physician":
            person, _, specialty = name.partition(", ")
            out[key] = {
                "name": person.strip()[:300] or None,
                "specialty": specialty.strip()[:300] or None,
            }
        else:
            out[key] = {"name": name.strip()[:300]}
    return out
