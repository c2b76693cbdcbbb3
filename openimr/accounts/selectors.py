"""Who must pass a second factor: anyone who can open a page beyond the public ones.

An intake clerk, a reviewer and a QA physician read injured workers' medical records; the
administrator and any ``is_staff`` account reach the admin site. A password alone is one
phished or reused secret away from all of it, so each of them also proves a TOTP code once
per session. An account with none of these opens nothing but public pages and is spared.

Also read here: whether wrong codes have locked an account's second factor, and the
account's open sessions, for "Your sessions", the admin site and the command line."""

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from django.contrib.auth import HASH_SESSION_KEY
from django.db.models import OuterRef, QuerySet, Subquery
from django.utils import timezone
from django.utils.crypto import constant_time_compare

from openimr.accounts.domain.session_timeout import SessionTimes, session_ended
from openimr.accounts.domain.user_agent import browser_summary
from openimr.accounts.models import AccountSession, SecondFactorLock
from openimr.accounts.session_store import SessionStore
from openimr.core.access import ROLES, user_has_role
from openimr.core.clock import now


def needs_second_factor(user: Any) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if getattr(user, "is_superuser", False) or getattr(user, "is_staff", False):
        return True
    return any(user_has_role(user, role) for role in ROLES)


def is_verified(user: Any) -> bool:
    """The session proved a TOTP code (``django_otp.login``); OTPMiddleware sets this."""
    check = getattr(user, "is_verified", None)
    return bool(check()) if callable(check) else False


def second_factor_passed(user: Any) -> bool:
    """Logged in far enough for the pages: verified, or not one who needs to be."""
    return not needs_second_factor(user) or is_verified(user)


def second_factor_locked(user: Any) -> bool:
    """Wrong codes locked the second factor (openimr.accounts.domain.code_lock) and no
    administrator has unlocked it yet."""
    return _locks().filter(user_id=user.pk).exists()


def second_factor_locked_since() -> Subquery:
    """When wrong codes locked each account's second factor, or None (not locked): an
    annotation of a list of accounts, read in the list's own query (the admin site's)."""
    return Subquery(_locks().filter(user_id=OuterRef("pk")).values("locked_at")[:1])


def _locks() -> QuerySet[SecondFactorLock]:
    return SecondFactorLock.objects.filter(locked_at__isnull=False)


# --- an account's open sessions ("Your sessions"): named outside by a handle, a digest of
# the key, never by the key itself, which is the session's secret (NIST SP 800-63B 7.1);
# every lookup starts from the account, so another account's handle finds nothing.

# Session data keys: when the session logged in and its last request counted
# (SessionTimeoutMiddleware), and the browser's User-Agent at login.
LOGGED_IN_AT = "openimr.accounts.logged_in_at"
SEEN_AT = "openimr.accounts.seen_at"
USER_AGENT = "openimr.accounts.user_agent"
USER_AGENT_KEPT = 512  # characters: more than any real browser sends, less than a flood


@dataclass(frozen=True)
class OpenSession:
    handle: str
    logged_in_at: datetime | None
    seen_at: datetime | None
    browser: str
    current: bool


def session_handle(session_key: str) -> str:
    return hashlib.sha256(session_key.encode("ascii")).hexdigest()[:16]


def _when(seconds: Any) -> datetime | None:
    return datetime.fromtimestamp(seconds, tz=UTC) if isinstance(seconds, int | float) else None


def _still_open(data: dict[str, Any], user: Any, at: float) -> bool:
    """Signed in to ``user`` as it is now: a new password ends the sessions opened with the
    old one (Django's session hash), and the idle and absolute limits end a session at its
    next request (SessionTimeoutMiddleware), which an idle session never makes."""
    if not constant_time_compare(data.get(HASH_SESSION_KEY, ""), user.get_session_auth_hash()):
        return False
    if LOGGED_IN_AT not in data:
        return True
    times = SessionTimes(logged_in_at=data[LOGGED_IN_AT], seen_at=data.get(SEEN_AT, at))
    limits = {
        "idle_seconds": settings.OPENIMR_SESSION_IDLE_SECONDS,
        "absolute_seconds": settings.SESSION_COOKIE_AGE,
    }
    return session_ended(times, now=at, **limits) is None


def _open_rows(user: Any) -> list[tuple[AccountSession, dict[str, Any]]]:
    at, store = now().timestamp(), SessionStore()
    live = AccountSession.objects.filter(user_id=user.pk, expire_date__gt=timezone.now())
    decoded = [(row, store.decode(row.session_data)) for row in live]
    return [(row, data) for row, data in decoded if _still_open(data, user, at)]


def sessions_of_user(*, user: Any, current_key: str | None = None) -> list[OpenSession]:
    """The account's open sessions, the one in use (``current_key``) first, then the most
    recently seen."""
    found = [
        OpenSession(
            handle=session_handle(row.session_key),
            logged_in_at=_when(data.get(LOGGED_IN_AT)),
            seen_at=_when(data.get(SEEN_AT)),
            browser=browser_summary(str(data.get(USER_AGENT, ""))),
            current=row.session_key == current_key,
        )
        for row, data in _open_rows(user)
    ]
    oldest = datetime.min.replace(tzinfo=UTC)
    return sorted(found, key=lambda s: (not s.current, -(s.seen_at or oldest).timestamp()))
