"""Letter text → ``ParsedLetter``: the parts read by the other modules, put together as a
complete ``openimr.case/1`` document, with a confidence per field and a warning for each
thing missing or guessed. The defaults used where the schema needs a value that no letter
states are listed in docs/parser.md."""

import hashlib
import re
from datetime import date
from functools import lru_cache
from typing import Any

from openimr.core.case_format import DATE_FIELDS
from openimr.letters.parsing.categories import treatment_category
from openimr.letters.parsing.citations import basis, states_no_evidence
from openimr.letters.parsing.contract import ParsedLetter
from openimr.letters.parsing.header import case_number, header_dates, narrative_dates, priority
from openimr.letters.parsing.items import RawItem, read_items
from openimr.letters.parsing.layout import Section, detect, headings, real_headings, sections
from openimr.letters.parsing.numbered import maximus_items, notice_items, review_items
from openimr.letters.parsing.parties import documents, front_parties, parties
from openimr.letters.parsing.qualifications import qualifications
from openimr.letters.parsing.specialties import read_specialty
from openimr.letters.parsing.summary import age_and_sex, prose_injury_date, prose_ur_date
from openimr.letters.parsing.text import Lines, normalize, paragraphs

DATE_KEYS = ("injury", "ur_decision", "application_received", "assigned", "decision")
DATE_NAMES = {
    "injury": "date of injury",
    "ur_decision": "UR denial date",
    "application_received": "application received date",
    "assigned": "date assigned",
    "decision": "decision date",
}
_ANY_CASE_NUMBER = re.compile(r"\bCM\d{2}-\d{5,8}\b")
_ORGANIZATION = re.compile(
    r"^(.{3,120}?)\s+(?:sent|gave|forwarded|provided)\s+the\s+complete\s+case\s+file"
)
# "The expert reviewer developed the following clinical case summary based on a review of the
# case file, including all medical records:" and our "... wrote the following ..." (with
# "reviewers" when the case was split between reviewers).
_SUMMARY_INTRO = re.compile(
    r"^The\s+expert\s+reviewers?\s+[^:]{0,40}\bclinical\s+case\s+summary\b[^:]{0,120}:\s*",
    re.IGNORECASE,
)
_NOTICE_ITEM = re.compile(r"^\d{1,2}\)\s+Regarding\s+the\s+request\s+for\s")
NOT_NAMED = "not stated"
NO_ITEM = "not stated (the letter ends before its decisions)"


class _Notes:
    def __init__(self) -> None:
        self.warnings: list[str] = []
        self.confidence: dict[str, float] = {}
        self.printed: dict[str, Any] = {}

    def set(self, path: str, value: float, warning: str | None = None) -> None:
        self.confidence[path] = value
        if warning:
            self.warnings.append(warning)


def _front_text(lines: Lines, parts: dict[str, Section]) -> str:
    front = parts["front"]
    return " ".join(lines.text[front.start : front.stop])


def _section_text(lines: Lines, parts: dict[str, Section], kind: str) -> str:
    part = parts.get(kind)
    return " ".join(lines.text[part.start : part.stop]) if part else ""


def _case_number(front: str, text: str, notes: _Notes) -> str:
    number = case_number(front)
    if number:
        notes.set("case_number", 1.0)
        return number
    # Every match starts with "CM": searched from the first (a plain find, in C).
    first = text.find("CM")
    found = _ANY_CASE_NUMBER.search(text, first) if first >= 0 else None
    if found:
        notes.set("case_number", 0.7, "case number read from the text, not from a header label")
        return found.group(0)
    placeholder = "UNNUMBERED-" + hashlib.sha256(text.encode()).hexdigest()[:12].upper()
    notes.set("case_number", 0.0, f"no case number in the letter: using {placeholder}")
    return placeholder


def _dates(front: str, summary: str, decided: str, notes: _Notes) -> dict[str, str | None]:
    """The header's labelled dates; then those a 2013 notice states in its decision section
    (``decided``); then the injury and UR dates from the clinical summary's prose."""
    found = header_dates(front)
    stated = narrative_dates(decided) if decided else {}
    out: dict[str, str | None] = {}
    prose = {"injury": prose_injury_date, "ur_decision": prose_ur_date}
    for key in DATE_KEYS:
        value: date | None = found.get(key)
        path = f"dates.{key}"
        if value is not None:
            notes.set(path, 1.0)
        elif (value := stated.get(key)) is not None:
            notes.set(path, 0.9)
        elif key in prose and (value := prose[key](summary)) is not None:
            notes.set(path, 0.6, f"{DATE_NAMES[key]} taken from the clinical summary's prose")
        elif key in found:
            notes.set(path, 0.0, f"{DATE_NAMES[key]} is not stated")
        else:
            notes.set(path, 0.0, f"no {DATE_NAMES[key]} in the letter")
        out[key] = value.isoformat() if value else None
    notes.confidence["dates.records_complete"] = 0.0
    # openimr.case/1 order; no letter states when the case file was complete.
    return {key: out.get(key) for key in DATE_FIELDS}


