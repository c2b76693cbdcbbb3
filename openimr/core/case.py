"""The case as the rules see it: frozen dataclasses, no Django.

The field names follow the interchange format `openimr.case/1` (docs/formats.md), so that a
JSON path in an error message points at the same thing in a file and in this model.
"""

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class Priority(StrEnum):
    """Review track. Expedited: imminent and serious threat to health (LC 4610.6(d));
    formulary: a drug-formulary medication dispute (LC 4610.6(d)(1)(A))."""

    STANDARD = "standard"
    EXPEDITED = "expedited"
    FORMULARY = "formulary"

    @property
    def label(self) -> str:
        return {"standard": "Standard", "expedited": "Expedited", "formulary": "Formulary"}[
            self.value
        ]


class Sex(StrEnum):
    MALE = "male"
    FEMALE = "female"
    OTHER = "other"


class Category(StrEnum):
    """Treatment categories of the DWC's public IMR statistics (domain.md §7)."""

    PHARMACEUTICALS = "pharmaceuticals"
    DMEPOS = "dmepos"
    REHABILITATION = "rehabilitation"
    CHIROPRACTIC = "chiropractic"
    ACUPUNCTURE = "acupuncture"
    INJECTIONS = "injections"
    SURGERY = "surgery"
    DIAGNOSTICS = "diagnostics"
    EVALUATION_MANAGEMENT = "evaluation_management"
    BEHAVIORAL_HEALTH = "behavioral_health"
    HOME_HEALTH = "home_health"
    PROGRAMS = "programs"
    OTHER = "other"

    @property
    def label(self) -> str:
        return CATEGORY_LABELS[self]


CATEGORY_LABELS: dict[Category, str] = {
    Category.PHARMACEUTICALS: "Pharmaceuticals",
    Category.DMEPOS: "Durable medical equipment, prosthetics, orthotics and supplies",
    Category.REHABILITATION: "Physical therapy and other rehabilitation",
    Category.CHIROPRACTIC: "Chiropractic",
    Category.ACUPUNCTURE: "Acupuncture",
    Category.INJECTIONS: "Injections",
    Category.SURGERY: "Surgery",
    Category.DIAGNOSTICS: "Diagnostic tests and imaging",
    Category.EVALUATION_MANAGEMENT: "Evaluation and management",
    Category.BEHAVIORAL_HEALTH: "Behavioral and mental health",
    Category.HOME_HEALTH: "Home health",
    Category.PROGRAMS: "Programs (functional restoration, brain injury, weight loss)",
    Category.OTHER: "Other",
}


class UROutcome(StrEnum):
    """What utilization review did to the request (LC 4610(i))."""

    DENIED = "denied"
    MODIFIED = "modified"
    DELAYED = "delayed"


class Decision(StrEnum):
    """Upheld: the UR denial stands (not medically necessary); overturned: it is medically
    necessary (LC 4610.6(c))."""

    UPHELD = "upheld"
    OVERTURNED = "overturned"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class DocumentKind(StrEnum):
    PROGRESS_NOTE = "progress_note"
    UR_DETERMINATION = "ur_determination"
    IMAGING = "imaging"
    OPERATIVE_REPORT = "operative_report"
    RFA = "rfa"
    APPLICATION = "application"
    CORRESPONDENCE = "correspondence"
    EVALUATION = "evaluation"
    THERAPY_NOTE = "therapy_note"
    OTHER = "other"

    @property
    def label(self) -> str:
        return DOCUMENT_KIND_LABELS[self]


# The one table of these words: the case index, the case file's records, the reviewer's
# workspace and the admin all read it ("rfa" in words is not "Rfa").
DOCUMENT_KIND_LABELS: dict[DocumentKind, str] = {
    DocumentKind.PROGRESS_NOTE: "Progress note",
    DocumentKind.UR_DETERMINATION: "UR determination",
    DocumentKind.IMAGING: "Imaging",
    DocumentKind.OPERATIVE_REPORT: "Operative report",
    DocumentKind.RFA: "Request for authorization",
    DocumentKind.APPLICATION: "Application for IMR",
    DocumentKind.CORRESPONDENCE: "Correspondence",
    DocumentKind.EVALUATION: "Evaluation",
    DocumentKind.THERAPY_NOTE: "Therapy note",
    DocumentKind.OTHER: "Other",
}


@dataclass(frozen=True)
class Citation:
    """One source a decision relied on; ``mtus`` says whether it is part of the MTUS."""

    mtus: bool
    citation: str


@dataclass(frozen=True)
class Dates:
    injury: dt.date | None = None
    ur_decision: dt.date | None = None
    application_received: dt.date | None = None
    assigned: dt.date | None = None
    records_complete: dt.date | None = None
    decision: dt.date | None = None


@dataclass(frozen=True)
class Employee:
    name: str | None = None
    age: int | None = None
    sex: Sex | None = None


@dataclass(frozen=True)
class Named:
    """A party known by name only: employer, claims administrator, attorney, organization."""

    name: str | None = None


@dataclass(frozen=True)
class Physician:
    name: str | None = None
    specialty: str | None = None


@dataclass(frozen=True)
class ReviewerQualifications:
    """What a letter may say about the reviewer. Deliberately has no name field: the
    reviewer's identity is confidential (LC 4610.6(f))."""

    specialties: tuple[str, ...] = ()
    board_certified: bool | None = None
    licensed_in: tuple[str, ...] = ()
    years_in_practice: int | None = None
    weekly_hours: float | None = None


@dataclass(frozen=True)
class Document:
    title: str
    author: str | None = None
    date: dt.date | None = None
    kind: DocumentKind = DocumentKind.OTHER


@dataclass(frozen=True)
class Item:
    """One disputed treatment and, once decided, its determination."""

    treatment: str
    category: Category
    ur_outcome: UROutcome = UROutcome.DENIED
    claims_administrator_basis: tuple[Citation, ...] = ()
    reviewer_basis: tuple[Citation, ...] = ()
    why_not_mtus: str | None = None
    decision: Decision | None = None
    rationale: str | None = None
    icd10: tuple[str, ...] = ()
    rfa_date: dt.date | None = None  # the Request for Authorization's (8 CCR 9792.10.4(b)(2))


@dataclass(frozen=True)
class Case:
    case_number: str
    program: str = "ca-dwc-imr"
    priority: Priority = Priority.STANDARD
    dates: Dates = field(default_factory=Dates)
    employee: Employee = field(default_factory=Employee)
    employer: Named = field(default_factory=Named)
    claims_administrator: Named = field(default_factory=Named)
    requesting_physician: Physician = field(default_factory=Physician)
    attorney: Named = field(default_factory=Named)
    organization: Named = field(default_factory=Named)
    reviewer: ReviewerQualifications = field(default_factory=ReviewerQualifications)
    diagnoses: tuple[str, ...] = ()
    documents: tuple[Document, ...] = ()
    clinical_summary: str | None = None
    items: tuple[Item, ...] = ()
    # Parties a reviewer must have no tie to (LC 139.5(d)) beyond those every letter names;
    # optional in the format, so older documents stay valid.
    medical_group: Named = field(default_factory=Named)
    facility: Named = field(default_factory=Named)
    manufacturer: Named = field(default_factory=Named)
    ur_organization: Named = field(default_factory=Named)
    ur_reviewer: Named = field(default_factory=Named)
    remand_of: tuple[str, ...] = ()  # earlier IMRs of this dispute set aside on appeal

    @property
    def is_decided(self) -> bool:
        return self.dates.decision is not None
