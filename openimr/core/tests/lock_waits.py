"""The race tests' handshake: the side that holds a lock waits until the racing side is
seen waiting for it, not for a fixed second. Under load the racing side could arrive only
after the holder had committed, and the test passed without racing anything.

PostgreSQL shows who waits for whom: a backend that waits for a lock has an ungranted row
in ``pg_locks`` (its ``pg_stat_activity.wait_event_type`` is ``Lock``) and
``pg_blocking_pids`` names the backends it waits for. ``pg_locks`` is read live on every
call, where ``pg_stat_activity`` is a snapshot taken once a transaction, and the holder
asks from inside its own open transaction. SQLite shows nothing of the kind: callers keep
their fixed pause there."""

import time
from collections.abc import Callable

from django.db import connection

WAIT = 60.0

# Backends waiting for this one's locks, directly or queued behind one that does (a second
# writer of the same row waits for the first waiter's tuple lock, not for the holder).
_WAITING = """
WITH RECURSIVE waiting(pid) AS (
    SELECT pid FROM pg_locks
     WHERE NOT granted AND pg_backend_pid() = ANY(pg_blocking_pids(pid))
    UNION
    SELECT l.pid FROM pg_locks l JOIN waiting w ON w.pid = ANY(pg_blocking_pids(l.pid))
     WHERE NOT l.granted
)
SELECT count(DISTINCT pid) FROM waiting
"""


class NeverBlocked(AssertionError):
    """The racing side never waited for the lock the race is about."""


def waiting_for_me() -> int:
    """How many other backends wait for a lock this connection's transaction holds."""
    with connection.cursor() as cursor:
        cursor.execute(_WAITING)
        return int(cursor.fetchone()[0])


def until_waited_for(
    what: str, *, count: int = 1, done: Callable[[], bool] = lambda: False
) -> None:
    """Returns once ``count`` other backends wait for this transaction's locks. Raises
    `NeverBlocked` naming ``what`` (the wait that never came) when ``done()`` says the
    racing side finished without waiting, or when a minute passes: a minute, not a second,
    so a loaded machine slows the test down and never lets it pass untested."""
    deadline = time.monotonic() + WAIT
    while (seen := waiting_for_me()) < count:
        if done():
            raise NeverBlocked(f"{what}: it finished without waiting ({seen} of {count} waited)")
        if time.monotonic() > deadline:
            raise NeverBlocked(f"{what}: not within {WAIT:.0f} s ({seen} of {count} waited)")
        time.sleep(0.02)


def held_until_waited_for(
    what: str, *, pause: float, count: int = 1, done: Callable[[], bool] = lambda: False
) -> None:
    """`until_waited_for` on PostgreSQL; on SQLite, which cannot show a waiter, the fixed
    ``pause`` the race had before."""
    if connection.vendor == "postgresql":
        until_waited_for(what, count=count, done=done)
    else:
        time.sleep(pause)
