"""The most recent visit (its complaints and examination) and the imaging on file."""

import re
from collections.abc import Sequence

from openimr.core.case import DocumentKind
from openimr.core.words import article
from openimr.records.domain.dates import find_dates, format_date
from openimr.records.domain.evidence import Found, Record, newest_first
from openimr.records.domain.prose import (
    EXAM_OPENING,
    is_introduction,
    lower_first,
    sentence,
    shorten,
    soften_capitals,
)
from openimr.records.domain.sections import COMPLAINTS, SectionName
from openimr.records.domain.text import Passage, clean, passages

_K = DocumentKind
_COMPLAINT_CUES = re.compile(
    r"pain|ache|aching|numb|tingl|stiff|weak|complain|symptom|difficult|anxi|depress|sleep"
    r"|nightmare|headache|spasm|radiat|swell|locking|catching|flare|discomfort|worse|limited"
    r"|trouble|unable|\b\d{1,2}/10\b|vas\b",
    re.IGNORECASE,
)
_EXAM_CUES = re.compile(
    r"tender|spasm|range of motion|\brom\b|flexion|extension|abduction|rotation|positive|negative"
    r"|straight[- ]leg|\bslr\b|strength|\d/5\b|reflex|sensation|decreased|diminished|limited"
    r"|guarding|swelling|crepitus|impingement|hawkins|neer|mcmurray|drawer|gait|antalgic"
    r"|atrophy|affect|mood|tearful|anxious|orient|painful arc|effusion|trigger point|weakness",
    re.IGNORECASE,
)
_ABNORMAL = re.compile(
    r"tender|spasm|guarding|positive|decreased|diminished|reduced|limited|restricted|painful"
    r"|with pain|weak|[0-4][+-]?/5\b|5-/5|effusion|swell|atrophy|antalgic|trigger point|crepitus"
    r"|lag|instab|laxity|click|deficit|depressed|anxious|tearful|constricted|guarded|impaired"
    r"|hypervigil|startle|slowing|hypertonic|restriction|ecchymosis"
    # A measured range of motion is reported whatever its value; the reader judges it.
    r"|(?:flexion|extension|abduction|rotation|range of motion|rom)\b[^.]{0,40}\d+\s*deg"
    r"|\bgrip\b[^.]{0,30}\d+\s*(?:kg|lb|pounds)",
    re.IGNORECASE,
)
_VITALS = re.compile(
    r"^(?:vital signs|vitals|bp|b/p|blood pressure|hr|pulse|height|weight|ht|wt|temp"
    r"|temperature|rr|resp(?:irations)?|bmi|o2 sat|spo2|general|constitutional)\b",
    re.IGNORECASE,
)
_IMAGING_MENTION = re.compile(
    r"\b(?:MRI|CT|EMG|NCV|(?i:x-?rays?|radiographs?|ultrasound|MR arthrogram))\b.{0,120}?"
    r"\b(?i:show(?:s|ed)?|reveal(?:s|ed)?|demonstrat(?:es|ed)|was (?:notable|significant) for"
    r"|confirm(?:s|ed)?|reviewed)\b",
)
# "Imaging studies were not reviewed", "MRI is requested": a study not done or not read.
_NOT_A_RESULT = re.compile(
    r"\bnot\b|\bno\b|\bnone\b|\bpending\b|\brequest|\brecommend|\bwill be\b|\bto be\b|\border",
    re.IGNORECASE,
)
_SIGNATURE = re.compile(
    r"(?:electronically|digitally) signed|\bdictated\b|\btranscribed\b|^(?:radiologist"
    r"|interpreted by|reviewed by|signed by)\b|,\s*M\.?D\.?\s*$",
    re.IGNORECASE,
)
# In-office films are reported as "taken today": the study is dated by the visit.
_TODAY = re.compile(r"\btoday\b", re.IGNORECASE)
_NOTE_KINDS = (_K.PROGRESS_NOTE, _K.EVALUATION)
_MAX_COMPLAINTS, _MAX_EXAM, _MAX_IMPRESSIONS = 3, 6, 2
_COMPLAINTS_BUDGET, _EXAM_BUDGET = 300, 340


def latest_note(records: Sequence[Record]) -> Record | None:
    """The most recent visit: a progress note or an evaluation, whichever is later; the
    progress note when both bear the same date."""
    notes = newest_first(records, *_NOTE_KINDS)
    if not notes:
        return None
    newest = notes[0].date
    same_day = [n for n in notes if n.date == newest]
    return next((n for n in same_day if n.kind is _K.PROGRESS_NOTE), same_day[0])


def complaints(note: Record) -> list[Found]:
    """The first sentences of the complaint sections that state a complaint."""
    stated = [
        p
        for p in note.section_passages(*COMPLAINTS)
        if _COMPLAINT_CUES.search(p.text) and not is_introduction(p.text)
    ]
    if not stated:
        stated = [p for p in note.passages if re.search(r"complain", p.text, re.I)][:1]
    return _found(note, _within(stated, _COMPLAINTS_BUDGET, _MAX_COMPLAINTS))


