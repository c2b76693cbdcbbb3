"""A first draft of the CLINICAL CASE SUMMARY for the reviewer to edit (domain.md §6).

The draft follows the published letters' order and register: the worker and the injury, how
it happened, the most recent progress note's complaints and examination, imaging, treatment
so far, the request and utilization review's decision. Each sentence names the pages it was
taken from, so the reviewer can check it against the record; a sentence built only from what
the case already knows names none. What the records do not state is left out, never filled
in: a missing mechanism or imaging study yields no sentence at all.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType

from openimr.core.case import Sex, UROutcome
from openimr.records.domain import dispute, history, treatment, visit
from openimr.records.domain.dates import format_date
from openimr.records.domain.evidence import Found, Record, SourceRef, merge
from openimr.records.domain.pages import RecordFacts
from openimr.records.domain.prose import (
    complaint_phrase,
    exam_phrase,
    lower_first,
    sentence,
    shorten,
    soften_capitals,
    strip_end,
    without_introduction,
)

__all__ = ["CaseFacts", "Draft", "DraftInput", "Sentence", "SourceRef", "draft_summary"]
_COMPLAINTS_LIMIT, _EXAM_LIMIT = 300, 300


@dataclass(frozen=True)
class DraftInput:
    document_id: str
    facts: RecordFacts
    pages: tuple[str, ...]


@dataclass(frozen=True)
class CaseFacts:
    """What the case already knows; each is optional, and each wins over the records."""

    age: int | None = None
    sex: Sex | None = None
    date_of_injury: date | None = None
    treatments: tuple[str, ...] = ()
    ur_decision_date: date | None = None
    ur_outcome: UROutcome | None = None


@dataclass(frozen=True)
class Sentence:
    text: str
    sources: tuple[SourceRef, ...] = ()


@dataclass(frozen=True)
class Draft:
    """The sentences in order, and ``facts``: what was found, by name, as plain strings
    (dates ISO 8601), for measuring the drafter against a person's reading."""

    sentences: tuple[Sentence, ...]
    facts: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.sentences)


def draft_summary(documents: Sequence[DraftInput], case: CaseFacts) -> Draft:
    """The summary of ``documents`` (each with its inferred facts and extracted pages) for a
    case that already knows ``case``. ``Draft.facts`` names what was found: age, sex,
    date_of_injury, mechanism, latest_note_date, complaints, exam, imaging (each study's
    date and impression), treatment_to_date, medications, request, ur_date, ur_outcome."""
    records = [Record.read(d.document_id, d.facts, d.pages) for d in documents]
    facts: dict[str, str] = {}
    parts = [
        _worker(records, case, facts),
        _mechanism(records, facts),
        *_latest_visit(records, facts),
        *_imaging(records, facts),
        *_treatment(records, facts),
        *_dispute(records, case, facts),
    ]
    return Draft(tuple(p for p in parts if p and p.text), MappingProxyType(facts))


def _worker(records: Sequence[Record], case: CaseFacts, facts: dict[str, str]) -> Sentence:
    """The opening sentence, as the letters write it ("The injured worker is a 52 year old
    female who reported an industrial injury on 6/3/2011.")."""
    age, sex = history.age_and_sex(records)
    injury = None if case.date_of_injury else history.date_of_injury(records)
    age_value = str(case.age) if case.age is not None else (age.value if age else None)
    sex_value = case.sex.value if case.sex is not None else (sex.value if sex else None)
    injured = case.date_of_injury or (date.fromisoformat(injury.value) if injury else None)
    facts.update(_present(age=age_value, sex=sex_value, date_of_injury=injured))
    refs = merge(
        age.sources if age and case.age is None else (),
        sex.sources if sex and case.sex is None else (),
        injury.sources if injury else (),
    )
    return Sentence(_worker_text(age_value, sex_value, injured), refs)


def _worker_text(age: str | None, sex: str | None, injured: date | None) -> str:
    who = " ".join(w for w in (f"{age} year old" if age else "", sex or "") if w)
    injury = f"reported an industrial injury on {format_date(injured)}" if injured else ""
    if who and injury:
        return f"The injured worker is {_a(who)} {who} who {injury}."
    if who:
        return f"The injured worker is {_a(who)} {who}."
    return f"The injured worker {injury}." if injury else ""


