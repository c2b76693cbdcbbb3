"""A lockout is a security event: logged and kept in the audit trail, not only in axes'
own tables, so that the trail alone tells of a password-guessing run."""

import logging
from typing import Any

from axes.signals import user_locked_out
from django.dispatch import receiver

from openimr.audit.services import audit_record

log = logging.getLogger("openimr.security")


@receiver(user_locked_out)
def record_lockout(
    sender: Any, request: Any = None, username: str = "", ip_address: str = "", **_: Any
) -> None:
    log.warning("login locked out: username=%r from %s", username, ip_address)
    audit_record(
        actor="anonymous",
        action="login.locked_out",
        object_type="user",
        object_id=username or "",
        detail={"ip_address": ip_address},
    )
