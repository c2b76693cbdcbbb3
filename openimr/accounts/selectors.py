"""Who must pass a second factor: anyone who can open a page beyond the public ones.

An intake clerk, a reviewer and a QA physician read injured workers' medical records; the
administrator and any ``is_staff`` account reach the admin site. A password alone is one
phished or reused secret away from all of it, so each of them also proves a TOTP code once
per session. An account with none of these opens nothing but public pages and is spared."""

from typing import Any

from openimr.core.access import ROLES, user_has_role


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
