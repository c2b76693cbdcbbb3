"""A short title for a document, as the list of records reviewed names it: "Progress note",
"MRI of the lumbar spine", "Physical therapy discharge summary"."""

import re
from collections.abc import Sequence

from openimr.core.case import DocumentKind
from openimr.records.domain.text import Line

_K = DocumentKind
_TITLES = {
    _K.PROGRESS_NOTE: "Progress note",
    _K.UR_DETERMINATION: "Utilization review determination",
    _K.IMAGING: "Imaging report",
    _K.OPERATIVE_REPORT: "Operative report",
    _K.RFA: "Request for authorization",
    _K.APPLICATION: "Application for independent medical review",
    _K.CORRESPONDENCE: "Letter",
    _K.EVALUATION: "Evaluation",
    _K.THERAPY_NOTE: "Therapy note",
    _K.OTHER: "Document",
}
_MODALITIES = (
    ("MRI", r"(?i:\bmri\b|\bmagnetic resonance\b|\bmr (?:imaging|arthrogram)\b)"),
    ("CT", r"\bCT\b|(?i:\bcat scan\b|\bcomputed tomography\b)"),
    ("X-ray", r"(?i:\bx-?rays?\b|\bradiograph(?:s|ic)?\b|\bxr\b|\bviews? of the\b|\b\d+ views?\b)"),
    ("Ultrasound", r"(?i:\bultrasound\b|\bsonogra)"),
    ("EMG/NCV", r"(?i:\bemg\b|\bnerve conduction\b|\belectrodiagnostic\b)"),
)
_SIDE = r"(?:(?P<side>right|left|bilateral|rt\.?|lt\.?)\s+)?"
_REGION = re.compile(
    _SIDE + r"(?P<part>(?:lumbar|lumbosacral|cervical|thoracic) spine|shoulder|knee|hip|wrist"
    r"|hand|elbow|ankle|foot|brain|head|pelvis|chest|abdomen|forearm|lower extremit(?:y|ies)"
    r"|upper extremit(?:y|ies))",
    re.IGNORECASE,
)
_EVALUATIONS = (
    ("Qualified medical evaluation", r"(?i:\bqualified medical)|\bQME\b"),
    ("Agreed medical evaluation", r"(?i:\bagreed medical)|\bAME\b"),
    ("Psychiatric evaluation", r"(?i:\bpsychiatric\b)"),
    ("Psychological evaluation", r"(?i:\bpsychological\b)"),
    ("Initial evaluation", r"(?i:\binitial\b|\bfirst report\b)"),
    ("Consultation", r"(?i:\bconsultation\b)"),
)
_THERAPIES = (
    ("Chiropractic", r"(?i:\bchiropract)"),
    ("Acupuncture", r"(?i:\bacupunct)"),
    ("Occupational therapy", r"(?i:\boccupational therapy\b)"),
    ("Physical therapy", r"(?i:\bphysical therap|\bphysiotherap)|\bPT\b"),
)
_THERAPY_DOCUMENTS = (
    ("discharge summary", r"(?i:\bdischarge\b)"),
    ("re-evaluation", r"(?i:\bre-?evaluation\b)"),
    ("evaluation", r"(?i:\bevaluation\b)"),
    ("note", r"."),
)
_HEAD = 10


def infer_title(lines: Sequence[Line], kind: DocumentKind) -> str:
    head = " ".join(line.text for line in lines[:_HEAD])
    if kind is DocumentKind.IMAGING:
        return _imaging_title(head) or _imaging_title(_text(lines)) or _TITLES[kind]
    if kind is DocumentKind.EVALUATION:
        return _first(_EVALUATIONS, head) or _TITLES[kind]
    if kind is DocumentKind.THERAPY_NOTE:
        return _therapy_title(head)
    if kind is DocumentKind.OTHER and lines:
        return _sentence_case(lines[0].text[:60])
    return _TITLES[kind]


def _text(lines: Sequence[Line]) -> str:
    return " ".join(line.text for line in lines)


def _imaging_title(text: str) -> str | None:
    modality = _first(_MODALITIES, text)
    if modality is None:
        return None
    region = _REGION.search(text)
    if region is None:
        return modality
    side = _side(region["side"])
    return f"{modality} of the {side}{region['part'].lower()}"


def _side(side: str | None) -> str:
    if not side:
        return ""
    word = side.lower().rstrip(".")
    return {"rt": "right", "lt": "left"}.get(word, word) + " "


def _therapy_title(head: str) -> str:
    therapy = _first(_THERAPIES, head) or "Therapy"
    document = _first(_THERAPY_DOCUMENTS, head) or "note"
    return f"{therapy} {document}"


def _first(table: Sequence[tuple[str, str]], text: str) -> str | None:
    for name, pattern in table:
        if re.search(pattern, text):
            return name
    return None


def _sentence_case(text: str) -> str:
    text = text.strip(" :")
    return text.capitalize() if text.isupper() else text
