"""An application for Independent Medical Review (DWC Form IMR, 8 CCR 9792.10.2) as the
rules see it: frozen dataclasses, no Django."""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from openimr.core.case import Category, Priority, UROutcome


class ReviewType(StrEnum):
    """Regular, or expedited for an imminent and serious threat to health (LC 4610.6(d))."""

    REGULAR = "regular"
    EXPEDITED = "expedited"


class ServiceMethod(StrEnum):
    """How a document was served. Mail adds 5 days to a response period (CCP 1013(a));
    electronic service shortens the records clock (8 CCR 9792.10.5(a)(1))."""

    MAIL = "mail"
    ELECTRONIC = "electronic"
    FAX = "fax"
    PERSONAL = "personal"


class SignerRole(StrEnum):
    EMPLOYEE = "employee"
    ATTORNEY = "attorney"
    REPRESENTATIVE = "representative"
    PHYSICIAN = "physician"


@dataclass(frozen=True)
class RequestedTreatment:
    """One disputed treatment as requested, with its diagnosis (Form IMR, section 4)."""

    treatment: str
    diagnosis: str
    icd10: str | None = None
    category: Category = Category.OTHER
    ur_outcome: UROutcome = UROutcome.DENIED
    # The Request for Authorization's date, when known: the NOARFI names it
    # (8 CCR 9792.10.4(b)(2)).
    rfa_date: date | None = None


@dataclass(frozen=True)
class Application:
    """Every field of DWC Form IMR that a rule or a notice uses."""

    claim_number: str
    employee_name: str
    date_of_injury: date
    ur_decision_date: date
    ur_service_method: ServiceMethod
    received_on: date
    treatments: tuple[RequestedTreatment, ...]
    review_type: ReviewType = ReviewType.REGULAR
    employee_address: str | None = None
    employee_phone: str | None = None
    employee_email: str | None = None
    employer_name: str | None = None
    requesting_physician_name: str | None = None
    requesting_physician_specialty: str | None = None
    claims_administrator_name: str | None = None
    adjuster_name: str | None = None
    attorney_name: str | None = None
    # Where the letter may be served by e-mail (LC 4610.6(f)); each party without one by mail.
    requesting_physician_email: str | None = None
    claims_administrator_email: str | None = None
    attorney_email: str | None = None
    # Where each of them is mailed when it gave no e-mail (the employee's: employee_address).
    requesting_physician_address: str | None = None
    claims_administrator_address: str | None = None
    attorney_address: str | None = None
    # The employer's too: served the letter by mail (LC 4610.6(f)), it gives no e-mail.
    employer_address: str | None = None
    ur_decision_attached: bool = False
    conditional_non_certification: bool = False
    disputed_other_than_medical_necessity: bool = False
    claims_administrator_agrees_to_proceed: bool | None = None
    formulary_dispute: bool = False
    medical_group_name: str | None = None
    facility_name: str | None = None
    manufacturer_name: str | None = None
    ur_organization_name: str | None = None
    ur_reviewer_name: str | None = None
    signed_by: str | None = None
    signer_role: SignerRole | None = None
    signature_date: date | None = None


def review_priority(application: Application) -> Priority:
    """The determination clock a review runs on (LC 4610.6(d)): expedited for an imminent
    and serious threat to health; else 5 working days for a drug-formulary dispute
    (LC 4610.6(d)(1)(A)); else regular. An expedited formulary dispute is expedited: its
    3 days are the shorter clock, and the threat to health does not wait."""
    if application.review_type is ReviewType.EXPEDITED:
        return Priority.EXPEDITED
    return Priority.FORMULARY if application.formulary_dispute else Priority.STANDARD
