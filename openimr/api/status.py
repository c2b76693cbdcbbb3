"""GET /api/v1/cases/{case_number}/status: where a case stands, for a party to it (the
claims administrator's token) and for intake staff: the stage in words, what happens next
under which rule, and the next due date. No party's name and never the reviewer's
(LC 4610.6(f)). Read and refusal are audited, as for the application."""

from datetime import date, datetime

from django.http import HttpRequest
from ninja import Router, Schema

from openimr.api.auth import case_read_or_refused
from openimr.api.errors import REFUSED, errors
from openimr.api.params import StaffCaseNumber, refuse_item_query_parameters
from openimr.cases import selectors

router = Router(tags=["applications"])


class NextDueOut(Schema):
    name: str
    what: str
    due: date | datetime
    status: str
    source: str


class CaseStatusOut(Schema):
    case_number: str
    state: str
    stage: str
    next: str
    source: str
    received_on: date | None
    decided_on: date | None
    next_due: NextDueOut | None


@router.get(
    "/cases/{case_number}/status", response={200: CaseStatusOut, **errors(*REFUSED, 404, 422)}
)
def case_status(request: HttpRequest, case_number: StaffCaseNumber) -> CaseStatusOut:
    """Where the case stands, what happens next, and the next date due: for the claims
    administrator of the case (the cases its token may read) and intake staff; 404 for any
    other, the same as for no such case, audited. A query parameter is refused 422 at its
    name, nothing read."""
    refuse_item_query_parameters(request, "the case's status")
    case_read_or_refused(request, case_number, "case.status_viewed")
    return CaseStatusOut(**selectors.case_status(case_number))
