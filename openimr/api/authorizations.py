"""POST /api/v1/cases/{case_number}/authorizations: the claims administrator reports that it
authorized disputed treatment before the determination (8 CCR 9792.10.6(a)). Only the
administrator the case is linked to reports it, by its token; the rule of what follows is
the cases app's (`case_authorization_report`)."""

from datetime import date
from typing import Annotated

from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.errors import AuthorizationError
from ninja.responses import Status
from pydantic import ConfigDict

from openimr.api.auth import StaffSessionAuth, TokenAuth, client_name
from openimr.api.errors import REFUSED, errors
from openimr.api.params import StaffCaseNumber
from openimr.audit.services import audit_record
from openimr.cases import services
from openimr.cases.domain.authorization import AuthorizationReport
from openimr.cases.selectors import case_administrator_account
from openimr.core.access import user_works_intake
from openimr.core.errors import NotFound

# Staff sessions are let in only to be told where staff record an authorization (403).
router = Router(tags=["authorizations"], auth=[TokenAuth(), StaffSessionAuth()])


class AuthorizationIn(Schema):
    """What the claims administrator authorized, each item as the case names it (any case,
    spacing or punctuation), and the day it authorized them."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    treatments: Annotated[list[Annotated[str, Field(max_length=500)]], Field(max_length=30)]
    authorized_on: date


class AuthorizationOut(Schema):
    case_number: str
    state: str
    effect: str
    authorized: list[str]
    authorized_on: date
    still_disputed: list[str]


def _refuse_all_but_the_administrator(request: HttpRequest, case_number: str) -> None:
    """The claims administrator the case is linked to alone reports its own authorization.
    Intake staff are told where they record one; any other token gets the 404 of a case it
    may not see, audited."""
    if case_administrator_account(case_number) == request.user.pk:
        return
    if user_works_intake(request.user):
        raise AuthorizationError(
            message="only the case's claims administrator reports its authorization here; "
            "staff terminate the case from its timeline"
        )
    audit_record(
        actor=request.user,
        action="case.authorization_reported.refused",
        object_type="case",
        object_id=case_number,
        detail={"client": client_name(request)},
    )
    raise NotFound(f"no case {case_number}")


@router.post(
    "/cases/{case_number}/authorizations",
    response={201: AuthorizationOut, **errors(*REFUSED, 404, 409, 411, 413, 415, 422)},
)
def report_authorization(
    request: HttpRequest, case_number: StaffCaseNumber, payload: AuthorizationIn
) -> Status[AuthorizationOut]:
    """Report that the claims administrator authorized disputed items. Every item
    authorized: the review is terminated (8 CCR 9792.10.6(a)) and its clocks stop. Some:
    they leave the dispute and the review goes on with the others (before review begins
    only). A treatment the case does not dispute, one named twice, or a day in the future or
    before the UR decision is refused 422 at its field; a closed case 409."""
    _refuse_all_but_the_administrator(request, case_number)
    report = AuthorizationReport(tuple(payload.treatments), payload.authorized_on)
    result = services.case_authorization_report(
        case_number=case_number, report=report, actor=request.user
    )
    return Status(
        201,
        AuthorizationOut(
            case_number=result.case_number,
            state=result.state,
            effect=result.effect.value,
            authorized=list(result.authorized),
            authorized_on=result.authorized_on,
            still_disputed=list(result.still_disputed),
        ),
    )
