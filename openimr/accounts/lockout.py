"""The username django-axes counts failed logins against (``AXES_USERNAME_CALLABLE``).

Cut to the longest username an account can have: axes stores what was typed in a
255-character column, and a longer one, on the site's login or the admin's, made PostgreSQL
refuse the row and the login answer 500 instead of "did not match". No account has a longer
name, so the cut counts nothing against anyone real. HIPAA 45 CFR 164.308(a)(5)(ii)(C)
(log-in monitoring: every failed try is counted, however malformed)."""

from typing import Any

from django.contrib.auth import get_user_model


def username_max_length() -> int:
    user_model = get_user_model()
    field = user_model._meta.get_field(user_model.USERNAME_FIELD)
    return getattr(field, "max_length", None) or 150


def lockout_username(request: Any, credentials: dict[str, Any] | None = None) -> str | None:
    """The username of the attempt, as axes would read it, at most ``username_max_length``."""
    if credentials:
        typed = credentials.get("username")
    else:
        typed = getattr(request, "data", request.POST).get("username")
    return str(typed)[: username_max_length()] if typed is not None else None
