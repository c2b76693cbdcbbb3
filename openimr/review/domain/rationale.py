"""What a rationale must state, per item: "the employee's medical condition, the relevant
documents in the record, and the relevant findings associated with" the standards of LC
4610.5(c)(2) (LC 4610.6(e)). These are word tests, not understanding: they catch a rationale
that forgot a part ("Not medically necessary."), and leave judging it to the QA physician."""

import re
from collections.abc import Collection, Iterator
from typing import Literal

from openimr.review.domain.figures import figures

Part = Literal["condition", "records", "standard"]
PARTS: tuple[Part, ...] = ("condition", "records", "standard")

# Condition vocabulary of workers' compensation requests (body parts, diagnoses, symptoms),
# used beside the case's own diagnoses and ICD-10 descriptions.
CONDITION_WORDS = frozenset(
    {
        "pain", "injury", "back", "neck", "shoulder", "knee", "hip", "wrist", "hand", "elbow",
        "ankle", "foot", "spine", "lumbar", "cervical", "thoracic", "sacral", "strain", "sprain",
        "fracture", "radiculopathy", "radiculitis", "stenosis", "tear", "syndrome", "disc",
        "arthritis", "osteoarthritis", "tendinitis", "tendonitis", "tendinosis", "carpal",
        "depression", "anxiety", "insomnia", "headache", "headaches", "neuropathy",
        "degenerative", "degeneration", "herniation", "spondylosis", "sciatica", "myalgia",
        "myositis", "neuralgia", "bursitis", "contusion", "dislocation", "impingement", "spasm",
        "instability", "diagnosis", "diagnosed", "postoperative", "surgery",
    }
)  # fmt: skip
# ICD-10 descriptions are full of words that name no condition.
_NOT_CONDITION = frozenset(
    {
        "other", "unspecified", "initial", "encounter", "subsequent", "sequela", "region",
        "site", "side", "left", "right", "bilateral", "with", "without", "elsewhere",
        "classified", "specified", "part", "level", "type", "chronic", "acute", "and",
    }
)  # fmt: skip
_RECORDS = re.compile(
    r"\b(?:records?|(?:progress |office |clinic |therapy |operative )?notes?|reports?"
    r"|documentation|documented|documents|chart|submitted|evaluation dated|dated)\b",
    re.IGNORECASE,
)
_STANDARD = re.compile(
    r"\b(?:MTUS|ODG|ACOEM|guidelines?|evidence|Official Disability|Chronic Pain Medical"
    r" Treatment|Utilization Schedule|peer[- ]reviewed|literature|studies"
    r"|standards? of (?:care|practice)|expert opinion)\b",
    re.IGNORECASE,
)


def _condition_terms(conditions: Collection[str]) -> Iterator[str]:
    yield from CONDITION_WORDS
    for condition in conditions:
        for word in re.findall(r"[A-Za-z][A-Za-z'-]+", condition):
            if len(word) >= 4 and word.lower() not in _NOT_CONDITION:
                yield word.lower()


def states_condition(rationale: str, conditions: Collection[str] = ()) -> bool:
    """The rationale names a condition: a word of the case's ``conditions`` (diagnoses,
    ICD-10 descriptions, body parts) or of ``CONDITION_WORDS``, singular or plural."""
    words = {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'-]+", rationale)}
    return any(words & _forms(term) for term in _condition_terms(conditions))


def _forms(term: str) -> set[str]:
    forms = {term, f"{term}s", f"{term}es"}
    return forms | {f"{term[:-1]}ies"} if term.endswith("y") else forms


def cites_records(rationale: str) -> bool:
    """The rationale points at the records: a word for a record ("progress note", "report",
    "documentation") or the date of one."""
    return bool(_RECORDS.search(rationale)) or any(f.kind == "date" for f in figures(rationale))


def names_standard(rationale: str) -> bool:
    """The rationale names the standard applied: the MTUS, a guideline, the evidence."""
    return bool(_STANDARD.search(rationale))


def missing_parts(rationale: str, conditions: Collection[str] = ()) -> tuple[Part, ...]:
    """The parts LC 4610.6(e) requires that the rationale does not state, in ``PARTS`` order."""
    present = {
        "condition": states_condition(rationale, conditions),
        "records": cites_records(rationale),
        "standard": names_standard(rationale),
    }
    return tuple(part for part in PARTS if not present[part])
