"""Whether the database holds every migration this version of openimr ships.

A command run on a database an older openimr migrated used to work or fail depending on
whether its queries happened to touch a column a later migration added: a report could
run on the old tables and print figures without the newer rows' rules (triggers, columns)
in force. Asking once, before the command, makes the answer the same for every command.
"""

import re
from importlib.util import find_spec
from pathlib import Path

from django.apps import apps
from django.db import DatabaseError, connection

from openimr.core.errors import OpenIMRError

_MIGRATION_FILE = re.compile(r"^(\d{4}_\w+)\.py$")
# What a query says of a table or column the database lacks: SQLite's "no such ...",
# PostgreSQL's "relation ... does not exist" / "column ... does not exist".
_LACKING = ("no such table", "no such column", "does not exist")


class SchemaBehind(OpenIMRError):
    """The database lacks migrations this version ships: `python manage.py migrate` first."""


def shipped_migrations() -> set[tuple[str, str]]:
    """(app label, migration name) of each migration file of openimr's own apps, read from
    the folders without importing them (a command pays a folder listing, not the graph)."""
    shipped = set()
    for config in apps.get_app_configs():
        if not config.name.startswith("openimr."):
            continue
        spec = find_spec(f"{config.name}.migrations")
        if spec is None or not spec.submodule_search_locations:
            continue
        for folder in spec.submodule_search_locations:
            for path in Path(folder).iterdir():
                if found := _MIGRATION_FILE.match(path.name):
                    shipped.add((config.label, found[1]))
    return shipped


def migrations_missing() -> list[str]:
    """Each shipped migration the database has not applied, as ``app.name``, in order. A
    database with no tables at all raises the driver's "no such table" / "does not exist",
    which the CLI reads as never migrated."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT app, name FROM django_migrations")
        applied = {(app, name) for app, name in cursor.fetchall()}
    return sorted(f"{app}.{name}" for app, name in shipped_migrations() - applied)


def schema_current() -> None:
    """Refuse to go on when migrations are missing, naming the first few."""
    missing = migrations_missing()
    if missing:
        named = ", ".join(missing[:3]) + (
            f" and {len(missing) - 3} more" if len(missing) > 3 else ""
        )
        raise SchemaBehind(
            f"the database is not set up for this version of openimr ({len(missing)} "
            f"migration(s) not applied: {named}): run `python manage.py migrate`"
        )


def schema_behind_error(exc: BaseException) -> bool:
    """A query, on a connection that opened, met a database without a table or column this
    version uses: its migrations were not run. (A database that does not exist also "does
    not exist", but its connection never opened.)"""
    return (
        isinstance(exc, DatabaseError)
        and connection.connection is not None
        and any(words in str(exc) for words in _LACKING)
    )
