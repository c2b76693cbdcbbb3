"""The rows an application becomes, built in memory so a batch writes each table once."""

from datetime import datetime

from openimr.cases import models
from openimr.cases.domain.application import Application, review_priority
from openimr.cases.domain.claims import normalise_claim
from openimr.cases.domain.lifecycle import State
from openimr.records.services import ReadPdf


def case_row(app: Application, number: str) -> models.Case:
    """The case as received; screening moves it on before it is written."""
    return models.Case(
        case_number=number,
        priority=review_priority(app).value,
        date_injury=app.date_of_injury,
        date_ur_decision=app.ur_decision_date,
        date_application_received=app.received_on,
        employee_name=app.employee_name,
        employer_name=app.employer_name,
        claims_administrator_name=app.claims_administrator_name,
        requesting_physician_name=app.requesting_physician_name,
        requesting_physician_specialty=app.requesting_physician_specialty,
        attorney_name=app.attorney_name,
        medical_group_name=app.medical_group_name,
        facility_name=app.facility_name,
        manufacturer_name=app.manufacturer_name,
        ur_organization_name=app.ur_organization_name,
        ur_reviewer_name=app.ur_reviewer_name,
        diagnoses=sorted(
            {f"{t.icd10} {t.diagnosis}" if t.icd10 else t.diagnosis for t in app.treatments}
        ),
        state=State.RECEIVED.value,
    )


def item_rows(row: models.Case, app: Application) -> list[models.DisputedItem]:
    return [
        models.DisputedItem(
            case=row,
            position=n,
            treatment=t.treatment,
            category=t.category.value,
            ur_outcome=t.ur_outcome.value,
            icd10=[t.icd10] if t.icd10 else [],
            rfa_date=t.rfa_date,
        )
        for n, t in enumerate(app.treatments)
    ]


def application_row(
    row: models.Case,
    app: Application,
    *,
    at: datetime,
    via: str,
    client: str,
    key: str | None,
    pdf: ReadPdf | None,
    pdf_path: str,
) -> models.Application:
    return models.Application(
        case=row,
        received_at=at,
        received_on=app.received_on,
        via=via,
        client=client,
        idempotency_key=key,
        review_type=app.review_type.value,
        claim_number=app.claim_number,
        claim_key=normalise_claim(app.claim_number),
        employee_name=app.employee_name,
        employee_address=app.employee_address or "",
        employee_phone=app.employee_phone or "",
        employee_email=app.employee_email or "",
        date_of_injury=app.date_of_injury,
        employer_name=app.employer_name or "",
        ur_decision_date=app.ur_decision_date,
        ur_service_method=app.ur_service_method.value,
        requesting_physician_name=app.requesting_physician_name or "",
        requesting_physician_specialty=app.requesting_physician_specialty or "",
        claims_administrator_name=app.claims_administrator_name or "",
        adjuster_name=app.adjuster_name or "",
        attorney_name=app.attorney_name or "",
        requesting_physician_email=app.requesting_physician_email or "",
        claims_administrator_email=app.claims_administrator_email or "",
        attorney_email=app.attorney_email or "",
        requesting_physician_address=app.requesting_physician_address or "",
        claims_administrator_address=app.claims_administrator_address or "",
        attorney_address=app.attorney_address or "",
        employer_address=app.employer_address or "",
        conditional_non_certification=app.conditional_non_certification,
        disputed_other_than_medical_necessity=app.disputed_other_than_medical_necessity,
        claims_administrator_agrees_to_proceed=app.claims_administrator_agrees_to_proceed,
        formulary_dispute=app.formulary_dispute,
        signed_by=app.signed_by or "",
        signer_role=app.signer_role.value if app.signer_role else "",
        signature_date=app.signature_date,
        ur_decision_file=pdf_path,
        ur_decision_sha256=pdf.sha256 if pdf else "",
        ur_decision_pages=len(pdf.pages) if pdf else 0,
        ur_decision_text="\f".join(pdf.pages) if pdf else "",
    )


def treatment_rows(
    stored: models.Application, app: Application
) -> list[models.ApplicationTreatment]:
    return [
        models.ApplicationTreatment(
            application=stored,
            position=n,
            treatment=t.treatment,
            diagnosis=t.diagnosis,
            icd10=t.icd10 or "",
            category=t.category.value,
            ur_outcome=t.ur_outcome.value,
            rfa_date=t.rfa_date,
        )
        for n, t in enumerate(app.treatments)
    ]
