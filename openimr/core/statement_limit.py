"""A time limit on each SQL statement a web request runs, on PostgreSQL.

Without one, a search the planner reads badly, or a lock held by a stuck transaction, kept a
server thread and its connection until the query ended, however long: enough of them and
every thread is waiting and the site answers nobody. PostgreSQL cancels a statement past
``statement_timeout`` (the request then answers 503 saying so: openimr.core.unavailable).
SQLite has no such setting; one machine's file is not shared with other servers' threads.
"""

from typing import Any

from django.conf import settings
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.signals import connection_created


def limit_web_statements() -> None:
    """From now on, each new PostgreSQL connection of this process cancels a statement
    running past ``OPENIMR_STATEMENT_TIMEOUT_SECONDS``. Called by config.wsgi, which only
    the web server loads."""
    connection_created.connect(statement_limit_set, dispatch_uid="openimr-statement-limit")


def statement_limit_set(sender: Any, connection: BaseDatabaseWrapper, **kwargs: Any) -> None:
    if connection.vendor != "postgresql":
        return
    milliseconds = max(1, round(settings.OPENIMR_STATEMENT_TIMEOUT_SECONDS * 1000))
    with connection.cursor() as cursor:
        # set_config, not SET: SET takes no bound parameter. Not local to a transaction:
        # it holds for the connection's life, across the requests it serves.
        cursor.execute("SELECT set_config('statement_timeout', %s, false)", [f"{milliseconds}"])
