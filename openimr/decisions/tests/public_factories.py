"""Published decisions made directly with the ORM, for the search, public page, API,
analytics, export and precedent tests."""

import datetime as dt
import itertools
from typing import Any

from openimr.decisions.domain.item_regions import (
    letter_diagnoses,
    stored_regions,
)
from openimr.decisions.models import Decision, DecisionItem, DecisionSpecialty

# Numbers the factory makes up start at 5,000,000, above those the tests write by hand
# (CM16-0000099 and the like): the count runs across a whole test run, and one that had reached
# 97 made a test's own CM16-0000097 a second letter with that number.
_numbers = itertools.count(5_000_000)


def item(
    treatment: str = "Physical therapy 2x6 lumbar spine",
    *,
    category: str = "rehabilitation",
    outcome: str = "upheld",
    rationale: str = "The guidelines support up to ten visits; the request exceeds them.",
    family: str = "mtus",
    mtus_based: bool | None = None,
) -> dict[str, Any]:
    return {
        "treatment": treatment,
        "category": category,
        "outcome": outcome,
        "rationale": rationale,
        "family": family,
        "mtus_based": family == "mtus" if mtus_based is None else mtus_based,
    }


def make_decision(
    *,
    case_number: str | None = None,
    summary: str = "The injured worker is a 45 year old male with low back pain.",
    items: list[dict[str, Any]] | None = None,
    specialties: tuple[str, ...] = ("Orthopedic Surgery",),
    decided: dt.date = dt.date(2016, 3, 14),
    priority: str = "standard",
    letter_path: str = "",
    diagnoses: tuple[str, ...] = (),
) -> Decision:
    number = case_number or f"CM{decided:%y}-{next(_numbers):07d}"
    items = items if items is not None else [item()]
    document = {
        "schema": "openimr.case/1",
        "case_number": number,
        "priority": priority,
        "dates": {"decision": decided.isoformat()},
        "reviewer": {"specialties": list(specialties), "licensed_in": ["CA"]},
        "clinical_summary": summary,
        "diagnoses": list(diagnoses),
        "items": [
            {
                "treatment": i["treatment"],
                "category": i["category"],
                "decision": i["outcome"],
                "reviewer_basis": [
                    {"mtus": i["mtus_based"], "citation": f"{i['family']} guideline"}
                ],
                "claims_administrator_basis": [{"mtus": True, "citation": "MTUS ACOEM"}],
                "rationale": i["rationale"],
            }
            for i in items
        ],
    }
    decision = Decision.objects.create(
        case_number=number,
        source="published",
        layout="test",
        content_sha256=f"{hash(number) & (2**64 - 1):064x}",
        letter_path=letter_path,
        decision_date=decided,
        year=decided.year,
        priority=priority,
        employee_age=45,
        employee_sex="male",
        licensed_in=["CA"],
        clinical_summary=summary,
        document=document,
        added_at=dt.datetime(2026, 11, 1, tzinfo=dt.UTC),
    )
    read = letter_diagnoses(diagnoses, summary)
    for position, spec in enumerate(items):
        DecisionItem.objects.create(
            decision=decision,
            position=position,
            treatment=spec["treatment"],
            category=spec["category"],
            outcome=spec["outcome"],
            rationale=spec["rationale"],
            # As the store reads them (services/store.py).
            regions=stored_regions(spec["treatment"], spec["category"], read),
            mtus_based=spec["mtus_based"],
            cites_mtus=spec["family"] == "mtus",
            cites_acoem=spec["family"] == "acoem",
            cites_odg=spec["family"] == "odg",
            cites_other=spec["family"] == "other",
        )
    for name in specialties:
        DecisionSpecialty.objects.create(decision=decision, specialty=name)
    return decision


def drug_letter(number: str, treatment: str) -> Decision:
    """A letter deciding one medication, ``treatment`` written as the letter prints it."""
    return make_decision(
        case_number=number,
        summary="Chronic low back pain on medication.",
        items=[item(treatment, category="pharmaceuticals")],
    )


def cohort_listed(treatment: str, category: str) -> tuple[int, set[str]]:
    """The cohort size of a case's one item ``treatment`` in ``category``, and the letters its
    panel lists from that cohort (not those of similar text after it)."""
    from openimr.decisions.precedents import precedents_for_case

    case = {
        "case_number": "CM26-0000001",
        "items": [{"treatment": treatment, "category": category}],
    }
    [found] = precedents_for_case(case)
    return found.cohort_size, {p.case_number for p in found.decisions if p.match != "similar text"}
