"""`openimr.case/1` documents to and from the domain model, without loss.

Expects a document that already passed the JSON Schema; schema errors are reported by
`openimr.cases.interchange`, with every problem at once.
"""

from datetime import date
from typing import Any

from openimr.core.case import (
    Case,
    Category,
    Citation,
    Dates,
    Decision,
    Document,
    DocumentKind,
    Employee,
    Item,
    Named,
    Physician,
    Priority,
    ReviewerQualifications,
    Sex,
    UROutcome,
)

FORMAT = "openimr.case/1"
# Optional parties: read when present, written only when known, so documents that predate
# them round-trip unchanged.
OPTIONAL_PARTIES = ("medical_group", "facility", "manufacturer", "ur_organization", "ur_reviewer")
DATE_FIELDS = (
    "injury",
    "ur_decision",
    "application_received",
    "assigned",
    "records_complete",
    "decision",
)


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _basis(raw: list[dict[str, Any]]) -> tuple[Citation, ...]:
    return tuple(Citation(mtus=c["mtus"], citation=c["citation"]) for c in raw)


def _item(raw: dict[str, Any]) -> Item:
    return Item(
        treatment=raw["treatment"],
        category=Category(raw["category"]),
        ur_outcome=UROutcome(raw["ur_outcome"]),
        claims_administrator_basis=_basis(raw["claims_administrator_basis"]),
        reviewer_basis=_basis(raw["reviewer_basis"]),
        why_not_mtus=raw["why_not_mtus"],
        decision=Decision(raw["decision"]) if raw["decision"] else None,
        rationale=raw["rationale"],
        # A code's letters are not case-sensitive; the code set prints them in capitals.
        icd10=tuple(code.upper() for code in raw.get("icd10", ())),
        rfa_date=_date(raw.get("rfa_date")),
    )


def case_from_dict(doc: dict[str, Any]) -> Case:
    """Build a Case from a schema-valid `openimr.case/1` document."""
    emp, rev = doc["employee"], doc["reviewer"]
    return Case(
        case_number=doc["case_number"],
        program=doc["program"],
        priority=Priority(doc["priority"]),
        dates=Dates(**{k: _date(doc["dates"][k]) for k in DATE_FIELDS}),
        employee=Employee(emp["name"], emp["age"], Sex(emp["sex"]) if emp["sex"] else None),
        employer=Named(doc["employer"]["name"]),
        claims_administrator=Named(doc["claims_administrator"]["name"]),
        requesting_physician=Physician(**doc["requesting_physician"]),
        attorney=Named(doc["attorney"]["name"]),
        organization=Named(doc["organization"]["name"]),
        reviewer=ReviewerQualifications(
            specialties=tuple(rev["specialties"]),
            board_certified=rev["board_certified"],
            licensed_in=tuple(rev["licensed_in"]),
            years_in_practice=rev["years_in_practice"],
            weekly_hours=rev["weekly_hours"],
        ),
        diagnoses=tuple(doc["diagnoses"]),
        documents=tuple(
            Document(d["title"], d["author"], _date(d["date"]), DocumentKind(d["kind"]))
            for d in doc["documents"]
        ),
        clinical_summary=doc["clinical_summary"],
        items=tuple(_item(i) for i in doc["items"]),
        **{p: Named((doc.get(p) or {}).get("name")) for p in OPTIONAL_PARTIES},
        remand_of=tuple(doc.get("remand_of", ())),
    )


def _basis_out(basis: tuple[Citation, ...]) -> list[dict[str, Any]]:
    return [{"mtus": c.mtus, "citation": c.citation} for c in basis]


def _item_out(item: Item) -> dict[str, Any]:
    out: dict[str, Any] = {
        "treatment": item.treatment,
        "category": item.category.value,
        "ur_outcome": item.ur_outcome.value,
        "claims_administrator_basis": _basis_out(item.claims_administrator_basis),
        "reviewer_basis": _basis_out(item.reviewer_basis),
        "why_not_mtus": item.why_not_mtus,
        "decision": item.decision.value if item.decision else None,
        "rationale": item.rationale,
    }
    if item.icd10:
        out["icd10"] = list(item.icd10)
    if item.rfa_date:  # optional: a document that predates it round-trips unchanged
        out["rfa_date"] = item.rfa_date.isoformat()
    return out


def case_to_dict(case: Case) -> dict[str, Any]:
    """The `openimr.case/1` document for a case; keys in the documented order."""
    rev = case.reviewer
    doc: dict[str, Any] = {
        "format": FORMAT,
        "case_number": case.case_number,
        "program": case.program,
        "priority": case.priority.value,
        "dates": {k: _iso(getattr(case.dates, k)) for k in DATE_FIELDS},
        "employee": {
            "name": case.employee.name,
            "age": case.employee.age,
            "sex": case.employee.sex.value if case.employee.sex else None,
        },
        "employer": {"name": case.employer.name},
        "claims_administrator": {"name": case.claims_administrator.name},
        "requesting_physician": {
            "name": case.requesting_physician.name,
            "specialty": case.requesting_physician.specialty,
        },
        "attorney": {"name": case.attorney.name},
        "organization": {"name": case.organization.name},
        "reviewer": {
            "specialties": list(rev.specialties),
            "board_certified": rev.board_certified,
            "licensed_in": list(rev.licensed_in),
            "years_in_practice": rev.years_in_practice,
            "weekly_hours": rev.weekly_hours,
        },
        "diagnoses": list(case.diagnoses),
        "documents": [
            {"title": d.title, "author": d.author, "date": _iso(d.date), "kind": d.kind.value}
            for d in case.documents
        ],
        "clinical_summary": case.clinical_summary,
        "items": [_item_out(i) for i in case.items],
    }
    doc.update(
        {p: {"name": getattr(case, p).name} for p in OPTIONAL_PARTIES if getattr(case, p).name}
    )
    if case.remand_of:
        doc["remand_of"] = list(case.remand_of)
    return doc
