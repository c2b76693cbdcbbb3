"""Section headings of clinical documents: SOAP notes, PR-2 forms, narrative reports and
radiology reports name the same parts in many ways ("S:", "SUBJECTIVE COMPLAINTS",
"Chief Complaint", "HPI"), as a heading line or as a label with the text on the same line."""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from openimr.records.domain.text import Line


class SectionName(StrEnum):
    HEADER = "header"  # whatever comes before the first heading
    SUBJECTIVE = "subjective"
    CHIEF_COMPLAINT = "chief_complaint"
    HISTORY_OF_PRESENT_ILLNESS = "history_of_present_illness"
    OBJECTIVE = "objective"
    ASSESSMENT = "assessment"
    DIAGNOSES = "diagnoses"
    PLAN = "plan"
    MEDICATIONS = "medications"
    IMPRESSION = "impression"
    FINDINGS = "findings"
    TREATMENT_TO_DATE = "treatment_to_date"
    MECHANISM = "mechanism"
    INJURY_HISTORY = "injury_history"
    DIAGNOSTIC_STUDIES = "diagnostic_studies"
    REQUEST = "request"
    PROCEDURE = "procedure"
    OTHER = "other"  # a known heading that no rule reads, kept so that it ends a section


COMPLAINTS = (
    SectionName.SUBJECTIVE,
    SectionName.CHIEF_COMPLAINT,
    SectionName.HISTORY_OF_PRESENT_ILLNESS,
)

_S = SectionName
_HEADINGS: dict[SectionName, tuple[str, ...]] = {
    _S.SUBJECTIVE: (
        "s", "subjective", "subjective complaints", "subjective findings", "complaints",
        "current complaints", "patient complaints", "presenting complaints", "interval history",
        "interim history", "current symptoms", "symptoms", "subjective complaints/history",
    ),
    _S.CHIEF_COMPLAINT: (
        "cc", "chief complaint", "chief complaints", "reason for visit", "reason for consultation",
        "reason for referral", "presenting problem",
    ),
    _S.HISTORY_OF_PRESENT_ILLNESS: (
        "hpi", "history of present illness", "present illness", "history of the present illness",
        # In a note a bare "History" is the present illness; reports that use it otherwise
        # (a radiology indication) are not read for complaints.
        "history",
    ),
    _S.OBJECTIVE: (
        "o", "objective", "objective findings", "objective exam", "physical examination",
        "physical exam", "exam", "examination", "pe", "physical findings", "clinical findings",
        "objective/physical examination", "mental status examination", "mental status exam",
        "exam findings", "examination findings",
    ),
    _S.ASSESSMENT: ("a", "assessment", "assessment and plan", "a/p", "clinical impression"),
    _S.DIAGNOSES: (
        "diagnosis", "diagnoses", "diagnostic impression", "working diagnosis",
        "working diagnoses", "icd-10 diagnoses", "icd-10 codes", "diagnosis codes",
    ),
    _S.PLAN: (
        "p", "plan", "treatment plan", "plan of care", "recommendations", "recommendation",
        "treatment recommendations", "discussion and recommendations", "disposition",
    ),
    _S.MEDICATIONS: (
        "medications", "medication", "current medications", "meds", "current meds",
        "medication list", "medications prescribed",
    ),
    _S.IMPRESSION: ("impression", "impressions", "conclusion", "conclusions"),
    _S.FINDINGS: ("findings", "result", "results", "observations"),
    _S.TREATMENT_TO_DATE: (
        "treatment to date", "prior treatment", "previous treatment", "past treatment",
        "treatment history", "prior treatments", "conservative treatment to date",
    ),
    _S.MECHANISM: (
        "mechanism of injury", "moi", "how injury occurred", "how the injury occurred",
        # The Doctor's First Report (DLSR 5021) asks it in these words.
        "describe how the accident or exposure happened", "how the accident happened",
        "how did the injury occur",
    ),
    _S.PROCEDURE: (
        "procedure", "procedures", "procedure performed", "procedures performed", "operation",
        "operation performed", "operations performed", "name of procedure",
    ),
    _S.INJURY_HISTORY: (
        "history of injury", "history of the injury", "injury history", "description of injury",
        "description of the injury",
    ),
    _S.DIAGNOSTIC_STUDIES: (
        "diagnostic studies", "imaging", "imaging studies", "radiographs", "x-rays",
        "diagnostic tests", "studies reviewed", "x-rays reviewed", "imaging reviewed",
        "radiographs reviewed", "mri reviewed", "x-ray", "mri",
    ),
    _S.REQUEST: (
        "requested treatment", "treatment requested", "request", "requested services",
        "requested service", "services requested", "request for", "requested",
        "service/good requested", "services/goods requested", "requested services/goods",
    ),
    _S.OTHER: (
        "past medical history", "pmh", "past surgical history", "psh", "social history",
        "family history", "allergies", "review of systems", "ros", "work status",
        "disability status", "return to work", "follow-up", "follow up", "causation",
        "apportionment", "technique", "comparison", "clinical history", "indication",
        "preoperative diagnosis", "postoperative diagnosis", "anesthesia", "complications",
        "estimated blood loss", "description",
        "indications", "records reviewed", "review of records", "signature",
        "attestation", "goals", "short term goals", "long term goals", "rationale",
        "decision", "determination", "clinical summary", "guidelines", "guideline",
        "appeal rights", "occupational history", "employment history",
        "psychological testing", "prognosis", "disclosure", "description of procedure",
    ),
}  # fmt: skip
_BY_LABEL = {label: name for name, labels in _HEADINGS.items() for label in labels}
_LABELLED = re.compile(
    r"^(?:\d{1,2}[.)]\s*|[IVX]{1,4}\.\s+)?(?P<label>[A-Za-z][^:]{0,48}):(?P<rest>.*)$"
)
# One-letter SOAP labels ("S:", "P:") also read as vital signs ("P: 72"); a digit rules them out.
_ONE_LETTER = frozenset({"s", "o", "a", "p"})
_VITAL = re.compile(r"^\d+(?:/\d+)?(?:\s*(?:bpm|mmhg))?\s*$", re.IGNORECASE)
# "Neuro exam:", "Shoulder examination:", "Focused exam findings:" all open the examination.
_EXAM_LABEL = re.compile(
    r"^(?!.*\b(?:date|last|next|prior|previous)\b)(?:[a-z/-]+ ){0,3}exam(?:ination)?(?: findings)?$"
)


