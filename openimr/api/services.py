"""API tokens: created once (the secret is shown only then), checked by hash, scoped,
revocable. Creating and revoking each write an audit row in the same transaction."""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.db.models import Q

from openimr.api.domain.scopes import CLAIMS_ADMINISTRATOR_SCOPES, SCOPES
from openimr.api.models import ApiToken, RateCount
from openimr.audit.services import audit_record
from openimr.cases.services import administrator_register
from openimr.core.access import SESSION_CLIENT, user_is_staff
from openimr.core.clock import now
from openimr.core.errors import Conflict, InvalidInput, NotFound, Problem

PREFIX = "oimr_"


@dataclass(frozen=True)
class TokenFound:
    token: ApiToken | None
    reason: str  # "ok", or why not: "unknown", "revoked", "expired", "inactive user"
    expired_at: datetime | None = None
    name: str = ""  # the refused token's, when it is one of ours

    def refusal(self) -> str:
        """What the client is told (401): only an expired token is told why, as its holder
        can do nothing about the others that it could not do about a guessed one."""
        if self.expired_at is None:
            return ""
        return (
            f"this API token expired on {self.expired_at:%Y-%m-%d %H:%M} UTC; ask the IMR "
            "organization for a new one (openimr tokens create)"
        )


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _checked_scopes(scopes: tuple[str, ...]) -> list[str]:
    problems = [
        Problem(f"$.scopes[{i}]", f"unknown scope {scope!r}; known: {', '.join(SCOPES)}")
        for i, scope in enumerate(scopes)
        if scope not in SCOPES
    ]
    if not scopes:
        problems.append(Problem("$.scopes", "give at least one scope"))
    if problems:
        raise InvalidInput(problems)
    return list(dict.fromkeys(scopes))


def token_create(
    *,
    name: str,
    username: str,
    scopes: tuple[str, ...] = CLAIMS_ADMINISTRATOR_SCOPES,
    administrator: str | None = None,
    actor: Any = "cli",
    days: int | None = None,
) -> str:
    """Create a token and return its secret, which is never stored or shown again. With
    ``administrator``, the account is registered as that claims administrator's (in the
    same transaction), so the token reaches its cases' files. It works for ``days`` (by
    default ``OPENIMR_API_TOKEN_DAYS``), then is refused as expired."""
    days = settings.OPENIMR_API_TOKEN_DAYS if days is None else days
    if days < 1 or days > 3660:
        raise InvalidInput([Problem("$.days", f"give 1 to 3660 days, not {days}")])
    if not name.strip() or len(name) > 150:
        raise InvalidInput([Problem("$.name", "give a name of 1 to 150 characters")])
    if not name.isprintable():
        # A tab or an escape sequence in a name would garble `tokens list` and the audit trail.
        raise InvalidInput([Problem("$.name", "must not contain control characters")])
    if name.startswith(SESSION_CLIENT):
        # A person's own filings are kept as "user:NAME": a token so named would read them.
        message = f"must not begin with {SESSION_CLIENT!r}: names of that form are a person's"
        raise InvalidInput([Problem("$.name", message)])
    checked = _checked_scopes(tuple(scopes))
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise NotFound(f"no user {username}")
    if not user_is_staff(user):
        # The case selectors let only staff accounts read cases: a token of any other
        # account could file applications and never read them back.
        raise InvalidInput(
            [
                Problem(
                    "$.user",
                    f"{username} is not a staff account (is_staff): its token could "
                    "file applications but read none of them",
                )
            ]
        )
    if ApiToken.objects.filter(name=name).exists():
        raise Conflict(f"a token named {name} exists already")
    secret, created = PREFIX + secrets.token_urlsafe(32), now()
    expires = created + timedelta(days=days)
    with transaction.atomic():
        ApiToken.objects.create(
            name=name,
            user=user,
            prefix=secret[:12],
            token_sha256=_digest(secret),
            scopes=checked,
            created_at=created,
            expires_at=expires,
        )
        detail = {"user": username, "scopes": checked, "expires_at": expires.isoformat()}
        _audit(actor, "api_token.created", name, detail)
        if administrator is not None:
            administrator_register(name=administrator, username=username, actor=actor)
    return secret


