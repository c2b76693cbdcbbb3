"""API tokens: created once (the secret is shown only then), checked by hash, revocable."""

import hashlib
import secrets

from django.contrib.auth import get_user_model

from openimr.api.models import ApiToken
from openimr.core.clock import now
from openimr.core.errors import Conflict, NotFound

SCOPES = ("applications:write", "applications:read")


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def token_create(*, name: str, username: str, scopes: tuple[str, ...] = SCOPES) -> str:
    """Create a token and return its secret, which is never stored or shown again."""
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise NotFound(f"no user {username}")
    if ApiToken.objects.filter(name=name).exists():
        raise Conflict(f"a token named {name} exists already")
    secret = "oimr_" + secrets.token_urlsafe(32)
    ApiToken.objects.create(
        name=name,
        user=user,
        prefix=secret[:12],
        token_sha256=_digest(secret),
        scopes=list(scopes),
        created_at=now(),
    )
    return secret


def token_check(secret: str) -> ApiToken | None:
    token = ApiToken.objects.select_related("user").filter(token_sha256=_digest(secret)).first()
    if token is None or token.revoked_at is not None or not token.user.is_active:
        return None
    return token


def token_revoke(*, name: str) -> None:
    updated = ApiToken.objects.filter(name=name, revoked_at__isnull=True).update(revoked_at=now())
    if not updated:
        raise NotFound(f"no active token named {name}")
