"""Reading API tokens back: names, prefixes, scopes and state, never a secret (none is
stored)."""

from dataclasses import dataclass
from datetime import datetime

from django.db import connection

from openimr.api.models import ApiToken, RateCount
from openimr.core.clock import now


@dataclass(frozen=True)
class TokenRow:
    name: str
    username: str
    prefix: str
    scopes: tuple[str, ...]
    created_at: datetime
    revoked_at: datetime | None
    administrator: str = ""  # the claims administrator its account acts for, if registered
    expires_at: datetime | None = None
    last_used_at: datetime | None = None

    def state(self, at: datetime) -> str:
        """ "revoked", "expired" or "active" at ``at``, as `token_find` decides."""
        if self.revoked_at is not None:
            return "revoked"
        if self.expires_at is not None and self.expires_at <= at:
            return "expired"
        return "active"


def token_list(*, include_revoked: bool = True) -> list[TokenRow]:
    """Every token by name; without ``include_revoked`` only those that still work (neither
    revoked nor expired)."""
    rows = ApiToken.objects.select_related("user__claims_administrator").order_by("name")
    if not include_revoked:
        rows = rows.filter(revoked_at__isnull=True).exclude(expires_at__lte=now())
    return [
        TokenRow(
            t.name,
            t.user.get_username(),
            t.prefix,
            tuple(t.scopes),
            t.created_at,
            t.revoked_at,
            _administrator(t.user),
            t.expires_at,
            t.last_used_at,
        )
        for t in rows
    ]


def _administrator(user: object) -> str:
    found = getattr(user, "claims_administrator", None)  # the reverse one-to-one, if any
    return str(found.name) if found is not None else ""


def rate_counted(client: str, minute: int) -> int:
    """How many requests ``client`` made in ``minute`` so far (`rate_count`), without
    counting one. In SQL as written: the queryset cost 200 us of CPU a request, the
    statement 23 (docs/benchmarks.md, session 23)."""
    table = connection.ops.quote_name(RateCount._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT requests FROM {table} WHERE minute = %s AND client = %s", [minute, client]
        )
        found = cursor.fetchone()
    return int(found[0]) if found else 0
