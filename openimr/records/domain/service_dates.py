"""The date of service of a document: the visit, the exam, the procedure or the decision it
records, read from the label in front of a date.

A record carries many dates (birth, injury, request received, dictation); the wrong one in
the list of records reviewed misleads the reader of the letter. So a date counts only by its
label, or, failing any label, as a letter's date line at the very top; a date of birth or of
injury beside it never does.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from openimr.core.case import DocumentKind
from openimr.records.domain.dates import find_dates
from openimr.records.domain.text import Line

SERVICE_LABELS = frozenset(
    {
        "date of service", "dates of service", "dos", "d.o.s", "service date", "date of exam",
        "date of examination", "exam date", "examination date", "date of visit", "visit date",
        "date of evaluation", "evaluation date", "date of procedure", "procedure date",
        "date of surgery", "surgery date", "date of study", "study date", "date of report",
        "report date", "date of treatment", "treatment date", "date of determination",
        "determination date", "date of decision", "decision date", "date of review",
        "review date", "date seen", "date of consultation", "consultation date",
        "date of encounter", "encounter date", "appointment date", "date of appointment",
        "examined on", "seen on", "date of note", "note date", "date of letter", "letter date",
        "date of this report", "date of notice", "notice date", "date of interview",
    }
)  # fmt: skip
NOT_SERVICE_LABELS = frozenset(
    {
        "date of injury", "doi", "d.o.i", "injury date", "date of birth", "dob", "d.o.b",
        "birth date", "birthdate", "date of hire", "hire date", "date received", "received",
        "received on", "date of request", "request date", "date dictated", "dictated",
        "date transcribed", "transcribed", "date of application", "claim date", "date of loss",
        "date signed", "signed", "date of rfa", "rfa date", "date faxed", "faxed",
        "date printed", "printed", "expiration date", "date of original request",
        "date of last exam", "last visit", "date of last visit", "next visit", "follow-up date",
        "return date", "date of prior review",
    }
)  # fmt: skip
# The request for authorization is dated by its requesting physician when signing it.
RFA_LABELS = frozenset(
    {"date of request", "request date", "date of rfa", "rfa date", "date signed"}
)
GENERIC_LABELS = frozenset({"date"})
_KNOWN = SERVICE_LABELS | NOT_SERVICE_LABELS | RFA_LABELS | GENERIC_LABELS
# Longest first: of the labels a text ends with, the leftmost match is the longest.
_ENDING = re.compile(
    r"(?:^|[^a-z.])(?P<label>"
    + "|".join(re.escape(label) for label in sorted(_KNOWN, key=len, reverse=True))
    + r")$"
)
# Forms word the label many ways ("Date of your first examination", "Review completed",
# "Date issued"); a date of an exam, visit or decision is the document's own date unless it
# is a last, next or prior one.
_SERVICE_LIKE = re.compile(
    r"(?:^|[^a-z.])(?:date\s+of\s+(?:(?:your|the|this|first|initial)\s+)*(?:service|exam"
    r"|examination|visit|evaluation|consultation|encounter|procedure|surgery|study|report|notice"
    r"|letter|decision|determination|review)"
    r"|(?:(?:first|initial|office)\s+)?(?:service|exam|examination|visit|evaluation|consultation"
    r"|encounter|study|report|notice|review|decision|determination|letter)\s+(?:date|completed"
    r"|issued|sent|performed)|(?:office )?visit|seen|date (?:issued|sent|of issue)"
    r"|(?:follow[- ]?up|progress|office|clinic)\s+(?:note|visit|report)"
    r"|study performed|performed on)$"
)
_NEAR_TOP = 15
_LETTER_DATE_LINES = 12
_LABELLED, _LATER_PAGE, _GENERIC, _DATE_LINE = 4, 3, 2, 1


@dataclass(frozen=True)
class Candidate:
    value: date
    rank: int
    position: int


def infer_date_of_service(lines: Sequence[Line], kind: DocumentKind) -> date | None:
    """The best-labelled date: a service label, then a bare "Date:" near the top, then a
    letter's date line; the earliest of equals. None when no date has such a label."""
    candidates = [c for i, line in enumerate(lines) for c in _candidates(lines, i, kind)]
    if not candidates:
        return None
    return max(candidates, key=lambda c: (c.rank, -c.position)).value


def _candidates(lines: Sequence[Line], index: int, kind: DocumentKind) -> list[Candidate]:
    line = lines[index]
    out, previous_end = [], 0
    for match in find_dates(line.text):
        label = label_before(line.text[previous_end : match.start], _line_above(lines, index))
        rank = _rank(label, kind, line, index)
        alone = not line.text[: match.start].strip() and _is_date_line(line.text, match.end)
        if alone and not label:
            rank = _DATE_LINE if index < _LETTER_DATE_LINES else 0
        if rank:
            out.append(Candidate(match.value, rank, index))
        previous_end = match.end
    return out


def _line_above(lines: Sequence[Line], index: int) -> str:
    # A form may print the label on one line and the date under it.
    above = lines[index - 1].text if index else ""
    return above if above.rstrip().endswith(":") and not find_dates(above) else ""


def _is_date_line(text: str, end: int) -> bool:
    return not text[end:].strip(" .,")


def label_before(segment: str, above: str = "") -> str:
    """The label that ``segment`` (the text before a date) ends with, normalised; "" when it
    ends with none. The longest known label wins: "Birth date:" is a birth date."""
    text = _normal(segment) or _normal(above)
    match = _ENDING.search(text)
    if match:
        return match["label"]
    return "date of service" if _SERVICE_LIKE.search(text) else ""


def _normal(segment: str) -> str:
    text = re.sub(r"\(s\)", "", segment.lower())
    text = re.sub(r"\s+(?:was|is)$", "", text.strip(" \t:#-=|.").strip())
    return " ".join(text.strip(" :#-=|.").split())


def _rank(label: str, kind: DocumentKind, line: Line, index: int) -> int:
    if kind is DocumentKind.RFA and label in RFA_LABELS:
        return _LABELLED
    if label in SERVICE_LABELS:
        return _LABELLED if line.page == 1 else _LATER_PAGE
    if label in GENERIC_LABELS and (index < _NEAR_TOP or kind is DocumentKind.RFA):
        return _GENERIC if line.page == 1 else 0
    return 0
