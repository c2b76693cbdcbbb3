"""GET /api/v1/review/{case_number}: the assigned reviewer's determination as it stands.
A reviewer's session (or a token of the reviewer's account) reaches only the cases that
reviewer is assigned to; any other is 404, the same as a case that does not exist, and the
refusal is audited."""

from datetime import date, datetime

from django.http import Http404, HttpRequest
from ninja import Router, Schema

from openimr.api.auth import TokenAuth, VerifiedSessionAuth
from openimr.api.errors import REFUSED, errors
from openimr.api.params import StaffCaseNumber, refuse_item_query_parameters
from openimr.core.errors import NotFound
from openimr.review import selectors

router = Router(tags=["review"], auth=[TokenAuth(), VerifiedSessionAuth()])


# Named apart from the public corpus's schemas (openimr.api.decisions): the OpenAPI
# document keys schemas by class name, and one of two same-named ones would replace the other.
class ReviewCitationOut(Schema):
    mtus: bool
    citation: str


class ReviewItemOut(Schema):
    treatment: str
    decision: str | None
    reviewer_basis: list[ReviewCitationOut]
    why_not_mtus: str | None
    rationale: str | None


class DeterminationOut(Schema):
    case_number: str
    state: str
    determination_due: date | datetime | None
    clinical_summary: str | None
    items: list[ReviewItemOut]


@router.get("/review/{case_number}", response={200: DeterminationOut, **errors(*REFUSED, 404, 422)})
def review_case(request: HttpRequest, case_number: StaffCaseNumber) -> DeterminationOut:
    """The determination of a case assigned to the caller: summary and each item's decision,
    basis and rationale. 404 for a case assigned to someone else (audited). A query
    parameter is refused 422 at its name, nothing read."""
    refuse_item_query_parameters(request, "the determination")
    try:
        row = selectors.case_for_reviewer(request.user, case_number, action="review.api_viewed")
    except Http404 as exc:
        raise NotFound(f"no case {case_number}") from exc
    return DeterminationOut(**selectors.determination_view(row))
