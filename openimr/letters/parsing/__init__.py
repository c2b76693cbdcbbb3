"""Reading published Final Determination Letters back into ``openimr.case/1``.

The contract the corpus relies on (the implementation lives in this package's modules):

- ``parse_text(text) -> ParsedLetter`` reads a letter's text, as PDF extraction leaves it;
- ``parse_pdf(data) -> ParsedLetter`` extracts the text with pypdfium2 and parses it;
- both raise ``LetterUnreadable`` (an ``OpenIMRError``) with the reason when the input is not
  a letter at all, or a PDF that is encrypted, damaged or has no text layer (scanned).

A letter that is a letter but incomplete (truncated, a field missing) parses what is there
and says what is missing in ``warnings``.
"""

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


@dataclass(frozen=True)
class ParsedLetter:
    case: dict[str, Any]  # an openimr.case/1 document; what the letter does not say is null
    layout: str  # one of LAYOUTS
    warnings: tuple[str, ...] = ()
    confidence: dict[str, float] = field(default_factory=dict)  # field path -> 0..1
