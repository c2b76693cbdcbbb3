"""Which criteria checklist of ``guidelines.domain.criteria`` fits a disputed treatment, and
the facts it asks for. Pure: no Django. A checklist helps the reviewer and outlines the
rationale; the reviewer decides (LC 4610.6(c))."""

import re
from collections.abc import Callable
from dataclasses import fields
from typing import Any, Literal, get_args, get_origin

from openimr.core.case import Category
from openimr.guidelines.domain import criteria as c

Build = Callable[[Any], c.Checklist]

CHECKLISTS: dict[str, tuple[type, Build]] = {
    "lumbar_mri": (c.LumbarMRIFacts, c.lumbar_mri),
    "opioid_monitoring": (c.OpioidFacts, c.opioid_monitoring),
    "acupuncture": (c.AcupunctureFacts, c.acupuncture),
    "home_exercise_equipment": (c.HomeExerciseEquipmentFacts, c.home_exercise_equipment),
    "physical_therapy": (c.PhysicalTherapyFacts, c.physical_therapy),
}
_OPIOIDS = (
    r"opioids?|oxycodone|oxycontin|hydrocodone|norco|vicodin|percocet|tramadol|ultram|morphine"
    r"|methadone|tapentadol|nucynta|hydromorphone|dilaudid|fentanyl|buprenorphine|codeine"
)
# First match wins: an MRI of the low back is imaging, whatever else the request says.
_PATTERNS = (
    (
        "lumbar_mri",
        r"\bMRI\b(?=.*\b(?:lumbar|low back|L-?spine)\b)|\b(?:lumbar|low back)\b.*\bMRI\b",
    ),
    ("opioid_monitoring", rf"\b(?:{_OPIOIDS})\b"),
    ("acupuncture", r"\bacupuncture\b"),
    (
        "home_exercise_equipment",
        r"\bhome (?:exercise|rehab\w*)\b.*\b(?:kit|equipment)\b|\bexercise (?:kit|equipment)\b"
        r"|\brehab\w* kit\b",
    ),
    ("physical_therapy", r"\bphysical therapy\b|\bphysiotherapy\b|\bPT\b"),
)


def checklist_for(treatment: str, category: Category) -> str | None:
    """The name of the checklist for a request, by its words; an acupuncture item by its
    category too. None when no checklist fits."""
    for name, pattern in _PATTERNS:
        if re.search(pattern, treatment, re.IGNORECASE):
            return name
    return "acupuncture" if category is Category.ACUPUNCTURE else None


FactKind = Literal["count", "optional_count", "yes_no", "choice"]


def fact_fields(name: str) -> list[tuple[str, FactKind, tuple[str, ...]]]:
    """The facts a checklist asks for: (field, kind, choices). ``count`` is a whole number,
    ``optional_count`` one that may be unknown, ``yes_no`` true/false/unknown, ``choice``
    one of ``choices``."""
    facts, _ = CHECKLISTS[name]
    out: list[tuple[str, FactKind, tuple[str, ...]]] = []
    for f in fields(facts):
        if f.type is int:
            out.append((f.name, "count", ()))
        elif get_origin(f.type) is Literal:
            out.append((f.name, "choice", tuple(get_args(f.type))))
        elif bool in get_args(f.type):
            out.append((f.name, "yes_no", ()))
        else:
            out.append((f.name, "optional_count", ()))
    return out


def outline(name: str, values: dict[str, Any]) -> c.Checklist:
    """The checklist for the facts given (the form's cleaned values)."""
    facts, build = CHECKLISTS[name]
    return build(facts(**values))