def exam(note: Record) -> list[Found]:
    """The abnormal examination findings, in the note's order (summaries report what is
    wrong); the normal ones only when none is abnormal; never vital signs."""
    candidates = [
        p
        for p in note.section_passages(SectionName.OBJECTIVE) or _unheaded_exam(note)
        if not _VITALS.match(p.text) and (_EXAM_CUES.search(p.text) or _ABNORMAL.search(p.text))
    ]
    abnormal = [p for p in candidates if _ABNORMAL.search(p.text)]
    chosen = _within(abnormal or candidates, _EXAM_BUDGET, _MAX_EXAM)
    return _found(note, chosen)


def _unheaded_exam(note: Record) -> list[Passage]:
    """In a narrative note, the sentence that opens with "On exam" and those after it in its
    paragraph that still report findings."""
    out: list[Passage] = []
    for passage in note.passages:
        if out and not (_EXAM_CUES.search(passage.text) or _ABNORMAL.search(passage.text)):
            break
        if out or EXAM_OPENING.match(passage.text):
            out.append(passage)
    return out


def exam_name(note: Record) -> str:
    """The examination's name: the mental status examination of a psychiatric note, else
    the physical examination."""
    for section in note.sections:
        if section.name is SectionName.OBJECTIVE and "mental status" in section.heading.lower():
            return "mental status examination"
    return "physical examination"


def _within(passages: Sequence[Passage], budget: int, limit: int) -> list[Passage]:
    chosen: list[Passage] = []
    for passage in passages[:limit]:
        if chosen and sum(len(p.text) for p in chosen) + len(passage.text) > budget:
            break
        chosen.append(passage)
    return chosen


def _found(note: Record, passages: Sequence[Passage]) -> list[Found]:
    return [Found(p.text, p.text, note.refs(p.pages)) for p in passages]


def imaging(records: Sequence[Record]) -> list[Found]:
    """Each imaging report's impression with its date; failing any report, a clinical
    record's account of a study's result."""
    reports = sorted(
        newest_first(records, _K.IMAGING), key=lambda r: r.date.toordinal() if r.date else 0
    )
    found = [f for f in (_impression(r) for r in reports) if f]
    return found or _mentions(records)


def _impression(report: Record) -> Found | None:
    entries = report.section_passages(SectionName.IMPRESSION) or report.section_passages(
        SectionName.FINDINGS
    )
    entries = tuple(p for p in entries if len(p.text) > 3 and not _SIGNATURE.search(p.text))
    entries = entries[:_MAX_IMPRESSIONS]
    if not entries:
        return None
    text = "; ".join(lower_first(soften_capitals(clean(p.text))).rstrip(" .") for p in entries)
    when = report.date.isoformat() if report.date else ""
    pages = [page for p in entries for page in p.pages]
    study = lower_first(report.facts.title)
    dated = f" dated {format_date(report.date)}" if report.date else ""
    line = sentence(f"{article(study).capitalize()} {study}{dated} showed {shorten(text, 300)}")
    return Found(f"{when} {text}".strip(), line, report.refs(pages))


def _mentions(records: Sequence[Record]) -> list[Found]:
    for record in newest_first(records, *_NOTE_KINDS):
        for text, passage in _study_passages(record):
            if _IMAGING_MENTION.search(text) and not _NOT_A_RESULT.search(text):
                return [_mention(record, text, passage)]
    return []


def _study_passages(record: Record) -> list[tuple[str, Passage]]:
    """Each sentence of a record; under a "Diagnostic studies" or "X-rays" heading, with the
    heading in front, since the sentence itself may not name the study."""
    out = []
    for section in record.sections:
        studies = section.name is SectionName.DIAGNOSTIC_STUDIES
        for passage in passages(section.lines):
            text = f"{section.heading}: {passage.text}" if studies else passage.text
            out.append((text, passage))
    return out


def _mention(record: Record, text: str, passage: Passage) -> Found:
    dates = " ".join(d.value.isoformat() for d in find_dates(text))
    if not dates and record.date and _TODAY.search(text):
        dates = record.date.isoformat()
    what = record.facts.title.lower()
    dated = f" dated {format_date(record.date)}" if record.date else ""
    said = lower_first(soften_capitals(_unlabelled(text)))
    sentence_text = sentence(f"According to the {what}{dated}, {said}")
    return Found(f"{dates} {text}".strip(), sentence_text, record.refs(passage.pages))


def _unlabelled(text: str) -> str:
    """A study's heading kept but not shouted: "X-RAYS reviewed: Two views ..." reads
    "x-rays reviewed: two views ..."."""
    label, colon, rest = text.partition(":")
    if colon and len(label.split()) <= 3 and any(w.isupper() for w in label.split()):
        return f"{soften_capitals(label.upper())}: {lower_first(rest.strip())}"
    return text
