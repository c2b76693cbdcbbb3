"""Between stored rows and the domain Case. Kept apart from services so selectors and
services share one mapping, and a new field is added in one place."""

from typing import Any

from openimr.cases import models
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
from openimr.core.case_format import DATE_FIELDS, OPTIONAL_PARTIES


def _basis(raw: list[dict[str, Any]]) -> tuple[Citation, ...]:
    return tuple(Citation(mtus=c["mtus"], citation=c["citation"]) for c in raw)


def _item(row: models.DisputedItem) -> Item:
    return Item(
        treatment=row.treatment,
        category=Category(row.category),
        ur_outcome=UROutcome(row.ur_outcome),
        claims_administrator_basis=_basis(row.claims_administrator_basis),
        reviewer_basis=_basis(row.reviewer_basis),
        why_not_mtus=row.why_not_mtus,
        decision=Decision(row.decision) if row.decision else None,
        rationale=row.rationale,
        icd10=tuple(row.icd10),
        rfa_date=row.rfa_date,
    )


def case_from_row(row: models.Case) -> Case:
    return Case(
        case_number=row.case_number,
        program=row.program,
        priority=Priority(row.priority),
        dates=Dates(**{k: getattr(row, f"date_{k}") for k in DATE_FIELDS}),
        employee=Employee(
            row.employee_name, row.employee_age, Sex(row.employee_sex) if row.employee_sex else None
        ),
        employer=Named(row.employer_name),
        claims_administrator=Named(row.claims_administrator_name),
        requesting_physician=Physician(
            row.requesting_physician_name, row.requesting_physician_specialty
        ),
        attorney=Named(row.attorney_name),
        organization=Named(row.organization_name),
        reviewer=ReviewerQualifications(
            specialties=tuple(row.reviewer_specialties),
            board_certified=row.reviewer_board_certified,
            licensed_in=tuple(row.reviewer_licensed_in),
            years_in_practice=row.reviewer_years_in_practice,
            weekly_hours=row.reviewer_weekly_hours,
        ),
        diagnoses=tuple(row.diagnoses),
        documents=tuple(
            Document(d.title, d.author, d.date, DocumentKind(d.kind)) for d in row.documents.all()
        ),
        clinical_summary=row.clinical_summary,
        items=tuple(_item(i) for i in row.items.all()),
        **{p: Named(getattr(row, f"{p}_name")) for p in OPTIONAL_PARTIES},
        remand_of=tuple(row.remand_of),
    )


def _basis_out(basis: tuple[Citation, ...]) -> list[dict[str, Any]]:
    return [{"mtus": c.mtus, "citation": c.citation} for c in basis]


def case_row_fields(case: Case) -> dict[str, Any]:
    """The Case row's column values for a domain case (not its documents or items)."""
    rev = case.reviewer
    return {
        "program": case.program,
        "priority": case.priority.value,
        **{f"date_{k}": getattr(case.dates, k) for k in DATE_FIELDS},
        "employee_name": case.employee.name,
        "employee_age": case.employee.age,
        "employee_sex": case.employee.sex.value if case.employee.sex else None,
        "employer_name": case.employer.name,
        "claims_administrator_name": case.claims_administrator.name,
        "requesting_physician_name": case.requesting_physician.name,
        "requesting_physician_specialty": case.requesting_physician.specialty,
        "attorney_name": case.attorney.name,
        "organization_name": case.organization.name,
        "reviewer_specialties": list(rev.specialties),
        "reviewer_board_certified": rev.board_certified,
        "reviewer_licensed_in": list(rev.licensed_in),
        "reviewer_years_in_practice": rev.years_in_practice,
        "reviewer_weekly_hours": rev.weekly_hours,
        "diagnoses": list(case.diagnoses),
        "clinical_summary": case.clinical_summary,
        **{f"{p}_name": getattr(case, p).name for p in OPTIONAL_PARTIES},
        "remand_of": list(case.remand_of),
    }


def item_rows(row: models.Case, case: Case) -> list[models.DisputedItem]:
    return [
        models.DisputedItem(
            case=row,
            position=n,
            treatment=i.treatment,
            category=i.category.value,
            ur_outcome=i.ur_outcome.value,
            claims_administrator_basis=_basis_out(i.claims_administrator_basis),
            reviewer_basis=_basis_out(i.reviewer_basis),
            why_not_mtus=i.why_not_mtus,
            decision=i.decision.value if i.decision else None,
            rationale=i.rationale,
            icd10=list(i.icd10),
            rfa_date=i.rfa_date,
        )
        for n, i in enumerate(case.items)
    ]


def document_rows(row: models.Case, case: Case) -> list[models.CaseDocument]:
    return [
        models.CaseDocument(
            case=row, position=n, title=d.title, author=d.author, date=d.date, kind=d.kind.value
        )
        for n, d in enumerate(case.documents)
    ]