# How sure a specialty list is when one of its names was a slip away from a known one, or
# is unknown (kept as printed): below a list read cleanly from either form (1.0, 0.85).
_SPECIALTY_SURE = {"known": 1.0, "near": 0.8, "unknown": 0.5}


def _specialties(printed: list[str], notes: _Notes) -> list[str]:
    """Each printed specialty as the known specialty it names (``parsing.specialties``),
    once each; the printed list kept in ``notes.printed`` when the two differ, and a warning
    for a name read as the nearest known one or unknown."""
    names, warnings, sure = _read_specialties(tuple(printed))
    notes.warnings.extend(warnings)
    notes.confidence["reviewer.specialties"] = min(notes.confidence["reviewer.specialties"], sure)
    if names != tuple(printed):
        notes.printed["reviewer.specialties"] = list(printed)
    return list(names)


# Memoized: a corpus repeats a few dozen lists of specialties (29 distinct in the 182 corpus
# letters), and the reading is the list's alone. At most 512 lists of a few names each.
@lru_cache(maxsize=512)
def _read_specialties(printed: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...], float]:
    readings = [read_specialty(name) for name in printed]
    warnings = tuple(
        f'reviewer specialty "{name}" read as "{r.name}", the nearest known one'
        if r.how == "near"
        else f'reviewer specialty "{name}" is not a known one: kept as printed'
        for name, r in zip(printed, readings, strict=True)
        if r.how != "known"
    )
    sure = min(_SPECIALTY_SURE[r.how] for r in readings)
    return tuple(dict.fromkeys(r.name for r in readings)), warnings, sure


def _reviewer(text: str, notes: _Notes) -> dict[str, Any]:
    read = qualifications(text)
    sure = 1.0 if read["form"] == "list" else 0.85
    for key, name in (("specialties", "specialty"), ("licensed_in", "state of licensure")):
        if read[key]:
            notes.set(f"reviewer.{key}", sure)
        else:
            notes.set(f"reviewer.{key}", 0.0, f"no reviewer {name} found")
    printed = read["specialties"]
    if isinstance(printed, list) and printed:
        read["specialties"] = _specialties(printed, notes)
    notes.confidence["reviewer.board_certified"] = 0.9 if read["board_certified"] else 0.0
    for key in ("years_in_practice", "weekly_hours"):
        # Most letters say only "more than five years" and "at least 24 hours a week".
        notes.confidence[f"reviewer.{key}"] = 1.0 if read[key] is not None else 0.0
    return {
        "specialties": read["specialties"],
        "board_certified": read["board_certified"],
        "licensed_in": read["licensed_in"],
        "years_in_practice": read["years_in_practice"],
        "weekly_hours": read["weekly_hours"],
    }


def _summary(lines: Lines, parts: dict[str, Section], notes: _Notes) -> str | None:
    part = parts.get("summary")
    if not part or part.start >= part.stop:
        notes.set("clinical_summary", 0.0, "no clinical case summary")
        return None
    stop = part.stop
    # notice-2013 has no heading between the summary and the first item's rationale.
    for index in range(part.start, part.stop):
        # The pattern opens with a digit: a cheap test first.
        if lines.text[index][:1].isdigit() and _NOTICE_ITEM.match(lines.text[index]):
            stop = index
            break
    body = paragraphs(lines, part.start, stop)
    if body and (intro := _SUMMARY_INTRO.match(body[0])):
        body[0] = body[0][intro.end() :].strip()
    text = "\n\n".join(filter(None, map(str.strip, body)))[:50000]
    notes.set("clinical_summary", 1.0 if text else 0.0, None if text else "empty clinical summary")
    return text or None


def _basis(line: str | None, path: str, who: str, number: int, notes: _Notes) -> list[Any]:
    if line is None:
        notes.set(path, 0.0, f"no {who} guideline for item {number}")
        return []
    cited = basis(line)
    if cited or states_no_evidence(line):
        notes.set(path, 1.0)
    else:
        notes.set(path, 0.3, f"could not read the {who} guideline of item {number}")
    return cited


def _item(raw: RawItem, index: int, notes: _Notes) -> dict[str, Any]:
    number, path = index + 1, f"items[{index}]"
    category = treatment_category(raw.treatment)
    if not raw.treatment.strip():
        raw.treatment = NOT_NAMED
        notes.set(f"{path}.treatment", 0.0, f"no treatment named for item {number}")
    else:
        notes.set(f"{path}.treatment", 0.9 if raw.remaining_portion else 1.0)
    notes.set(f"{path}.category", 0.3 if category == "other" else 0.8)
    notes.set(f"{path}.decision", 1.0 if raw.decision else 0.0)
    # A request UR partly authorised reaches IMR as its remaining portion: UR modified it.
    ur_outcome = raw.ur_outcome or ("modified" if raw.remaining_portion else "denied")
    sure = 1.0 if raw.ur_outcome else 0.9 if raw.remaining_portion else 0.3
    notes.set(f"{path}.ur_outcome", sure)
    ca = _basis(
        raw.claims_administrator,
        f"{path}.claims_administrator_basis",
        "claims administrator",
        number,
        notes,
    )
    rv = _basis(raw.reviewer, f"{path}.reviewer_basis", "reviewer", number, notes)
    if raw.rationale:
        notes.set(f"{path}.rationale", 1.0)
    else:
        notes.set(f"{path}.rationale", 0.0, f"truncated: no decision rationale for item {number}")
    return {
        "treatment": raw.treatment,
        "category": category,
        "ur_outcome": ur_outcome,
        "claims_administrator_basis": ca,
        "reviewer_basis": rv,
        "why_not_mtus": raw.why_not_mtus[:5000] if raw.why_not_mtus else None,
        "decision": raw.decision,
        "rationale": raw.rationale[:50000] if raw.rationale else None,
    }


