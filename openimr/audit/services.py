"""Writing the audit trail. Callers run inside their own transaction.atomic()."""

from datetime import datetime
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User

from openimr.audit.models import AuditEvent
from openimr.core.clock import now

Actor = AbstractBaseUser | AnonymousUser | str | None


def actor_label(actor: Actor) -> str:
    return _actor_fields(actor)[1]


def _actor_fields(actor: Actor) -> tuple[User | None, str]:
    if isinstance(actor, User):
        return actor, actor.get_username()
    if isinstance(actor, str):
        return None, actor
    return None, "anonymous"


def audit_record(
    *,
    actor: Actor,
    action: str,
    object_type: str,
    object_id: str,
    detail: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> AuditEvent:
    user, label = _actor_fields(actor)
    return AuditEvent.objects.create(
        at=at or now(),
        actor=user,
        actor_label=label,
        action=action,
        object_type=object_type,
        object_id=object_id,
        detail=detail or {},
    )
