"""Treatment so far, as the records state it: a "treatment to date" statement, courses
completed, procedures undergone, what symptoms persisted despite, and the medications."""

import re
from collections.abc import Callable, Sequence
from datetime import date

from openimr.core.case import DocumentKind
from openimr.records.domain.dates import format_date
from openimr.records.domain.evidence import Found, Record, newest_first
from openimr.records.domain.prose import (
    join_words,
    lower_first,
    sentence,
    shorten,
    soften_capitals,
    strip_end,
)
from openimr.records.domain.sections import SectionName
from openimr.records.domain.text import clean

_K = DocumentKind
# Where a clinician describes the worker; a UR letter or a request only repeats it.
CLINICAL = (_K.PROGRESS_NOTE, _K.EVALUATION, _K.THERAPY_NOTE, _K.OPERATIVE_REPORT, _K.IMAGING)
_STATEMENT = re.compile(
    r"\b(?:(?:treatment to date|prior treatments?|previous treatments?|past treatments?"
    r"|conservative (?:care|treatment))\s+(?:has |have )?(?:included|includes|include"
    r"|consisted of|consists of|has consisted of)|(?:was|were|has been|had been) treated with)"
    r"\s*:?\s*(?P<what>[^;]{4,240})",
    re.IGNORECASE,
)
_COMPLETED = re.compile(
    r"\b(?:has|had|have)\s+(?:already\s+)?(?P<verb>completed|undergone|attended|received|tried"
    r"|failed|participated in|had|continued|done|finished)\s+(?P<what>[^;]{3,160})",
    re.IGNORECASE,
)
_TRIED = re.compile(r"\b(?P<verb>tried|trialed)\s+(?P<what>[^;]{3,160})", re.IGNORECASE)
# "Physical therapy for 6 weeks and an injection gave no lasting relief."
_RELIEF = re.compile(
    r"^(?P<what>[^;]{3,140}?)\s+(?:gave|provided|brought|afforded|offered)\s+(?:no|little"
    r"|partial|temporary|some|minimal|only)\s+(?:lasting\s+|temporary\s+|short-term\s+)?"
    r"(?:relief|benefit|improvement)",
    re.IGNORECASE,
)
_PROCEDURE = re.compile(
    r"\b(?:underwent|has undergone|had undergone|status post|s/p)\s+(?:an?\s+|the\s+)?"
    r"(?P<what>[^;()]{3,120})",
    re.IGNORECASE,
)
_DESPITE = re.compile(r"\bdespite\s+(?P<what>[^;]{3,140})", re.IGNORECASE)
_TREATMENT_WORDS = re.compile(
    r"therap|chiropract|acupunct|injection|epidural|block|surgery|arthroscop|medication"
    r"|exercise|tens\b|brace|sessions|visits|counsel|psychotherap|massage|ablation|fusion"
    r"|splint|boot|cast|immobiliz",
    re.IGNORECASE,
)
_PROCEDURE_WORDS = re.compile(
    r"repair|arthroplasty|arthroscop|decompression|meniscectomy|fusion|discectomy|laminectomy"
    r"|release|replacement|surgery|injection|reconstruction|fixation|ablation|block",
    re.IGNORECASE,
)
_DRUG = re.compile(
    r"^(?:continue\s+(?:with\s+)?)?(?P<name>[A-Za-z][A-Za-z-]+"
    r"(?: (?:ER|XR|SR|CR|ES|DR|XL|ODT|HCl))?)"
    r"(?:\s+(?P<dose>\d+(?:\.\d+)?\s*(?:mg|mcg|g|%|ml|units?)(?:/\d+(?:\.\d+)?\s*(?:mg|ml))?))?",
    re.IGNORECASE,
)
_NOT_DRUGS = frozenset(
    {"none", "nkda", "no", "denies", "see", "current", "patient", "she", "he", "continue"}
    | {"refill", "prescribed", "takes", "taking", "uses", "the", "medications", "dispensed"}
    | {"refilled", "discontinue", "stop", "start", "started", "allergies", "unchanged", "as"}
    | {"return", "follow", "physical", "home", "work", "modified", "mri", "request", "rtc"}
    | {"hours", "tablet", "tablets", "daily", "take", "use", "apply", "every", "one", "two"}
)
_TAKES = re.compile(
    r"\b(?:takes|taking|uses|using|is on|remains on)\s+(?P<entry>[A-Za-z][A-Za-z-]+\s+"
    r"(?:\d+/\d+|\d+(?:\.\d+)?\s*(?:mg|mcg|g|%|ml)))",
    re.IGNORECASE,
)
_MAX_DRUGS, _MAX_TREATMENTS, _MAX_PROCEDURES = 6, 4, 2
_SAME = 0.5


