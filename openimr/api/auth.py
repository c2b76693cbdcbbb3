"""Who may call the API, and for what.

A client sends a bearer token. Its scopes must include the one its operation needs
(``OPERATION_SCOPES``, the one table): a token without it gets 403; a forged, revoked or
unknown token gets 401, the same as no token. Each refusal is logged on
``openimr.security`` (the token's public prefix, never the token). A token acts for the
claims administrator its account is registered as, and reaches only that administrator's
cases (``client_may_see``, ``client_may_open_case_file``): any other answers 404.

A person may use the API from a logged-in session instead (Django's CSRF check applies):
an intake-role holder for the staff operations, any user for the reviewer's own read, and
in both cases only once the session has passed its second factor. Sessions carry no
scopes; the role and the case selectors decide."""

import logging
import re
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from ninja.errors import AuthorizationError, HttpError
from ninja.security import HttpBearer, SessionAuth
from ninja.utils import check_csrf

from openimr.accounts.selectors import second_factor_passed
from openimr.api.domain.scopes import missing_scope_message
from openimr.api.models import ApiToken
from openimr.api.services import token_find, token_refusal_record, token_used
from openimr.audit.services import audit_record
from openimr.cases.selectors import (
    application_client,
    case_administrator_account,
    case_get_for_user,
)
from openimr.core.access import session_client, user_works_intake
from openimr.core.client_address import request_client_address
from openimr.core.errors import NotFound

log = logging.getLogger("openimr.security")

# Every operation that takes a token, with the scope it needs. An operation missing here is
# refused to every token (a test walks the API and keeps this table complete).
OPERATION_SCOPES = {
    "POST /applications": "applications:write",
    "GET /applications/{case_number}": "applications:read",
    "POST /cases/{case_number}/documents": "documents:write",
    "GET /cases/{case_number}/documents": "documents:read",
    "GET /review/{case_number}": "review:read",
    "POST /cases/{case_number}/authorizations": "authorizations:write",
    # Where a case stands is read with its application.
    "GET /cases/{case_number}/status": "applications:read",
}


_PARAMETER = re.compile(r"<(?:\w+:)?(\w+)>")


def operation_key(request: HttpRequest) -> str:
    """``"POST /cases/{case_number}/documents"`` for the request's API operation."""
    match = request.resolver_match
    route = match.route.split("api/v1", 1)[-1] if match else request.path_info
    return f"{request.method} " + _PARAMETER.sub(r"{\1}", route)


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        found = token_find(token)
        if found.token is None:
            log.warning("api token refused (%s): prefix %r", found.reason, token[:12])
            request.api_refusal = found.refusal()  # type: ignore[attr-defined]
            _refused(request, AnonymousUser(), found.name, found.reason)
            return None
        needed = OPERATION_SCOPES.get(operation_key(request))
        if needed is None or needed not in found.token.scopes:
            _refused(request, found.token.user, found.name, f"lacks scope {needed or '(none)'}")
            log.warning(
                "api token %r refused: %s needs scope %s",
                found.token.name,
                operation_key(request),
                needed or "(none declared)",
            )
            if needed is None:
                raise AuthorizationError(message="this token lacks the scope needed")
            raise AuthorizationError(message=missing_scope_message(needed, operation_key(request)))
        token_used(found.token)
        request.user = found.token.user
        request.api_client = found.token.name  # type: ignore[attr-defined]
        return found.token


def _refused(request: HttpRequest, actor: Any, name: str, reason: str) -> None:
    asked = {"operation": operation_key(request), "ip_address": request_client_address(request)}
    token_refusal_record(actor=actor, name=name, reason=reason, asked=asked)


class VerifiedSessionAuth(SessionAuth):
    """A logged-in session that has passed its second factor (when its user needs one)."""

    def _get_key(self, request: HttpRequest) -> str | None:
        # Ninja checks CSRF here, before knowing whether there is a session at all, and so
        # tells a client with no credentials (or a forged token) 403, not 401: checked in
        # authenticate instead. ``csrf`` stays on: the docs page then sends the token.
        return request.COOKIES.get(self.param_name)

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = super().authenticate(request, key)
        if user is None or not second_factor_passed(user) or not self.admits(user):
            return None
        if check_csrf(request) is not None:
            raise HttpError(403, "CSRF check Failed")
        return user

    def admits(self, user: Any) -> bool:
        return True


class StaffSessionAuth(VerifiedSessionAuth):
    """An intake-role session (``openimr.core.access``): the ``is_staff`` flag alone is not
    enough, as it opens no staff page either."""

    def admits(self, user: Any) -> bool:
        return user_works_intake(user)


def client_may_see(request: HttpRequest, case_number: str) -> bool:
    """A token acts for a claims administrator, who may see the applications its own account
    filed (through any of its tokens, or its session) and the cases linked to it
    (``client_may_open_case_file``), and no other administrator's: the same 404 as for no
    such case. Intake staff, by token or session, see every case."""
    if client_may_open_case_file(request, case_number):
        return True
    filed = application_client(case_number)
    if filed is None:
        return False
    client, via = filed
    username = request.user.get_username()
    if client == session_client(username):
        return True
    # Only an API filing was a token's: a batch file files as "batch", the demo as "demo",
    # which a token may be named too.
    tokens = ApiToken.objects.filter(user__username=username, name=client)
    return via == "api" and tokens.exists()


def client_may_open_case_file(request: HttpRequest, case_number: str) -> bool:
    """A token reaches the case file (records, read or sent) of a case linked to the
    registered claims administrator its account acts for, and no other: a case linked to
    another administrator, or to none, answers 404. Intake staff see every case; a session
    is left to the case selectors."""
    if getattr(request, "api_client", None) is None or user_works_intake(request.user):
        return True
    account = case_administrator_account(case_number)
    return account is not None and account == request.user.pk


def client_name(request: HttpRequest) -> str:
    return getattr(request, "api_client", None) or session_client(request.user.get_username())


def case_read_or_refused(request: HttpRequest, case_number: str, action: str) -> None:
    """A read of one case's data over the API: ``NotFound`` (404, the same as for no such
    case) unless the caller may see it (the case selectors, then ``client_may_see``), the
    refusal audited as ``<action>.refused`` and the read as ``<action>``. The read's record
    is its own short transaction after the checks' reads: the write lock it takes holds every
    other writer back (openimr.cases.views.case_view)."""
    try:
        case_get_for_user(request.user, case_number)
        if not client_may_see(request, case_number):
            raise NotFound(f"no case {case_number}")
    except NotFound:
        audit_record(
            actor=request.user,
            action=f"{action}.refused",
            object_type="case",
            object_id=case_number,
        )
        raise
    audit_record(actor=request.user, action=action, object_type="case", object_id=case_number)
