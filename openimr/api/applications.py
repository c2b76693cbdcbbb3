"""POST /api/v1/applications and reading an application's screening and clocks back."""

from datetime import date, datetime

from django.http import HttpRequest
from ninja import Header, Router, Schema
from ninja.responses import Status

from openimr.api.auth import case_read_or_refused, client_name
from openimr.api.errors import REFUSED, errors
from openimr.api.params import StaffCaseNumber, refuse_item_query_parameters
from openimr.cases import selectors, services
from openimr.cases.intake_schema import ApplicationIn
from openimr.core.access import user_works_intake
from openimr.core.errors import InvalidInput, Problem
from openimr.letters.selectors import determination_for_payer

router = Router(tags=["applications"])
IDEMPOTENCY_KEY = r"^[!-~]([ -~]*[!-~])?$"


class ReasonOut(Schema):
    code: str
    text: str
    source: str


class DeadlineOut(Schema):
    name: str
    due: date | datetime
    rule: str
    source: str
    status: str


class IssuedItemOut(Schema):
    treatment: str
    outcome: str


class PayerServedOut(Schema):
    on: date
    method: str


class LetterDeadlineOut(Schema):
    name: str
    due: date
    rule: str
    source: str


class IssuedDeterminationOut(Schema):
    """The issued Final Determination Letter as the claims administrator acts on it."""

    issued_on: date
    items: list[IssuedItemOut]
    served: PayerServedOut | None
    deadlines: list[LetterDeadlineOut]


class ApplicationOut(Schema):
    case_number: str
    state: str
    outcome: str
    reasons: list[ReasonOut]
    last_day_to_file: date | None
    deadlines: list[DeadlineOut]
    # Null until the letter issues: the review's deadlines end there, and what the claims
    # administrator must do next (8 CCR 9792.10.7(a)) and by when is read here.
    determination: IssuedDeterminationOut | None = None
    # True for a case imported whole (`openimr case import`), filed by no one through intake.
    imported: bool = False
    replayed: bool = False


def _out(case_number: str, replayed: bool = False) -> ApplicationOut:
    view = selectors.application_view(case_number)
    found = determination_for_payer(case_number)
    determination = IssuedDeterminationOut.model_validate(found) if found is not None else None
    return ApplicationOut(**view, determination=determination, replayed=replayed)


def _refuse_backdating(request: HttpRequest, payload: ApplicationIn) -> None:
    """The day of receipt starts the clocks and decides timeliness (LC 4610.5(h)(1)): the
    IMRO records it. Only intake staff may give an earlier one, importing their own backlog."""
    if payload.received_on is not None and not user_works_intake(request.user):
        message = "is recorded on receipt; only intake staff may give an earlier day"
        raise InvalidInput([Problem("$.received_on", message)])


@router.post(
    "/applications",
    response={
        200: ApplicationOut,
        201: ApplicationOut,
        **errors(*REFUSED, 409, 411, 413, 415, 422),
    },
)
def submit_application(
    request: HttpRequest,
    payload: ApplicationIn,
    # An empty key would make every later empty-keyed retry a duplicate on the database. A
    # key is printable ASCII, as the header's draft standard writes it (an RFC 8941 string):
    # a control character was stored and echoed, and a server that trims a header's spaces
    # or reads its bytes as Latin-1 would make another key of a retry's copy.
    idempotency_key: str | None = Header(
        None, alias="Idempotency-Key", min_length=1, max_length=200, pattern=IDEMPOTENCY_KEY
    ),
) -> Status[ApplicationOut]:
    """File an application for IMR (DWC Form IMR). It is screened at once; the answer holds
    the outcome with its reasons and the deadlines now running. Repeating a request with the
    same Idempotency-Key returns the first answer (200) instead of creating a second case;
    another application under a key already used is refused (409)."""
    _refuse_backdating(request, payload)
    submitted = services.application_submit(
        form=payload,
        via="api",
        actor=request.user,
        client=client_name(request),
        idempotency_key=idempotency_key,
    )
    status = 200 if submitted.replayed else 201
    return Status(status, _out(submitted.application.case.case_number, submitted.replayed))


@router.get(
    "/applications/{case_number}", response={200: ApplicationOut, **errors(*REFUSED, 404, 422)}
)
def get_application(request: HttpRequest, case_number: StaffCaseNumber) -> ApplicationOut:
    """The screening outcome and current deadlines of an application the caller may see.
    The read is audited; so is a refusal (404, the same as for no such case). A query
    parameter is refused 422 at its name, nothing read."""
    refuse_item_query_parameters(request, "the application")
    case_read_or_refused(request, case_number, "application.viewed")
    return _out(case_number)
