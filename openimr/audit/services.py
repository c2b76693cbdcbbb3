"""Writing the audit trail. Callers run inside their own transaction.atomic()."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User

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


@dataclass(frozen=True)
class PendingEvent:
    """An audit event not yet written, with AuditEvent's columns: a batch of changes writes
    its events with one statement (`audit_save`), inside the transaction of the changes.
    Not a model instance, whose construction cost as much as writing it."""

    at: datetime
    actor_id: int | None
    actor_label: str
    action: str
    object_type: str
    object_id: str
    detail: dict[str, Any]


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
    return PendingEvent(
        at or now(),
        user.pk if user else None,
        label,
        action,
        object_type,
        object_id,
        detail or {},
    )


def audit_save(events: Sequence[PendingEvent]) -> None:
    values_insert(AuditEvent, [vars(event) for event in events])


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
    return AuditEvent.objects.create(**vars(event))