def treatment_so_far(records: Sequence[Record]) -> list[Found]:
    """Up to three statements of what was tried, newest record first, none repeating
    another."""
    ordered = newest_first(records, *CLINICAL)
    found: list[Found] = []
    for rule in _RULES:
        candidate = rule(ordered)
        if candidate and not any(_overlaps(candidate, f) for f in found):
            found.append(candidate)
    return found[:_MAX_TREATMENTS]


def _overlaps(a: Found, b: Found) -> bool:
    """Two statements of one treatment: one holds the other, or half their words agree."""
    x, y = a.value.lower(), b.value.lower()
    if x in y or y in x:
        return True
    wx, wy = set(re.findall(r"[a-z]{4,}", x)), set(re.findall(r"[a-z]{4,}", y))
    return bool(wx and wy) and len(wx & wy) >= _SAME * min(len(wx), len(wy))


def _statement(records: Sequence[Record]) -> Found | None:
    for record in records:
        for passage in record.section_passages(SectionName.TREATMENT_TO_DATE):
            what = strip_end(passage.text)
            return Found(what, _included(what), record.refs(passage.pages))
        for passage in record.passages:
            match = _STATEMENT.search(passage.text)
            if match:
                what = strip_end(match["what"])
                return Found(what, _included(what), record.refs(passage.pages))
    return None


def _included(what: str) -> str:
    return sentence(
        f"Treatment to date has included {lower_first(soften_capitals(shorten(what, 240)))}"
    )


def _first_match(
    records: Sequence[Record],
    pattern: re.Pattern[str],
    words: re.Pattern[str],
    write: Callable[[re.Match[str]], tuple[str, str]],
) -> Found | None:
    for record in records:
        for passage in record.passages:
            for match in pattern.finditer(passage.text):
                if words.search(match["what"]):
                    value, text = write(match)
                    return Found(value, sentence(text), record.refs(passage.pages))
    return None


def _completed(records: Sequence[Record]) -> Found | None:
    def write(match: re.Match[str]) -> tuple[str, str]:
        what = f"{match['verb'].lower()} {strip_end(match['what'])}"
        return what, f"The injured worker has {soften_capitals(shorten(what, 200))}"

    return _first_match(records, _COMPLETED, _TREATMENT_WORDS, write)


def _tried(records: Sequence[Record]) -> Found | None:
    def write(match: re.Match[str]) -> tuple[str, str]:
        what = f"{match['verb'].lower()} {strip_end(match['what'])}"
        return what, f"The injured worker has {soften_capitals(shorten(what, 200))}"

    return _first_match(records, _TRIED, _TREATMENT_WORDS, write)


def _relief(records: Sequence[Record]) -> Found | None:
    def write(match: re.Match[str]) -> tuple[str, str]:
        return strip_end(match["what"]), soften_capitals(match.group())

    return _first_match(records, _RELIEF, _TREATMENT_WORDS, write)


def _procedure(records: Sequence[Record]) -> Found | None:
    def write(match: re.Match[str]) -> tuple[str, str]:
        what = strip_end(match["what"])
        return (
            what,
            f"The injured worker underwent {lower_first(soften_capitals(shorten(what, 160)))}",
        )

    return _first_match(records, _PROCEDURE, _PROCEDURE_WORDS, write)


def _despite(records: Sequence[Record]) -> Found | None:
    def write(match: re.Match[str]) -> tuple[str, str]:
        what = strip_end(match["what"])
        return what, f"Symptoms persisted despite {soften_capitals(shorten(what, 160))}"

    return _first_match(records, _DESPITE, _TREATMENT_WORDS, write)


