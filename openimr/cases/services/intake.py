"""The front door: an application becomes a case, is screened, and its clocks start.

Every door (web form, API, batch file) calls `application_submit` with a validated
ApplicationIn; nothing is written unless the whole application, upload included, is good.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction

from openimr.audit.services import Actor
from openimr.cases import models
from openimr.cases.domain.application import Application, ReviewType
from openimr.cases.domain.eligibility import (
    EligibilityResult,
    Outcome,
    PriorReview,
    ReceivedApplication,
    ScreeningContext,
    screen,
)
from openimr.cases.domain.lifecycle import State
from openimr.cases.intake_schema import ApplicationIn, to_domain
from openimr.cases.services.lifecycle import (
    CLOCK_FIELDS,
    case_transition,
    clock_refresh,
    event_record,
)
from openimr.cases.services.notices import notice_issue
from openimr.core.case import Priority
from openimr.core.clock import local_date, now
from openimr.programs.loader import load_program
from openimr.records.services import ReadPdf, decode_base64, file_store, pdf_read

UPLOAD_PATH = "$.ur_decision_document.content_base64"


@dataclass(frozen=True)
class Submitted:
    application: models.Application
    replayed: bool  # True when an idempotency key returned an earlier submission


def _upload(form: ApplicationIn) -> ReadPdf | None:
    if form.ur_decision_document is None:
        return None
    return pdf_read(
        decode_base64(form.ur_decision_document.content_base64, UPLOAD_PATH), path=UPLOAD_PATH
    )


def case_number_next(year: int) -> str:
    """CMyy-nnnnnnn, the DWC's form; the counter row is locked for the transaction."""
    prefix = f"CM{year % 100:02d}-"
    counter, _ = models.CaseNumberCounter.objects.select_for_update().get_or_create(prefix=prefix)
    counter.last += 1
    counter.save(update_fields=["last"])
    return f"{prefix}{counter.last:07d}"


def _priority(app: Application) -> Priority:
    if app.review_type is ReviewType.EXPEDITED:
        return Priority.EXPEDITED
    return Priority.FORMULARY if app.formulary_dispute else Priority.STANDARD


def _case_row(app: Application) -> models.Case:
    return models.Case.objects.create(
        case_number=case_number_next(app.received_on.year),
        priority=_priority(app).value,
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


def _items(row: models.Case, app: Application) -> None:
    models.DisputedItem.objects.bulk_create(
        models.DisputedItem(
            case=row,
            position=n,
            treatment=t.treatment,
            category=t.category.value,
            ur_outcome=t.ur_outcome.value,
            icd10=[t.icd10] if t.icd10 else [],
        )
        for n, t in enumerate(app.treatments)
    )


def _application_row(
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
    stored = models.Application.objects.create(
        case=row,
        received_at=at,
        received_on=app.received_on,
        via=via,
        client=client,
        idempotency_key=key,
        review_type=app.review_type.value,
        claim_number=app.claim_number,
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
    models.ApplicationTreatment.objects.bulk_create(
        models.ApplicationTreatment(
            application=stored,
            position=n,
            treatment=t.treatment,
            diagnosis=t.diagnosis,
            icd10=t.icd10 or "",
            category=t.category.value,
            ur_outcome=t.ur_outcome.value,
        )
        for n, t in enumerate(app.treatments)
    )
    return stored


def screening_context(app: Application, *, exclude_case: int) -> ScreeningContext:
    """What the IMRO already holds for this claim: decided items (prior IMR) and other
    applications received (duplicates). Looked up by claim number first, so the cost stays
    flat however many cases the database holds."""
    same_claim = list(
        models.Application.objects.filter(claim_number=app.claim_number)
        .exclude(case_id=exclude_case)
        .exclude(case__state=State.WITHDRAWN.value)
        .values("id", "case_id", "case__case_number", "ur_decision_date", "received_on")
    )
    if not same_claim:
        return ScreeningContext()
    treatments: dict[int, list[str]] = {}
    rows = models.ApplicationTreatment.objects.filter(
        application_id__in=[a["id"] for a in same_claim]
    )
    for application_id, treatment in rows.order_by("position").values_list(
        "application_id", "treatment"
    ):
        treatments.setdefault(application_id, []).append(treatment)
    decided = models.DisputedItem.objects.filter(
        case_id__in=[a["case_id"] for a in same_claim], decision__isnull=False
    ).values_list("treatment", "case__date_decision")
    return ScreeningContext(
        prior_reviews=tuple(
            PriorReview(app.claim_number, t, d or app.received_on) for t, d in decided
        ),
        received=tuple(
            ReceivedApplication(
                a["case__case_number"],
                app.claim_number,
                a["ur_decision_date"],
                tuple(treatments.get(a["id"], [])),
                a["received_on"],
            )
            for a in same_claim
        ),
    )


def outcome_record(
    *,
    row: models.Case,
    stored: models.Application,
    result: EligibilityResult,
    actor: Actor,
    at: datetime,
    note: str = "",
) -> None:
    """Store a screening outcome, move the case to it, start or stop its clocks, and send
    the ineligibility or deferral notice (8 CCR 9792.10.3)."""
    stored.outcome = result.outcome.value
    stored.reasons = [{"code": r.code, "text": r.text, "source": r.source} for r in result.reasons]
    stored.last_day_to_file = result.last_day_to_file
    stored.save(
        update_fields=["outcome", "reasons", "last_day_to_file", "override_reason", "override_by"]
    )
    case_transition(
        row=row,
        target=State(result.outcome.value),
        actor=actor,
        at=at,
        note=note,
        detail={"reasons": [r.code for r in result.reasons]},
    )
    row.eligible_on = local_date(at) if result.outcome is Outcome.ELIGIBLE else None
    clock_refresh(row)
    row.save(update_fields=["state", "eligible_on", *CLOCK_FIELDS])
    if result.outcome is not Outcome.ELIGIBLE:
        notice_issue(row=row, kind=result.outcome.value, actor=actor, at=at)


def _screen(
    row: models.Case, stored: models.Application, app: Application, actor: Actor, at: datetime
) -> None:
    case_transition(row=row, target=State.SCREENING, actor=actor, at=at)
    result = screen(app, screening_context(app, exclude_case=row.id), load_program(row.program))
    outcome_record(row=row, stored=stored, result=result, actor=actor, at=at)


def application_submit(
    *,
    form: ApplicationIn,
    via: str,
    actor: Actor,
    client: str,
    idempotency_key: str | None = None,
    at: datetime | None = None,
) -> Submitted:
    """Receive, store and screen one application. The same idempotency key from the same
    client returns the first submission instead of a second case."""
    if idempotency_key:
        earlier = models.Application.objects.filter(
            client=client, idempotency_key=idempotency_key
        ).first()
        if earlier:
            return Submitted(earlier, replayed=True)
    pdf = _upload(form)  # refused before anything is written
    at = at or now()
    app = to_domain(form, received_on=local_date(at), attached=pdf is not None)
    pdf_path = file_store(pdf.data, folder="ur-decisions", suffix=".pdf")[0] if pdf else ""
    # No savepoint: a failure anywhere below must undo the whole application, and a batch
    # caller wraps many in one transaction for speed.
    with transaction.atomic(savepoint=False):
        row = _case_row(app)
        _items(row, app)
        stored = _application_row(
            row, app, at=at, via=via, client=client, key=idempotency_key, pdf=pdf, pdf_path=pdf_path
        )
        event_record(row=row, actor=actor, at=at, kind="received", detail={"via": via})
        _screen(row, stored, app, actor, at)
    return Submitted(stored, replayed=False)
