"""The application as it arrives (web form, API, batch line): one declared schema, with
every problem reported by JSON path in the one error shape. Needs no database, so
`openimr eligibility check` can use it offline."""

import json
from collections.abc import Callable, Iterator
from datetime import date
from typing import Annotated

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from openimr.cases.domain.application import (
    Application,
    RequestedTreatment,
    ReviewType,
    ServiceMethod,
    SignerRole,
)
from openimr.cases.domain.eligibility import normalise_text
from openimr.cases.intake_fields import (
    A_DIAGNOSIS,
    A_TREATMENT,
    ICD10,
    Address,
    ClaimNumber,
    Day,
    Email,
    Name,
    OptionalName,
    OptionalText,
    unreadable,
)
from openimr.core.case import Category, UROutcome
from openimr.core.errors import InvalidInput, Problem
from openimr.core.validation import problem_from_error


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @field_validator("*")
    @classmethod
    def _printable(cls, value: object) -> object:
        wrong = unreadable(value) if isinstance(value, str) else None
        if wrong:
            raise ValueError(wrong)
        return value


class EmployeeIn(Strict):
    name: Name
    address: Address = None
    phone: str | None = Field(default=None, pattern=r"^[0-9+() .-]{7,25}$")
    email: Email = None


class PartyIn(Strict):
    name: OptionalName = None


class EmployerIn(PartyIn):
    address: Address = None


class AttorneyIn(PartyIn):
    email: Email = None
    address: Address = None


class PhysicianIn(Strict):
    name: Name
    specialty: OptionalText = None
    email: Email = None
    address: Address = None


class ClaimsAdministratorIn(Strict):
    name: Name
    adjuster: OptionalName = None
    email: Email = None
    address: Address = None


class URDecisionIn(Strict):
    date: Day
    service_method: ServiceMethod


class SignatureIn(Strict):
    signed_by: Name
    role: SignerRole
    date: Day


class TreatmentIn(Strict):
    treatment: Annotated[str, Field(min_length=1, max_length=500), A_TREATMENT]
    diagnosis: Annotated[str, Field(min_length=1, max_length=300), A_DIAGNOSIS]
    icd10: ICD10 | None = None
    category: Category = Category.OTHER
    ur_outcome: UROutcome = UROutcome.DENIED
    # The Request for Authorization UR decided on, when the applicant knows it: the NOARFI
    # names it "if available" (8 CCR 9792.10.4(b)(2)). Each item may have its own.
    rfa_date: Day | None = None


class UploadIn(Strict):
    filename: Annotated[str, Field(min_length=1, max_length=200)]
    content_base64: Annotated[str, Field(min_length=1)]


class ApplicationIn(Strict):
    """DWC Form IMR (8 CCR 9792.10.2). `ur_decision_document` is the UR decision letter as
    a base64 PDF; `received_on` is only for batch imports of applications received earlier."""

    review_type: ReviewType = ReviewType.REGULAR
    claim_number: ClaimNumber
    employee: EmployeeIn
    date_of_injury: Day
    employer: EmployerIn = EmployerIn()
    ur_decision: URDecisionIn
    requesting_physician: PhysicianIn
    claims_administrator: ClaimsAdministratorIn
    attorney: AttorneyIn = AttorneyIn()
    # Further parties for the reviewer's conflict-of-interest check (LC 139.5(d)).
    medical_group: PartyIn = PartyIn()
    facility: PartyIn = PartyIn()
    manufacturer: PartyIn = PartyIn()
    ur_organization: PartyIn = PartyIn()
    ur_reviewer: PartyIn = PartyIn()
    treatments: Annotated[list[TreatmentIn], Field(min_length=1, max_length=30)]
    # true or false only: "yes", "no", 0 or 1 would each be read as a guess at what was meant.
    conditional_non_certification: StrictBool = False
    disputed_other_than_medical_necessity: StrictBool = False
    claims_administrator_agrees_to_proceed: StrictBool | None = None
    formulary_dispute: StrictBool = False
    signature: SignatureIn | None = None
    ur_decision_document: UploadIn | None = None
    received_on: Day | None = None

    @model_validator(mode="after")
    def _fields_agree(self) -> "ApplicationIn":
        errors = [
            InitErrorDetails(type=PydanticCustomError(kind, message), loc=loc, input=value)
            for kind, check in _CROSS_FIELD_CHECKS
            for loc, value, message in check(self)
        ]
        if errors:
            raise ValidationError.from_exception_data("ApplicationIn", errors)
        return self


