"""Case-file documents over the API: a party's records, sent as base64 PDFs, and the case
file's index read back. Every read of a case file is audited, refusals included. A token
reaches only the case files of its claims administrator's cases (``openimr.api.auth``)."""

from datetime import date, datetime
from typing import Annotated

from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.responses import Status
from pydantic import ConfigDict

from openimr.api.auth import client_may_open_case_file, client_name
from openimr.api.errors import REFUSED, errors
from openimr.api.params import StaffCaseNumber, refuse_query_parameters
from openimr.audit.services import audit_record
from openimr.core.access import user_works_intake
from openimr.core.case import DocumentKind
from openimr.core.errors import InvalidInput, NotFound, Problem
from openimr.records import selectors, services
from openimr.records.domain.base64_text import PATTERN as BASE64

CaseRow = selectors.CaseRow

router = Router(tags=["documents"])


class DocumentIn(Schema):
    """One record as a party sends it: the PDF, base64-encoded, and who sends it."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    filename: Annotated[str, Field(min_length=1, max_length=255)]
    # Declared as base64 (OpenAPI 3.1: contentEncoding), and its alphabet, padding and line
    # breaks as `decode_base64` takes them, so a client's generator encodes it.
    content_base64: Annotated[
        str,
        Field(min_length=1, json_schema_extra={"contentEncoding": "base64", "pattern": BASE64}),
    ]
    submitted_by: services.Party


class ActiveContentOut(Schema):
    """What in the PDF a reader could run or open (docs/records.md, "Active content")."""

    javascript: int
    launch: int
    attachments: int
    form: str
    submit: int = 0  # SubmitForm actions; absent from a count made before it was counted


class DocumentOut(Schema):
    id: int
    filename: str
    sha256: str
    size: int
    status: services.Status
    error: str
    received_at: datetime
    submitted_by: services.Party
    via: services.Via
    kind: DocumentKind
    author: str | None
    date_of_service: date | None
    title: str
    page_count: int
    # Null for a record received before the count was made, until it is read again.
    active_content: ActiveContentOut | None = None
    replayed: bool = False
    # Set on a record accepted while the determination is in quality assurance: the
    # reviewer did not see it, and the letter will not list it unless QA returns the case.
    warning: str = ""


def _case(request: HttpRequest, case_number: str, action: str, *, audited: bool) -> CaseRow:
    detail: dict[str, object] = {"via": "api", "client": client_name(request)}
    if not client_may_open_case_file(request, case_number):
        # Another administrator's case, or one linked to none: the answer for no such case.
        audit_record(
            actor=request.user,
            action=f"{action}.refused",
            object_type="case",
            object_id=case_number,
            detail={"case_number": case_number, **detail},
        )
        raise NotFound(f"no case {case_number}")
    row, _ = services.case_file_open(
        user=request.user, case_number=case_number, action=action, audited=audited, detail=detail
    )
    return row


def _refuse_another_party(request: HttpRequest, party: services.Party) -> None:
    """A claims administrator's token sends the claims administrator's records
    (8 CCR 9792.10.5(a)(1)), physicians' reports among them: it is the party sending them.
    Only intake staff, who receive every party's records, say another party sent one."""
    if party is services.Party.CLAIMS_ADMINISTRATOR or user_works_intake(request.user):
        return
    message = (
        "must be claims_administrator: a claims administrator's token sends its own records "
        "(the employee's, the attorney's and the physician's reach the case through intake staff)"
    )
    raise InvalidInput([Problem("$.submitted_by", message)])


@router.post(
    "/cases/{case_number}/documents",
    response={200: DocumentOut, 201: DocumentOut, **errors(*REFUSED, 404, 409, 411, 413, 415, 422)},
)
def submit_document(
    request: HttpRequest, case_number: StaffCaseNumber, payload: DocumentIn
) -> Status[DocumentOut]:
    """Add a record (a PDF) to a case file. It is checked at once: an empty, non-PDF,
    oversized, encrypted or unreadable file, or one past the page or text limit, is refused
    (422) and nothing is stored. Its text is read in the background: `status` is `pending`
    until then. The same bytes sent again answer 200 with the first record. Once the case's
    Final Determination Letter has issued a new record is refused (409): no reviewer will
    read it (LC 4610.6(g)). One sent while the determination is in quality assurance is
    accepted with a `warning`: the reviewer decided without it."""
    row = _case(request, case_number, "record.upload", audited=False)
    _refuse_another_party(request, payload.submitted_by)
    record = services.record_receive(
        case=row,
        data=services.decode_base64(payload.content_base64, "$.content_base64"),
        filename=payload.filename,
        submitted_by=payload.submitted_by,
        via=services.Via.API,
        actor=request.user,
    )
    return Status(200 if record.replayed else 201, DocumentOut.model_validate(record))


@router.get(
    "/cases/{case_number}/documents",
    response={200: list[DocumentOut], **errors(*REFUSED, 404, 422)},
)
def list_documents(request: HttpRequest, case_number: StaffCaseNumber) -> list[DocumentOut]:
    """The case file's records by date of service (undated last), each with what was
    inferred about it and where its text extraction stands. The list is whole: `page`,
    `per_page` or any other query parameter is refused 422 at its name, nothing read."""
    refuse_query_parameters(request, "the case file")
    row = _case(request, case_number, "case_file.viewed", audited=True)
    return [DocumentOut.model_validate(record) for record in selectors.case_file(row)]
