"""Reading API tokens back: names, prefixes, scopes and state, never a secret (none is
stored)."""

from dataclasses import dataclass
from datetime import datetime

from openimr.api.models import ApiToken


@dataclass(frozen=True)
class TokenRow:
    name: str
    username: str
    prefix: str
    scopes: tuple[str, ...]
    created_at: datetime
    revoked_at: datetime | None


def token_list(*, include_revoked: bool = True) -> list[TokenRow]:
    rows = ApiToken.objects.select_related("user").order_by("name")
    if not include_revoked:
        rows = rows.filter(revoked_at__isnull=True)
    return [
        TokenRow(
            t.name, t.user.get_username(), t.prefix, tuple(t.scopes), t.created_at, t.revoked_at
        )
        for t in rows
    ]
