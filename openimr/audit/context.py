"""Who is asking, within which request: the request id and channel that the middleware
sets for the duration of a request, and the role an actor acted in. Audit events record
both, so that an event can be traced to the request (and its log lines) that caused it."""

from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from openimr.core.access import ROLES, group_names

SYSTEM, PUBLIC, ADMIN, API_CLIENT, NO_ROLE = "system", "public", "admin", "api_client", "none"


@dataclass(frozen=True)
class RequestContext:
    request_id: str
    api: bool = False


_current: ContextVar[RequestContext | None] = ContextVar("openimr_request", default=None)


def current() -> RequestContext | None:
    return _current.get()


def enter(context: RequestContext) -> Any:
    """Set the request context; returns the token `leave` needs."""
    return _current.set(context)


def leave(token: Any) -> None:
    _current.reset(token)


def role_of(user: Any) -> str:
    """The role a user acts in: ``admin`` for the superuser, else their role groups
    (``intake``, ``reviewer``, ``qa``, joined by ``+``), else ``api_client`` for a call to
    the API or a Django staff account (whose only door is the API), else ``none``.
    Remembered on the user object: one query per request, not per event."""
    if user is None or not getattr(user, "is_authenticated", False):
        return PUBLIC
    known: str | None = getattr(user, "_openimr_audit_role", None)
    if known is None:
        known = _role_from_groups(user)
        user._openimr_audit_role = known
    request = current()
    if request is not None and request.api and known != ADMIN:
        return API_CLIENT
    return known


def _role_from_groups(user: Any) -> str:
    if user.is_superuser:
        return ADMIN
    names = sorted(group_names(user) & set(ROLES))
    if names:
        return "+".join(names)
    return API_CLIENT if user.is_staff else NO_ROLE