def token_find(secret: str) -> TokenFound:
    token = ApiToken.objects.select_related("user").filter(token_sha256=_digest(secret)).first()
    if token is None:
        return TokenFound(None, "unknown")
    if token.revoked_at is not None:
        return TokenFound(None, "revoked", name=token.name)
    if token.expires_at is not None and token.expires_at <= now():
        return TokenFound(None, "expired", token.expires_at, name=token.name)
    if not token.user.is_active:
        return TokenFound(None, "inactive user", name=token.name)
    return TokenFound(token, "ok", name=token.name)


# A token's last use is written at most once a minute: not an UPDATE on every request.
LAST_USED_GRANULARITY = timedelta(minutes=1)


def token_used(token: ApiToken) -> None:
    """Record that ``token`` got a request in, so that staff see which tokens are in use and
    which to revoke (`openimr tokens list`); HIPAA 45 CFR 164.308(a)(4)(ii)(C) (access
    review). To the minute: a busy client writes once a minute, not once a request."""
    at = now()
    if token.last_used_at is not None and at - token.last_used_at < LAST_USED_GRANULARITY:
        return
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=at)
    token.last_used_at = at


def token_refusal_record(*, actor: Any, name: str, reason: str, asked: dict[str, str]) -> None:
    """A token presented to the API and refused (unknown, revoked, expired, its account
    inactive, or lacking the operation's scope): a denied access to a system holding PHI,
    recorded with what it asked and from where (HIPAA 45 CFR 164.312(b)). Never the secret,
    nor any part of it."""
    _audit(actor, "api_token.refused", name, {"reason": reason, **asked})


def token_check(secret: str) -> ApiToken | None:
    return token_find(secret).token


def token_revoke(*, name: str, actor: Any = "cli") -> None:
    with transaction.atomic():
        updated = ApiToken.objects.filter(name=name, revoked_at__isnull=True).update(
            revoked_at=now()
        )
        if not updated:
            raise NotFound(f"no active token named {name}")
        _audit(actor, "api_token.revoked", name, {})


def tokens_revoke_for_user(*, user: Any, why: str) -> list[str]:
    """Revoke every token of ``user`` still working, each audited ``api_token.revoked`` with
    ``why``; their names. A password reset after a suspected compromise must end what the
    old password gave, tokens as well as sessions: whoever held the account could have made
    or copied one (HIPAA 45 CFR 164.308(a)(5)(ii)(D) password management, 164.308(a)(6)(ii)
    response to a security incident). An expired token keeps its state."""
    at = now()
    unexpired = Q(expires_at__isnull=True) | Q(expires_at__gt=at)
    working = ApiToken.objects.filter(unexpired, user=user, revoked_at__isnull=True)
    names = sorted(working.values_list("name", flat=True))
    ApiToken.objects.filter(name__in=names).update(revoked_at=at)
    for name in names:
        _audit(user, "api_token.revoked", name, {"why": why})
    return names


def _audit(actor: Any, action: str, name: str, detail: dict[str, Any]) -> None:
    audit_record(actor=actor, action=action, object_type="api_token", object_id=name, detail=detail)


# The last minute this process swept past counts from the table: once a minute each.
_swept = [0]


def rate_count(*, client: str, minute: int) -> int:
    """This request's number among ``client``'s in ``minute`` (1 for its first), counted in
    the database so that every server process and machine adds to one count. One statement,
    an upsert returning the new count, atomic on SQLite and PostgreSQL alike: two processes'
    requests at the same moment are never counted as one, as a read-then-write would."""
    table = connection.ops.quote_name(RateCount._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (minute, client, requests) VALUES (%s, %s, 1) "
            f"ON CONFLICT (minute, client) DO UPDATE SET requests = {table}.requests + 1 "
            "RETURNING requests",
            [minute, client],
        )
        (count,) = cursor.fetchone()
    _sweep(minute)
    return int(count)


def _sweep(minute: int) -> None:
    # A count is read only in its own minute and the limit's next check: older ones are
    # dead weight, dropped once a minute by each process (cheap: the index leads by minute).
    if _swept[0] >= minute:
        return
    _swept[0] = minute
    RateCount.objects.filter(minute__lt=minute - 1).delete()