@dataclass(frozen=True)
class Section:
    name: SectionName
    heading: str
    lines: tuple[Line, ...]


def split_sections(lines: Sequence[Line]) -> tuple[Section, ...]:
    """The sections of a document in order; a heading's same-line text opens its section."""
    sections: list[tuple[SectionName, str, list[Line]]] = [(SectionName.HEADER, "", [])]
    for line in lines:
        heading = read_heading(line.text)
        if heading is None:
            sections[-1][2].append(line)
            continue
        name, label, rest = heading
        sections.append((name, label, [Line(line.page, rest)] if rest else []))
    return tuple(Section(name, label, tuple(body)) for name, label, body in sections)


def read_heading(text: str) -> tuple[SectionName, str, str] | None:
    """(section, heading as written, text after it) when ``text`` opens a section."""
    labelled = _LABELLED.match(text)
    if labelled:
        label, rest = labelled["label"].strip(), labelled["rest"].strip()
        name = _BY_LABEL.get(_normal(label))
        name = name or _examination(_normal(label))
        if name is not None and not (_normal(label) in _ONE_LETTER and _VITAL.match(rest)):
            return name, label, rest
    bare = _BY_LABEL.get(_normal(text))
    if bare is not None and _normal(text) not in _ONE_LETTER and len(text) <= 50:
        return bare, text.strip(), ""
    return None


def _examination(label: str) -> SectionName | None:
    return SectionName.OBJECTIVE if _EXAM_LABEL.match(label) else None


def _normal(label: str) -> str:
    label = re.sub(r"^(?:\d{1,2}[.)]\s*|[IVX]{1,4}\.\s+)", "", label.strip())
    label = re.sub(r"\(s\)|[*#]", "", label.lower())
    return " ".join(label.replace("&", "and").strip(" .-:").split())


def named(sections: Sequence[Section], *names: SectionName) -> tuple[Section, ...]:
    return tuple(s for s in sections if s.name in names)
