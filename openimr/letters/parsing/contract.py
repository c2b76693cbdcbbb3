"""The parser's contract, shared with ingest and the synthetic corpus generator."""

from dataclasses import dataclass, field
from typing import Any

from openimr.core.errors import OpenIMRError

# The published layouts (domain.md §6), by the names the parser and the synthetic corpus
# generator (bench/corpus.py) share.
LAYOUTS = (
    "notice-2013",  # "Notice of Independent Medical Review Determination", numbered findings
    "fdl-2014",  # the seed: no header block, specialty and state in the first paragraph
    "fdl-2016",  # header block (Case Number, Date Assigned, ...) and a credentials list
    "maximus-decisions",  # "MAXIMUS FEDERAL SERVICES, INC." with DOCUMENTS REVIEWED
    "professional-review",  # "MEDICAL PROFESSIONAL REVIEW" with ISSUE AT DISPUTE
)


class LetterUnreadable(OpenIMRError):
    """The input is not a letter the parser can read; ``str()`` says why."""

    code = "unreadable"


@dataclass(frozen=True)
class ParsedLetter:
    case: dict[str, Any]  # an openimr.case/1 document; what the letter does not say is null
    layout: str  # one of LAYOUTS
    warnings: tuple[str, ...] = ()
    confidence: dict[str, float] = field(default_factory=dict)  # field path -> 0..1
    # field path -> the value as the letter printed it, where the case holds another reading
    # ("reviewer.specialties": ["Orthopedic Surgery", "Sports Medicinea"]); empty otherwise.
    # Only fields that hold nothing about a person: ingest de-identifies the case, not this.
    printed: dict[str, Any] = field(default_factory=dict)