_RFA = "the Request for Authorization"
# A problem between fields: where (the field the applicant corrects), the value, what is wrong.
Found = tuple[tuple[str | int, ...], object, str]


def _repeated_treatments(form: ApplicationIn) -> Iterator[Found]:
    """A treatment listed twice would be reviewed and decided twice; the second is named."""
    first: dict[str, int] = {}
    for n, item in enumerate(form.treatments):
        seen = first.setdefault(normalise_text(item.treatment), n)
        if seen != n:
            said = f"repeats treatment {seen + 1}; list each treatment once"
            yield ("treatments", n, "treatment"), item.treatment, said


def _nameless_addresses(form: ApplicationIn) -> Iterator[Found]:
    """An address with no one to mail to: the attorney's and the employer's names are
    optional on the form, but a copy mailed to an address alone is served on no one (the
    other parties' names are required already)."""
    named: tuple[tuple[str, AttorneyIn | EmployerIn], ...] = (
        ("attorney", form.attorney),
        ("employer", form.employer),
    )
    for party, given in named:
        if given.address and not given.name:
            yield (party, "name"), None, f"is required when the {party}'s address is given"


def _out_of_order(form: ApplicationIn) -> Iterator[Found]:
    """Dates that contradict the order of events: the injury comes before the UR decision it
    led to, and a Request for Authorization (RFA) is for treatment of that injury and comes
    before the UR decision that decides it (8 CCR 9792.9.1; the same day is possible)."""
    injury, decided = form.date_of_injury, form.ur_decision.date
    if decided < injury:
        said = f"the UR decision cannot precede the date of injury ({injury.isoformat()})"
        yield ("ur_decision", "date"), decided, said
    for n, treatment in enumerate(form.treatments):
        rfa, where = treatment.rfa_date, ("treatments", n, "rfa_date")
        if rfa is not None and rfa < injury:
            yield where, rfa, f"{_RFA} cannot precede the date of injury ({injury.isoformat()})"
        elif rfa is not None and rfa > decided:
            yield where, rfa, f"{_RFA} cannot follow the UR decision on it ({decided.isoformat()})"


_CROSS_FIELD_CHECKS: tuple[tuple[str, Callable[[ApplicationIn], Iterator[Found]]], ...] = (
    ("date_order", _out_of_order),
    ("repeated", _repeated_treatments),
    ("nameless", _nameless_addresses),
)


def received_date_problems(form: ApplicationIn, arrived_on: date) -> list[Problem]:
    """Dates that cannot be right for an application that arrived on `arrived_on`: one it
    says it was received later, or received before its UR decision; an injury, a UR decision,
    a Request for Authorization or a signature after the day of receipt (which counts as
    filing, Avila); a signature before the UR decision, unless that decision is the date
    after receipt (checked here, not in the schema, so as not to blame the signature)."""
    received = form.received_on or arrived_on
    problems = []
    if form.received_on and form.received_on > arrived_on:
        problems.append(Problem("$.received_on", f"is after today ({arrived_on.isoformat()})"))
    elif form.received_on and form.received_on < form.ur_decision.date:
        problems.append(Problem("$.received_on", "is before the date of the UR decision"))
    dated = [
        ("$.date_of_injury", form.date_of_injury),
        ("$.ur_decision.date", form.ur_decision.date),
        ("$.signature.date", form.signature.date if form.signature else None),
        *((f"$.treatments[{n}].rfa_date", t.rfa_date) for n, t in enumerate(form.treatments)),
    ]
    problems += [
        Problem(path, f"is after the day the application was received ({received.isoformat()})")
        for path, when in dated
        if when and when > received
    ]
    if form.ur_decision.date <= received:  # else the decision's date is the one to correct
        problems += _signed_before_the_decision(form)
    return problems


