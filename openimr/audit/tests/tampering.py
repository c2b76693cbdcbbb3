"""What an attacker with the database's owner rights would do: drop the append-only
triggers, rewrite rows, put the triggers back. Tests tamper only this way, so each one also
shows that without dropping the triggers the change would have been refused."""

from typing import Any

from django.db import connection

from openimr.audit import chain, triggers
from openimr.audit.models import AuditEvent
from openimr.audit.services import audit_record


def tamper(*statements: tuple[str, list[Any]]) -> None:
    triggers.remove(connection)
    try:
        with connection.cursor() as cursor:
            for sql, params in statements:
                cursor.execute(sql, params)
    finally:
        triggers.install(connection)


def events(count: int, case_number: str = "CM24-0000001") -> list[AuditEvent]:
    return [
        audit_record(
            actor="test",
            action=f"case.step_{n}",
            object_type="case",
            object_id=case_number,
            detail={"n": n},
        )
        for n in range(count)
    ]


def forged_after(event: AuditEvent, *, event_id: int) -> tuple[str, list[Any]]:
    """An INSERT of a well-formed event linked after ``event``, hash and all: what a forger
    who knows the format would write."""
    row = {
        "at": event.at,
        "lane": event.lane,
        "actor_id": None,
        "actor_label": "forger",
        "role": "intake",
        "request_id": "",
        "action": "case.viewed",
        "object_type": "case",
        "object_id": event.object_id,
        "detail": {},
    }
    digest = chain.event_hash(event.hash, row)
    sql = (
        "INSERT INTO audit_auditevent (id, at, lane, actor_label, role, request_id, action,"
        " object_type, object_id, detail, prev_hash, hash)"
        " VALUES (%s, %s, %s, 'forger', 'intake', '', 'case.viewed', 'case', %s, '{}', %s, %s)"
    )
    at = connection.ops.adapt_datetimefield_value(event.at)
    return sql, [event_id, at, event.lane, event.object_id, event.hash, digest]
