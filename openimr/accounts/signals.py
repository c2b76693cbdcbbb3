"""Signing in and out are audit events: each session that could look at PHI is found in
the trail with who opened it, from where, and when it ended. A lockout is a security
event, logged and kept in the trail, not only in axes' own tables, so that the trail
alone tells of a password-guessing run; so is each wrong password before it, a failed
access to a system holding PHI. HIPAA 45 CFR 164.312(b) (audit controls) and
164.308(a)(5)(ii)(C) (log-in monitoring)."""

import logging
from typing import Any

from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import post_save
from django.dispatch import receiver

from openimr.accounts.selectors import USER_AGENT, USER_AGENT_KEPT
from openimr.accounts.services import audit_user_event, session_times_stamp, user_sessions_end
from openimr.audit.services import audit_record
from openimr.core.client_address import request_client_address
from openimr.core.clock import now

log = logging.getLogger("openimr.security")


@receiver(user_locked_out)
def record_lockout(
    sender: Any, request: Any = None, username: str = "", ip_address: str = "", **_: Any
) -> None:
    log.warning("login locked out: username=%r from %s", username, ip_address)
    audit_record(
        actor=AnonymousUser(),  # not logged in: the role is "public", not "system"
        action="login.locked_out",
        object_type="user",
        object_id=username or "",
        detail={"ip_address": ip_address},
    )


@receiver(user_login_failed)
def record_failed_login(
    sender: Any, credentials: dict[str, Any], request: Any = None, **_: Any
) -> None:
    """A wrong password (or one tried while locked out), on the site's login or the admin's:
    the username tried and the address it came from, never the password (Django has
    already masked it in ``credentials``)."""
    audit_record(
        actor=AnonymousUser(),
        action="login.failed",
        object_type="user",
        object_id=str(credentials.get("username", "")),
        detail={"ip_address": _address(request)},
    )


def _address(request: Any) -> str:
    return request_client_address(request) if request is not None else ""


@receiver(user_logged_in)
def record_login(sender: Any, request: Any = None, user: Any = None, **_: Any) -> None:
    """A password accepted, on the site's login or the admin's: the second factor, when
    one is asked for next, is its own event (``two_factor.verified``)."""
    _session_event("login.succeeded", user, request)
    if request is not None and hasattr(request, "session"):
        session_times_stamp(request.session, at=now().timestamp())
        agent = request.META.get("HTTP_USER_AGENT", "")
        request.session[USER_AGENT] = str(agent)[:USER_AGENT_KEPT]  # for "Your sessions"


@receiver(user_logged_out)
def record_logout(sender: Any, request: Any = None, user: Any = None, **_: Any) -> None:
    """Signing out; a visitor not signed in who asks to sign out ends no session (``user``
    is None) and writes nothing."""
    if user is not None:
        _session_event("logout", user, request)


def _session_event(action: str, user: Any, request: Any) -> None:
    detail = {"ip_address": _address(request)}
    ended_by = getattr(request, "session_ended_by", None)  # a timeout, not the person
    if ended_by:
        detail["ended_by"] = ended_by
    audit_user_event(user, user, action, **detail)


@receiver(post_save, sender=get_user_model())
def end_a_deactivated_accounts_sessions(sender: Any, instance: Any, **_: Any) -> None:
    """Deactivating an account (the admin's "active" box, or any save of it inactive) ends
    its open sessions for good: left alone they are refused only while it stays inactive."""
    if not instance.is_active:
        user_sessions_end(user=instance, why="deactivated")
