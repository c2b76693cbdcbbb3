"""The one line a command prints, exit 2, when its database cannot be opened or is not
migrated, instead of a traceback from its first query (docs/cli.md).

Each line names the database it tried, as the settings resolved it: a mistyped
OPENIMR_DATA_DIR made a new, empty SQLite file and was told only to run `migrate`, which
would have set up that empty database beside the real one; and a data folder on a read-only
disk was "unable to open database file" although the file was there (SQLite in WAL mode
writes its -wal and -shm files beside the database). A PostgreSQL database is named by its
name, host and port, never its URL, which may hold a password."""

import os
import sys
from pathlib import Path

EXIT_INVALID = 2


def database_refused(exc: Exception) -> int:
    """EXIT_INVALID, with the one line saying so, for a database that cannot be opened or
    is not migrated; any other error is raised again."""
    # PostgreSQL's message goes on with the query and a caret: its first line says it.
    reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if _unreachable(exc):
        # A server that is down, a missing or read-only folder, a database never created.
        # Migrating would not help, and a traceback hides the reason.
        print(
            f"error: cannot open the database ({reason}): {_which(opening=True)}; check "
            "DATABASE_URL, or OPENIMR_DATA_DIR for SQLite",
            file=sys.stderr,
        )
        return EXIT_INVALID
    if not _unmigrated(exc):
        raise exc
    # A data folder (or PostgreSQL database) never migrated, or migrated by an older
    # openimr: say what to run, and on what, not a traceback from the first query.
    print(
        f"error: the database is not set up for this version of openimr ({reason}): "
        f"run `python manage.py migrate` ({_which(opening=False)})",
        file=sys.stderr,
    )
    return EXIT_INVALID


def _which(*, opening: bool) -> str:
    """The database the settings name, and, when it could not be opened, what is wrong
    with the SQLite file's folder."""
    from django.db import connection  # noqa: PLC0415 (loaded by the command already)

    s = connection.settings_dict
    if connection.vendor != "sqlite":
        where = f"{s.get('HOST') or 'localhost'}:{s.get('PORT') or 5432}"
        return f"the {connection.vendor} database {s.get('NAME')!s} on {where}"
    path = Path(str(s["NAME"]))
    said = f"the SQLite database {path}"
    folder = path.parent
    if opening and not folder.is_dir():
        return f"{said}: its folder does not exist"
    if opening and not os.access(folder, os.W_OK):
        return (
            f"{said}: its folder cannot be written (read-only), and SQLite writes its -wal "
            "and -shm files beside the database"
        )
    return said


def _unreachable(exc: Exception) -> bool:
    """A database error before any connection was made: the database could not be opened
    (a server down, a missing folder; SQLite's "file is not a database" is a DatabaseError
    raised while connecting)."""
    if "django.db" not in sys.modules:
        return False
    from django.db import DatabaseError, connection  # noqa: PLC0415 (only if loaded)

    return isinstance(exc, DatabaseError) and connection.connection is None


def _unmigrated(exc: Exception) -> bool:
    """A query on a database with no tables, or without a column a later migration adds
    (``schema_behind_error``). Django is asked only when a command loaded it."""
    if "django.db" not in sys.modules:
        return False
    from openimr.core.schema import schema_behind_error  # noqa: PLC0415 (only if loaded)

    return schema_behind_error(exc)
