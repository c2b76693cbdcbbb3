"""What a document is, who wrote it and when, read from its text by rules.

Records reach the reviewer as unlabelled PDFs from the claims administrator, the treating
physician and the employee (8 CCR 9792.10.5), so the workspace proposes a kind, an author and
a date of service for each, to be confirmed by a person. Rules only: the case file may not
leave the machine, and every guess must be explainable.

The kind is scored, not matched: each rule counts once, at the best place it occurs, and a
hit in the document's opening lines weighs three times one in the body. A progress note
that discusses an MRI therefore stays a progress note, and a UR letter that quotes the
request for authorization stays a UR determination.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass

from openimr.core.case import DocumentKind
from openimr.records.domain.authors import infer_author
from openimr.records.domain.pages import RecordFacts
from openimr.records.domain.sections import read_heading
from openimr.records.domain.service_dates import infer_date_of_service
from openimr.records.domain.text import Line, document_lines
from openimr.records.domain.titles import infer_title

_K = DocumentKind
_OPENING_LINES = 8
_OPENING, _BODY, _LATER_PAGE = 3.0, 1.0, 0.5
# What a document is shows in its first pages; a long evaluation's later pages cite others.
_PAGES_READ = 3
_SALUTATION = re.compile(r"^dear\b", re.IGNORECASE)
# Below this, no rule spoke clearly enough and the document is left as "other".
_MINIMUM_SCORE = 3.0


_IMAGED_PART = r"\b(?:mri|ct|cat scan|x-?rays?|radiographs?|ultrasound)\b.{0,12}\bof the\b"
_THERAPY_TITLE = (
    r"\b(?:daily|treatment|visit|therapy|pt|chiropractic|acupuncture)"
    r" (?:daily |treatment |progress )?note\b"
)
_VISIT_TITLE = (
    r"\b(?:follow[- ]?up|office|return|postoperative|post-op)"
    r" (?:visit|evaluation|note|report)\b"
)
_FOLLOW_UP = r"\bfollow[- ]?up\b|\bf/u\b|\breturns? (?:for|with|today)\b|\binterval history"
_REVIEWER = r"\b(?:physician|peer) reviewer\b|\breviewing physician|physician advisor"
_FIRST_PERSON = r"\b(?:i am writing|i write to|this letter is|i ask that|please accept)"
_CONSULTED = r"\bconsultation (?:report|note)\b|^consultation\b|\bdoctor'?s first report\b"
_REVIEW = r"\b(?:utilization|peer) review\b|\breview (?:organization|services|unit|department)\b"
# A decision announced: "The request is non-certified", "The injection is certified", or a
# decision line; "approved" is left out, as notes say it of treatment they go on to give.
_DECIDED = (
    r"\b(?:is|are|was|were|has been|have been)\s+(?:hereby\s+)?"
    r"(?:non-?certified|not certified|certified|denied|modified)\b"
    r"|^(?:decision|determination|outcome)\s*:\s*(?:non-?certified|not certified|denied|modified)"
    r"|\b(?:unable to|cannot|can ?not) (?:approve|authorize|certify)\b"
)
_NOTICE = (
    r"\bnotice of (?:adverse|modification|denial|decision|certification|non-?certification"
    r"|utilization)"
)
# A study named in the opening lines is what an imaging report is about; in a note's body
# it is only discussed, and weighs a third as much.
_MODALITY = r"\b(?:mri|ct scan|x-?rays?|radiographs?|ultrasound|sonograph\w*|mr arthrogram)\b"
_MEDICAL_LEGAL = r"\b(?:qualified|agreed|independent) medical(?:-legal)? evaluation\b|\bpanel QME\b"
_CONSULTATION = (
    r"\b(?:initial|comprehensive|psychiatric|psychological|orthopa?edic|neurological"
    r"|pain management|consultative)\s+(?:\w+\s+)?(?:evaluation|consultation)\b"
)


@dataclass(frozen=True)
class KindRule:
    kind: DocumentKind
    pattern: re.Pattern[str]
    weight: float


def _rule(kind: DocumentKind, pattern: str, weight: float) -> KindRule:
    # MULTILINE: a rule's "^" means the start of a line within its zone of lines.
    return KindRule(kind, re.compile(pattern, re.IGNORECASE | re.MULTILINE), weight)


RULES: tuple[KindRule, ...] = (
    _rule(_K.PROGRESS_NOTE, r"primary treating physician'?s'? progress report", 6),
    _rule(_K.PROGRESS_NOTE, r"\bPR-?2\b", 5),
    _rule(_K.PROGRESS_NOTE, r"\bprogress (?:note|report)\b", 4),
    _rule(_K.PROGRESS_NOTE, _VISIT_TITLE, 3),
    _rule(_K.PROGRESS_NOTE, _FOLLOW_UP, 2),
    _rule(_K.PROGRESS_NOTE, r"^(?:physical exam(?:ination)?|exam)\b", 1),
    _rule(_K.PROGRESS_NOTE, r"^(?:subjective|s)\b(?: complaints)?\s*:?", 2),
    _rule(_K.PROGRESS_NOTE, r"^(?:objective|o)\b(?: findings)?\s*:?", 2),
    _rule(_K.PROGRESS_NOTE, r"^(?:chief complaint|history of present illness|hpi)\b", 1.5),
    _rule(_K.PROGRESS_NOTE, r"^(?:assessment|plan|treatment plan)\b|^(?:a|p|pe|a/p)\s*:", 1),
    _rule(_K.IMAGING, _IMAGED_PART, 3),
    _rule(_K.IMAGING, r"\bradiology report\b|\bimaging (?:report|center)\b|\bradiology\b", 4),
    _rule(_K.IMAGING, r"^impressions?\s*:?", 2),
    _rule(_K.IMAGING, r"^(?:technique|comparison|findings)\s*:", 2),
    _rule(_K.IMAGING, r"\bradiologist\b|\b(?:reading|interpreting) physician\b", 2),
    _rule(_K.IMAGING, _MODALITY, 3),
    _rule(_K.IMAGING, r"^(?:conclusion|observations?|indication|clinical history)\s*:", 1),
    _rule(_K.IMAGING, r"\b(?:with|without|w/o|w/)\s+(?:and without )?(?:iv )?contrast\b", 2),
    _rule(_K.OPERATIVE_REPORT, r"\boperative report\b|\bprocedure note\b|\bop note\b", 6),
    _rule(_K.OPERATIVE_REPORT, r"\bprocedures? performed\b|\b(?:pre|post)-?operative diagnos", 3),
    _rule(_K.OPERATIVE_REPORT, r"\bestimated blood loss\b|^anesthesia\s*:", 3),
    _rule(_K.RFA, r"\brequest for authori[sz]ation\b", 5),
    _rule(_K.RFA, r"\bDWC\s*Form\s*RFA\b|\bform rfa\b", 6),
    _rule(_K.RFA, r"^requesting physician information\b|^requested (?:treatment|service)", 2),
    _rule(_K.UR_DETERMINATION, _REVIEW, 3),
    _rule(_K.UR_DETERMINATION, _REVIEWER, 3),
    _rule(_K.UR_DETERMINATION, r"\bnon-?certif(?:y|ied|ication)\b|\bnot certified\b", 3),
    _rule(_K.UR_DETERMINATION, r"\bdetermination\b", 2),
    _rule(_K.UR_DETERMINATION, _DECIDED, 4),
    _rule(_K.UR_DETERMINATION, _NOTICE, 3),
    _rule(_K.THERAPY_NOTE, r"\bphysical therapy\b|\bphysiotherapy\b|\boccupational therapy\b", 2),
    _rule(_K.THERAPY_NOTE, _THERAPY_TITLE, 4),
    _rule(_K.THERAPY_NOTE, r"\bdischarge summary\b|\bre-?evaluation\b|\bvisit #?\s*\d+ of \d+", 3),
    _rule(_K.THERAPY_NOTE, r"\bchiropractic (?:treatment|care)\b|\bacupuncture treatment\b", 2),
    _rule(_K.EVALUATION, _MEDICAL_LEGAL, 6),
    _rule(_K.EVALUATION, _CONSULTATION, 4),
    # The bare acronym is how a treating note cites the evaluation ("per AME report").
    _rule(_K.EVALUATION, r"\b[QA]ME\b", 2),
    _rule(_K.EVALUATION, _CONSULTED, 4),
    _rule(_K.EVALUATION, r"^reason for (?:consultation|referral)\b|^referring doctor", 2),
    _rule(_K.APPLICATION, r"\bapplication for independent medical review\b|\bDWC\s*Form\s*IMR", 5),
    _rule(_K.CORRESPONDENCE, r"^dear\b", 2),
    _rule(_K.CORRESPONDENCE, r"^(?:sincerely|respectfully|regards)\b", 2),
    _rule(_K.CORRESPONDENCE, r"^re\s*:", 1),
    # A letter in the first person asks or explains; a determination announces.
    _rule(_K.CORRESPONDENCE, _FIRST_PERSON, 3),
)  # fmt: skip


def infer_record(pages: Sequence[str]) -> RecordFacts:
    """Kind, author, date of service and a short title for the document whose extracted
    pages are ``pages``; unknown author or date is None, an unknown kind is OTHER."""
    lines = document_lines(pages)
    kind = infer_kind(lines)
    return RecordFacts(
        kind=kind,
        author=infer_author(lines, kind),
        date_of_service=infer_date_of_service(lines, kind),
        title=infer_title(lines, kind),
    )


def infer_kind(lines: Sequence[Line]) -> DocumentKind:
    scores = kind_scores(lines)
    best = max(scores, key=lambda kind: scores[kind], default=None)
    if best is None or scores[best] < _MINIMUM_SCORE:
        return DocumentKind.OTHER
    return best


def kind_scores(lines: Sequence[Line]) -> dict[DocumentKind, float]:
    """Each rule's weight times the position factor of its best line, summed per kind."""
    scores: dict[DocumentKind, float] = {}
    zones = _zones([line for line in lines if line.page <= _PAGES_READ])
    for rule in RULES:
        factor = next((f for f, text in zones if rule.pattern.search(text)), 0.0)
        if factor:
            scores[rule.kind] = scores.get(rule.kind, 0.0) + rule.weight * factor
    return scores


def _zones(lines: Sequence[Line]) -> list[tuple[float, str]]:
    """The opening, the rest of the first page and the later pages, best factor first, each
    as one text of lines so that a rule is searched three times, not once a line."""
    opening = opening_length(lines)
    zones: dict[float, list[str]] = {_OPENING: [], _BODY: [], _LATER_PAGE: []}
    for index, line in enumerate(lines):
        zones[_position_factor(line, index < opening)].append(line.text)
    return [(factor, "\n".join(texts)) for factor, texts in zones.items()]


def opening_length(lines: Sequence[Line]) -> int:
    """How many lines make the document's opening: its letterhead, title and identifying
    block, up to the first section heading or salutation and at most a few lines."""
    for index, line in enumerate(lines[:_OPENING_LINES]):
        if line.page > 1 or read_heading(line.text) or _SALUTATION.match(line.text):
            return index
    return min(len(lines), _OPENING_LINES)


def _position_factor(line: Line, opening: bool) -> float:
    if line.page > 1:
        return _LATER_PAGE
    return _OPENING if opening else _BODY