def _a(words: str) -> str:
    return "an" if words.startswith(("8", "11", "18")) or words[0] in "aeiou" else "a"


def _present(**values: object) -> dict[str, str]:
    return {
        name: value.isoformat() if isinstance(value, date) else str(value)
        for name, value in values.items()
        if value is not None
    }


def _mechanism(records: Sequence[Record], facts: dict[str, str]) -> Sentence | None:
    injured = facts.get("date_of_injury")
    found = history.mechanism(records, date.fromisoformat(injured) if injured else None)
    if found is None:
        return None
    facts["mechanism"] = found.value
    return Sentence(found.text, found.sources)


def _latest_visit(records: Sequence[Record], facts: dict[str, str]) -> list[Sentence]:
    note = visit.latest_note(records)
    if note is None:
        return []
    title = note.facts.title.lower()
    dated = f", dated {format_date(note.date)}," if note.date else ""
    if note.date:
        facts["latest_note_date"] = note.date.isoformat()
    complaints, exam = visit.complaints(note), visit.exam(note)
    out = []
    if complaints:
        facts["complaints"] = " ".join(f.value for f in complaints)
        out.append(_complaints_sentence(f"The most recent {title}{dated}", complaints))
    elif note.date:
        out.append(Sentence(f"The most recent {title} is dated {format_date(note.date)}."))
    if exam:
        facts["exam"] = " ".join(f.value for f in exam)
        out.append(_exam_sentence(visit.exam_name(note), exam))
    return out


def _complaints_sentence(opening: str, found: list[Found]) -> Sentence:
    form, first = complaint_phrase(soften_capitals(found[0].text))
    first = strip_end(shorten(first, _COMPLAINTS_LIMIT))
    if form == "statement":
        head = f"{opening} noted that {first}."
    else:
        head = f"{opening} documented complaints of {lower_first(first)}."
    rest = [sentence(without_introduction(soften_capitals(f.text))) for f in found[1:]]
    return Sentence(" ".join([head, *rest]), merge(*(f.sources for f in found)))


def _exam_sentence(name: str, found: list[Found]) -> Sentence:
    part, first = exam_phrase(soften_capitals(found[0].text))
    label, colon, rest = first.partition(":")
    if colon and label.strip().lower().startswith("mental status"):
        name, first = "mental status examination", rest.strip()
    first = lower_first(strip_end(shorten(first, _EXAM_LIMIT)))
    if part:
        where = " of both" if part.startswith(("both ", "bilateral ")) else " of the"
        part = part.removeprefix("both ").removeprefix("bilateral ")
        head = f"The {name}{where} {part} demonstrated {first}."
    elif ":" in first[:30]:
        head = f"The {name} documented {lower_first(first)}."
    else:
        head = f"The {name} demonstrated {first}."
    more = [sentence(soften_capitals(f.text)) for f in found[1:]]
    return Sentence(" ".join([head, *more]), merge(*(f.sources for f in found)))


def _imaging(records: Sequence[Record], facts: dict[str, str]) -> list[Sentence]:
    found = visit.imaging(records)
    if found:
        facts["imaging"] = " | ".join(f.value for f in found)
    return [Sentence(f.text, f.sources) for f in found]


def _treatment(records: Sequence[Record], facts: dict[str, str]) -> list[Sentence]:
    found = treatment.treatment_so_far(records)
    drugs = treatment.medications(records)
    if drugs:
        facts["medications"] = drugs.value
    every = [*found, *([drugs] if drugs else [])]
    if every:
        facts["treatment_to_date"] = " | ".join(f.value for f in every)
    told = facts.get("complaints", "").lower()
    # A course the complaints sentence already quotes is not told twice.
    return [Sentence(f.text, f.sources) for f in every if f.value.lower() not in told]


def _dispute(records: Sequence[Record], case: CaseFacts, facts: dict[str, str]) -> list[Sentence]:
    asked = dispute.request(records, case.treatments)
    plural = len(case.treatments) > 1 or bool(asked and ";" in asked.value)
    when, decided = dispute.ur_decision(records, case.ur_decision_date, case.ur_outcome, plural)
    if asked:
        facts["request"] = asked.value
    if when:
        facts["ur_date"] = when.value
    if decided and decided.value:
        facts["ur_outcome"] = decided.value
    return [Sentence(f.text, f.sources) for f in (asked, decided) if f]