def _signed_before_the_decision(form: ApplicationIn) -> list[Problem]:
    """The application asks for review of a UR decision already made and served on the
    employee (LC 4610.5(h)(1); 8 CCR 9792.10.1(b)), so it cannot be signed before that
    decision's date; the same day is possible. A year typed wrong is the usual cause."""
    signed, decided = form.signature and form.signature.date, form.ur_decision.date
    if signed and signed < decided:
        said = f"is before the UR decision it asks to review ({decided.isoformat()})"
        return [Problem("$.signature.date", said)]
    return []


def parse_application(data: object) -> ApplicationIn:
    """Validate a decoded JSON object; InvalidInput lists every problem by JSON path."""
    if not isinstance(data, dict):
        # pydantic says "a valid dictionary or instance of ApplicationIn": a class name no
        # clerk with a batch file knows.
        raise InvalidInput([Problem("$", "must be a JSON object")])
    try:
        return ApplicationIn.model_validate(data)
    except ValidationError as exc:
        raise InvalidInput([problem_from_error(dict(e)) for e in exc.errors()]) from exc


def parse_application_json(text: str | bytes) -> ApplicationIn:
    try:
        return parse_application(json.loads(text))
    except json.JSONDecodeError as exc:
        raise InvalidInput(
            [Problem("$", f"not JSON: {exc.msg} at line {exc.lineno} column {exc.colno}")]
        ) from exc


def to_domain(form: ApplicationIn, *, received_on: date, attached: bool) -> Application:
    """The domain Application the eligibility rules screen."""
    sig = form.signature
    return Application(
        claim_number=form.claim_number,
        employee_name=form.employee.name,
        date_of_injury=form.date_of_injury,
        ur_decision_date=form.ur_decision.date,
        ur_service_method=form.ur_decision.service_method,
        received_on=form.received_on or received_on,
        treatments=tuple(
            RequestedTreatment(
                t.treatment, t.diagnosis, t.icd10, t.category, t.ur_outcome, t.rfa_date
            )
            for t in form.treatments
        ),
        review_type=form.review_type,
        employee_address=form.employee.address,
        employee_phone=form.employee.phone,
        employee_email=form.employee.email,
        employer_name=form.employer.name,
        employer_address=form.employer.address,
        requesting_physician_name=form.requesting_physician.name,
        requesting_physician_specialty=form.requesting_physician.specialty,
        requesting_physician_email=form.requesting_physician.email,
        requesting_physician_address=form.requesting_physician.address,
        claims_administrator_name=form.claims_administrator.name,
        adjuster_name=form.claims_administrator.adjuster,
        claims_administrator_email=form.claims_administrator.email,
        claims_administrator_address=form.claims_administrator.address,
        attorney_name=form.attorney.name,
        attorney_email=form.attorney.email,
        attorney_address=form.attorney.address,
        medical_group_name=form.medical_group.name,
        facility_name=form.facility.name,
        manufacturer_name=form.manufacturer.name,
        ur_organization_name=form.ur_organization.name,
        ur_reviewer_name=form.ur_reviewer.name,
        ur_decision_attached=attached,
        conditional_non_certification=form.conditional_non_certification,
        disputed_other_than_medical_necessity=form.disputed_other_than_medical_necessity,
        claims_administrator_agrees_to_proceed=form.claims_administrator_agrees_to_proceed,
        formulary_dispute=form.formulary_dispute,
        signed_by=sig.signed_by if sig else None,
        signer_role=sig.role if sig else None,
        signature_date=sig.date if sig else None,
    )
