"""The hash chain of the audit trail: each event stores the hash of the one before it in its
lane and its own hash over its canonical content, so a changed, removed, inserted or
reordered event breaks the chain where it happened (`openimr audit verify`).

Appends to a lane are serialized: its head row is read and written in the transaction of
the events (``SELECT ... FOR UPDATE`` on PostgreSQL; SQLite already admits one writer at a
time, and openimr opens its transactions IMMEDIATE, so the head is read under the write
lock). Two transactions therefore never link to the same previous hash, and a lane's
order is the order of its events' ids (drawn while the lane is held)."""

import hashlib
import json
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper

GENESIS = ""
# Chains that PostgreSQL writers append to side by side (see head_lock); SQLite uses one.
LANES = 8
HEAD_TABLE = "audit_auditchainhead"
EVENT_TABLE = "audit_auditevent"
# One encoder for every event: json.dumps with options builds a new one per call.
_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))
# The columns a hash covers, in the order they are hashed (with the previous hash first).
CONTENT = (
    "at",
    "lane",
    "actor_id",
    "actor_label",
    "role",
    "request_id",
    "action",
    "object_type",
    "object_id",
    "detail",
)


def canonical(prev_hash: str, event: Mapping[str, Any]) -> bytes:
    """The bytes an event's hash covers: its columns as one JSON array, keys sorted and
    without spaces, the instant in UTC to the microsecond (what both databases keep)."""
    at: datetime = event["at"]
    values = [prev_hash, at.astimezone(UTC).isoformat(timespec="microseconds")]
    values += [event[name] for name in CONTENT[1:]]
    return _ENCODER.encode(values).encode("utf-8")


def event_hash(prev_hash: str, event: Mapping[str, Any]) -> str:
    return hashlib.sha256(canonical(prev_hash, event)).hexdigest()


def link(
    prev_hash: str, events: Sequence[Mapping[str, Any]], lane: int = 1
) -> list[dict[str, Any]]:
    """The events' columns with ``lane``, ``prev_hash`` and ``hash`` set, chained after
    ``prev_hash``."""
    rows = []
    for event in events:
        row = {**event, "lane": lane, "prev_hash": prev_hash}
        row["hash"] = prev_hash = event_hash(prev_hash, row)
        rows.append(row)
    return rows


def head_lock(connection: BaseDatabaseWrapper) -> tuple[int, str, int]:
    """A chain to append to, locked for the transaction: (lane, last hash, events chained).

    PostgreSQL keeps ``LANES`` chains: a transaction takes the first lane no other
    transaction holds (``SKIP LOCKED``), so concurrent writers never wait for each other's
    whole transaction, and never take a lock after the other locks they hold (the case
    number counter, a case row): waiting for one chain head while holding those deadlocked
    two simulation workers. SQLite has one writer at a time and one lane."""
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            return _sqlite_head(cursor)
        found = _free_lane(cursor)
        if found is None:
            cursor.execute(
                f"INSERT INTO {HEAD_TABLE} (id, last_hash, length)"
                " SELECT n, %s, 0 FROM generate_series(1, %s) AS n ON CONFLICT (id) DO NOTHING",
                [GENESIS, LANES],
            )
            found = _free_lane(cursor)
        if found is None:  # every lane is held by a transaction: queue for one
            cursor.execute("SELECT pg_backend_pid()")
            lane = cursor.fetchone()[0] % LANES + 1
            cursor.execute(
                f"SELECT id, last_hash, length FROM {HEAD_TABLE} WHERE id = %s FOR UPDATE", [lane]
            )
            found = cursor.fetchone()
        return found[0], found[1], found[2]


def lanes_create(connection: BaseDatabaseWrapper) -> None:
    """The lanes' head rows, committed ahead of use (after every migrate and flush): a
    lane first made inside a writer's transaction would make the next writer wait for it."""
    count = LANES if connection.vendor == "postgresql" else 1
    with connection.cursor() as cursor:
        for lane in range(1, count + 1):
            cursor.execute(
                f"INSERT INTO {HEAD_TABLE} (id, last_hash, length) VALUES (%s, %s, 0)"
                " ON CONFLICT (id) DO NOTHING",
                [lane, GENESIS],
            )


def _free_lane(cursor: Any) -> Any:
    cursor.execute(
        f"SELECT id, last_hash, length FROM {HEAD_TABLE} ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED"
    )
    return cursor.fetchone()


def _sqlite_head(cursor: Any) -> tuple[int, str, int]:
    """Lane 1, read under the write lock the IMMEDIATE transaction took at its start. A
    missing head row (a new or flushed database) is made from the last event."""
    cursor.execute(f"SELECT last_hash, length FROM {HEAD_TABLE} WHERE id = 1")
    found = cursor.fetchone()
    if found is not None:
        return 1, found[0], found[1]
    cursor.execute(f"SELECT hash FROM {EVENT_TABLE} WHERE lane = 1 ORDER BY id DESC LIMIT 1")
    last = cursor.fetchone()
    cursor.execute(f"SELECT COUNT(*) FROM {EVENT_TABLE} WHERE lane = 1")
    length = cursor.fetchone()[0]
    last_hash = last[0] if last else GENESIS
    cursor.execute(
        f"INSERT INTO {HEAD_TABLE} (id, last_hash, length) VALUES (1, %s, %s)",
        [last_hash, length],
    )
    return 1, last_hash, length


def head_move(connection: BaseDatabaseWrapper, lane: int, last_hash: str, length: int) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {HEAD_TABLE} SET last_hash = %s, length = %s WHERE id = %s",
            [last_hash, length, lane],
        )