def _operations(records: Sequence[Record]) -> Found | None:
    """The procedures an operative or procedure report on file records, with its date."""
    for record in newest_first(records, _K.OPERATIVE_REPORT):
        done = record.section_passages(SectionName.PROCEDURE)[:_MAX_PROCEDURES]
        if done:
            what = join_words([lower_first(strip_end(clean(p.text))) for p in done])
            on = f" on {format_date(record.date)}" if record.date else ""
            text = sentence(f"The injured worker underwent {soften_capitals(what)}{on}")
            return Found(what, text, record.refs(page for p in done for page in p.pages))
    return None


def _therapy_notes(records: Sequence[Record]) -> Found | None:
    """Therapy notes on file, named by their titles and dates ("Records include physical
    therapy notes dated 4/15/2014 and 4/22/2014")."""
    notes = sorted(
        (r for r in records if r.kind is _K.THERAPY_NOTE), key=lambda r: r.date or date.min
    )
    if not notes:
        return None
    titles = list(dict.fromkeys(r.facts.title.lower() for r in notes))
    dates = [format_date(r.date) for r in notes if r.date]
    plural = "s" if len(notes) > 1 else ""
    dated = f" dated {join_words(dates)}" if dates else ""
    text = sentence(f"Records include {join_words(titles)}{plural}{dated}")
    pages = [ref for r in notes for ref in r.refs([1])]
    return Found(" and ".join(titles), text, tuple(pages))


_RULES = (
    _statement,
    _completed,
    _tried,
    _relief,
    _operations,
    _procedure,
    _therapy_notes,
    _despite,
)


def medications(records: Sequence[Record]) -> Found | None:
    """The medication list of the newest clinical record that has one; failing any list,
    the drugs its plan prescribes or continues with a dose."""
    for record in newest_first(records, *CLINICAL):
        found = _listed(record, SectionName.MEDICATIONS, dose_needed=False)
        if found:
            return found
    for record in newest_first(records, *CLINICAL):
        found = (
            _listed(record, SectionName.PLAN, dose_needed=True)
            or _listed(record, SectionName.ASSESSMENT, dose_needed=True)
            or _taken(record)
        )
        if found:
            return found
    return None


def _taken(record: Record) -> Found | None:
    """Drugs a note says are taken ("she takes meloxicam 15 mg daily")."""
    for passage in record.passages:
        drugs = [m["entry"] for m in _TAKES.finditer(passage.text)]
        if drugs:
            listed = join_words(drugs)
            text = sentence(f"Medications included {listed}")
            return Found(listed, text, record.refs(passage.pages))
    return None


def _listed(record: Record, section: SectionName, *, dose_needed: bool) -> Found | None:
    entries = record.section_passages(section)
    picked = [(p, _drugs(p.text, dose_needed)) for p in entries]
    picked = [(p, drugs) for p, drugs in picked if drugs]
    if not picked:
        return None
    drugs = list(dict.fromkeys(d for _, found in picked for d in found))[:_MAX_DRUGS]
    listed = join_words([soften_capitals(d) for d in drugs])
    pages = [page for p, _ in picked for page in p.pages]
    text = sentence(f"Medications included {shorten(listed, 240)}")
    return Found(listed, text, record.refs(pages))


def _drugs(text: str, dose_needed: bool) -> list[str]:
    out = []
    # A comma separates two drugs only when a drug and its dose follow it ("naproxen 550 mg,
    # omeprazole 20 mg"), not inside one entry's directions ("12 hours on, 12 hours off").
    for part in re.split(r";\s*|,\s*(?=[A-Za-z][A-Za-z-]+\s+\d)|\s+\d+\)\s+|\.\s+(?=[A-Z])", text):
        entry = part.strip(" -•*").lstrip("0123456789.) ")
        match = _DRUG.match(entry)
        if not match or match["name"].lower() in _NOT_DRUGS or len(match["name"]) < 3:
            continue
        # Without a dose, only a short entry is a drug name rather than a sentence.
        if match["dose"] or (not dose_needed and len(entry.split()) <= 3):
            out.append(f"{match['name']} {match['dose']}" if match["dose"] else match["name"])
    return out
