"""Writing the audit trail. Callers run inside their own transaction.atomic(); each write
joins it (or opens one), locks the chain head, links its events after it and moves it, so
the events, their chain and the change they record commit or vanish together."""

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User
from django.db import connections, router, transaction
from django.utils import timezone

from openimr.audit import chain, context
from openimr.audit.models import AuditEvent
from openimr.core.clock import now
from openimr.core.db import values_insert

__all__ = [
    "Actor",
    "AuditEvent",
    "PendingEvent",
    "actor_label",
    "audit_event",
    "audit_record",
    "audit_save",
]

Actor = AbstractBaseUser | AnonymousUser | str | None


def actor_label(actor: Actor) -> str:
    return _actor_fields(actor)[1]


def _actor_fields(actor: Actor) -> tuple[User | None, str]:
    if isinstance(actor, User):
        return actor, actor.get_username()
    if isinstance(actor, str):
        return None, actor
    return None, "anonymous"


def _role(actor: Actor) -> str:
    return context.SYSTEM if isinstance(actor, str) else context.role_of(actor)


@dataclass(frozen=True)
class PendingEvent:
    """An audit event not yet written, with AuditEvent's columns: a batch of changes writes
    its events with one statement (`audit_save`), inside the transaction of the changes.
    Not a model instance, whose construction cost as much as writing it. The chain's
    columns are added when it is written."""

    at: datetime
    actor_id: int | None
    actor_label: str
    action: str
    object_type: str
    object_id: str
    detail: dict[str, Any]
    role: str = ""
    request_id: str = ""


_SCALARS = (str, int, bool, type(None))
# What a refused look names comes from outside (a case number typed into an address, a
# username into the login form): it is kept cut to its column, which PostgreSQL would
# otherwise refuse, losing the refusal's own audit row with a server error.
_OBJECT_ID_MAX = AuditEvent._meta.get_field("object_id").max_length or 60


def _plain(detail: dict[str, Any] | None) -> dict[str, Any]:
    """The detail as the database gives it back (string keys, lists for tuples), so the
    hash computed now is the one `audit verify` computes from the stored row. Most details
    are flat, with string keys and plain values: those are as they come back already, and
    skip the round trip through JSON (a third of the chain's cost per event)."""
    if not detail:
        return {}
    if all(type(k) is str and type(v) in _SCALARS for k, v in detail.items()):
        return detail
    plain: dict[str, Any] = json.loads(json.dumps(detail))
    return plain


def audit_event(
    *,
    actor: Actor,
    action: str,
    object_type: str,
    object_id: str,
    detail: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> PendingEvent:
    user, label = _actor_fields(actor)
    when = at or now()
    request = context.current()
    return PendingEvent(
        when if timezone.is_aware(when) else timezone.make_aware(when),
        user.pk if user else None,
        label,
        action,
        object_type,
        object_id[:_OBJECT_ID_MAX],
        _plain(detail),
        _role(actor),
        request.request_id if request else "",
    )


def _chained(events: Sequence[PendingEvent], alias: str) -> list[dict[str, Any]]:
    """Lock the chain head, link the events after it and move it: inside a transaction."""
    connection = connections[alias]
    lane, last_hash, length = chain.head_lock(connection)
    rows = chain.link(last_hash, [vars(event) for event in events], lane)
    chain.head_move(connection, lane, rows[-1]["hash"], length + len(rows))
    return rows


def audit_save(events: Sequence[PendingEvent]) -> None:
    if not events:
        return
    alias = router.db_for_write(AuditEvent)
    with transaction.atomic(using=alias, savepoint=False):
        values_insert(AuditEvent, _chained(events, alias))


def audit_record(
    *,
    actor: Actor,
    action: str,
    object_type: str,
    object_id: str,
    detail: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> AuditEvent:
    event = audit_event(
        actor=actor,
        action=action,
        object_type=object_type,
        object_id=object_id,
        detail=detail,
        at=at,
    )
    alias = router.db_for_write(AuditEvent)
    with transaction.atomic(using=alias, savepoint=False):
        [row] = _chained([event], alias)
        return AuditEvent.objects.using(alias).create(**row)
