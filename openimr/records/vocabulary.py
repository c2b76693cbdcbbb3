"""The closed vocabularies of the case file (who submitted a record, how it came, where its
text extraction stands) and what this app reads of a case row. Shared by the models, the
services, the selectors, the forms and the API."""

from datetime import date, datetime
from enum import StrEnum
from typing import Any, Protocol

from openimr.core.case import DocumentKind


class CaseRow(Protocol):
    """The stored case (``openimr.cases``' model) as far as the case file reads it; the
    dependency rules keep another app's models out of reach (tests/architecture)."""

    @property
    def pk(self) -> Any: ...
    @property
    def case_number(self) -> str: ...
    @property
    def employee_age(self) -> int | None: ...
    @property
    def employee_sex(self) -> str | None: ...
    @property
    def date_injury(self) -> date | None: ...
    @property
    def date_ur_decision(self) -> date | None: ...
    @property
    def decided_at(self) -> datetime | None: ...
    @property
    def date_decision(self) -> date | None: ...
    @property
    def state(self) -> str: ...
    @property
    def items(self) -> Any: ...


class Party(StrEnum):
    """Who submitted a record. The parties who may send records for IMR
    (8 CCR 9792.10.5(a)), and the organization's own staff."""

    CLAIMS_ADMINISTRATOR = "claims_administrator"
    REQUESTING_PHYSICIAN = "requesting_physician"
    EMPLOYEE = "employee"
    EMPLOYEE_ATTORNEY = "employee_attorney"
    IMRO_STAFF = "imro_staff"

    @property
    def label(self) -> str:
        return PARTY_LABELS[self]


PARTY_LABELS: dict[Party, str] = {
    Party.CLAIMS_ADMINISTRATOR: "Claims administrator",
    Party.REQUESTING_PHYSICIAN: "Requesting physician",
    Party.EMPLOYEE: "Employee",
    Party.EMPLOYEE_ATTORNEY: "Employee's attorney",
    Party.IMRO_STAFF: "IMRO staff",
}


class Via(StrEnum):
    UPLOAD = "upload"
    API = "api"


class Status(StrEnum):
    """Text extraction: waiting for the worker, done, or failed (the record is kept)."""

    PENDING = "pending"
    EXTRACTED = "extracted"
    FAILED = "failed"


KIND_LABELS: dict[DocumentKind, str] = {kind: kind.label for kind in DocumentKind}


def labelled(labels: dict[DocumentKind, str] | dict[Party, str]) -> list[tuple[str, str]]:
    """Django choices from a label table, in the enum's order."""
    return [(str(member), label) for member, label in labels.items()]
