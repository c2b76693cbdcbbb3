"""Who may call the API: a client with a bearer token, or a logged-in staff member (whose
session requests carry Django's CSRF check)."""

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer, SessionAuth

from openimr.api.services import token_check


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        found = token_check(token)
        if found is None:
            return None
        request.user = found.user
        request.api_client = found.name  # type: ignore[attr-defined]
        return found


class StaffSessionAuth(SessionAuth):
    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = super().authenticate(request, key)
        return user if user is not None and getattr(user, "is_staff", False) else None


def client_name(request: HttpRequest) -> str:
    return getattr(request, "api_client", None) or f"user:{request.user.get_username()}"
