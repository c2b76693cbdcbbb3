"""The reviewer panel as the rules see it: frozen dataclasses, no Django.

A reviewer's name travels with these objects because staff need it, but no letter, notice,
export or log may show it (LC 4610.6(f)); the letter builder takes only
`openimr.core.case.ReviewerQualifications`.
"""

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class AffiliationKind(StrEnum):
    """What ties a reviewer to an organization or person (LC 139.5(d); compare 8 CCR 41.5)."""

    EMPLOYED_BY = "employed_by"
    OWNS_PART_OF = "owns_part_of"
    PAID_BY = "paid_by"
    RELATED_TO = "related_to"
    PRACTICES_WITH = "practices_with"


class PartyRole(StrEnum):
    """The parties of a case a reviewer must have no material tie to (LC 139.5(d))."""

    EMPLOYEE = "employee"
    EMPLOYER = "employer"
    CLAIMS_ADMINISTRATOR = "claims_administrator"
    REQUESTING_PHYSICIAN = "requesting_physician"
    MEDICAL_GROUP = "medical_group"
    FACILITY = "facility"
    MANUFACTURER = "manufacturer"
    UR_ORGANIZATION = "ur_organization"
    UR_REVIEWER = "ur_reviewer"
    # Not a key of the case document: the author of one of the employee's clinical records
    # (LC 139.5(d): "the requesting or treating physician"; domain.md section 4).
    TREATING_PROVIDER = "treating_provider"


@dataclass(frozen=True)
class Certification:
    board: str
    specialty: str
    expires: date | None = None


@dataclass(frozen=True)
class License:
    state: str  # USPS code
    number: str
    restricted: bool = False
    expires: date | None = None
    issued: date | None = None


@dataclass(frozen=True)
class Affiliation:
    """A tie to an organization or a person, named as the reviewer disclosed it."""

    name: str
    kind: AffiliationKind
    until: date | None = None  # a tie that ended before the case no longer conflicts


@dataclass(frozen=True)
class Reviewer:
    reviewer_id: str
    name: str
    certifications: tuple[Certification, ...] = ()
    licenses: tuple[License, ...] = ()
    years_in_practice: int = 0
    weekly_hours: float = 0
    open_sanctions: int = 0
    closed_sanctions: int = 0  # taken and ended: still a history of discipline (LC 139.5(c))
    last_verified: date | None = None
    languages: tuple[str, ...] = ("en",)
    capacity_per_week: int = 10
    open_cases: int = 0
    leave: tuple[tuple[date, date], ...] = ()
    affiliations: tuple[Affiliation, ...] = ()
    prior_case_numbers: tuple[str, ...] = field(default=())  # IMRs this reviewer decided


@dataclass(frozen=True)
class CaseParties:
    """The names a conflict check compares, by role (any may be missing)."""

    case_number: str
    names: tuple[tuple[PartyRole, str], ...]
    appealed_from: tuple[
        str, ...
    ] = ()  # earlier IMR case numbers of this dispute sent back on appeal