def _raw_items(lines: Lines, parts: dict[str, Section], layout: str) -> list[RawItem]:
    if layout == "notice-2013":
        return notice_items(lines, parts)
    if layout == "maximus-decisions":
        return maximus_items(lines, parts)
    if layout == "professional-review":
        return review_items(lines, parts)
    part = parts.get("issues")
    return read_items(lines, part.start, part.stop) if part else []


def _items(
    lines: Lines, parts: dict[str, Section], layout: str, notes: _Notes
) -> list[dict[str, Any]]:
    raws = _raw_items(lines, parts, layout)
    if not raws:
        notes.set("items", 0.0, "truncated: no disputed item and decision found")
        raws = [RawItem(treatment=NO_ITEM, decision=None)]
    else:
        notes.set("items", 1.0)
    return [_item(raw, index, notes) for index, raw in enumerate(raws)]


def _people(
    summary: str | None, front: str, served: dict[str, Any], notes: _Notes
) -> dict[str, Any]:
    age, sex, guessed = age_and_sex(summary or "")
    if age is None or sex is None or guessed:
        # professional-review prints "Patient: 38 year old female" in its header.
        f_age, f_sex, f_guessed = age_and_sex(front)
        age = age if age is not None else f_age
        if f_sex is not None and not f_guessed:
            sex, guessed = f_sex, False
    notes.set(
        "employee.age",
        0.9 if age is not None else 0.0,
        None if age is not None else "age not found in the clinical summary",
    )
    if sex is None:
        notes.set("employee.sex", 0.0, "sex not found in the clinical summary")
    else:
        notes.set(
            "employee.sex",
            0.5 if guessed else 0.9,
            "sex guessed from pronouns" if guessed else None,
        )
    name = served.get("employee", {}).get("name")
    return {"name": name, "age": age, "sex": sex}


def _parties(lines: Lines, parts: dict[str, Section]) -> dict[str, Any]:
    """Names a letter lists: "Employee:" in a header, or our PARTIES SERVED."""
    found = front_parties(lines, parts["front"].start, parts["front"].stop)
    served = parts.get("served")
    if served:
        found.update(parties(lines, served.start, served.stop))
    return found


def _priority(front: str, notes: _Notes) -> str:
    value = priority(front)
    if value:
        notes.set("priority", 1.0)
        return value
    notes.set("priority", 0.3, "priority not stated: assumed standard")
    return "standard"


def parse_text(text: str) -> ParsedLetter:
    """A letter's text (as extracted from its PDF, or as written) → ``ParsedLetter``;
    LetterUnreadable when it is not a letter of a known layout."""
    found, lines = headings(normalize(text))
    parts = sections(lines, found)
    layout = detect(lines, parts)
    # A heading line quoted in the reviewer's prose opens no section and ends none.
    if (real := real_headings(found, layout, lines)) is not found:
        parts = sections(lines, real)
    notes = _Notes()
    front = _front_text(lines, parts)
    summary = _summary(lines, parts, notes)
    served = _parties(lines, parts)
    docs = parts.get("documents")
    reviewer_text = _section_text(lines, parts, "reviewer")
    organization = _ORGANIZATION.search(reviewer_text)
    case = {
        "format": "openimr.case/1",
        "case_number": _case_number(front, text, notes),
        "program": "ca-dwc-imr",
        "priority": _priority(front, notes),
        "dates": _dates(front, summary or "", _section_text(lines, parts, "determinations"), notes),
        "employee": _people(summary, front, served, notes),
        "employer": {"name": served.get("employer", {}).get("name")},
        "claims_administrator": {"name": served.get("claims_administrator", {}).get("name")},
        "requesting_physician": served.get(
            "requesting_physician", {"name": None, "specialty": None}
        ),
        "attorney": {"name": served.get("attorney", {}).get("name")},
        "organization": {"name": organization.group(1).strip()[:300] if organization else None},
        "reviewer": _reviewer(reviewer_text, notes),
        "diagnoses": [],
        "documents": documents(lines, docs.start, docs.stop) if docs else [],
        "clinical_summary": summary,
        "items": _items(lines, parts, layout, notes),
    }
    return ParsedLetter(case, layout, tuple(notes.warnings), notes.confidence, notes.printed)
