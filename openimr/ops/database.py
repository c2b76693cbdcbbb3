"""Copying the database out and back in: SQLite's online backup API (a consistent snapshot
while the server keeps writing, WAL included, which a file copy is not), or pg_dump and
pg_restore for PostgreSQL."""

import glob
import os
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

from django.db import connections

from openimr.core.errors import Conflict

SQLITE_FILE, POSTGRES_FILE = "database.sqlite3", "database.pgdump"
# Tables every migrated database has rows in before anyone used it: a target holding only
# these is empty.
BOOKKEEPING = {"django_migrations", "django_content_type", "auth_permission", "sqlite_sequence"}
# Tables every openimr database has from its first migrations: a backup's database without
# them is not one of ours.
OURS = ("django_migrations", "cases_case", "audit_auditevent")


def vendor() -> str:
    return str(connections["default"].vendor)


def _settings() -> dict[str, Any]:
    return dict(connections["default"].settings_dict)


def sqlite_snapshot(target: Path) -> None:
    """Copy the live database through the connection Django uses, in one step: in WAL
    mode that step is a read transaction, so writers go on meanwhile, and the copy is the
    database as of one moment. (Copying in several steps would start over whenever another
    process committed in between, and might never finish on a busy server.)"""
    wrapper = connections["default"]
    wrapper.ensure_connection()
    with sqlite3.connect(target) as copy:
        wrapper.connection.backup(copy)
        # One self-contained file, readable from read-only media: no -wal beside it.
        copy.execute("PRAGMA journal_mode=DELETE")
    copy.close()


def sqlite_load(source: Path) -> None:
    """Replace the configured SQLite database with the backup's, in one transaction."""
    connections.close_all()
    name = str(_settings()["NAME"])
    Path(name).parent.mkdir(parents=True, exist_ok=True)
    # Opened as immutable: the checked backup is only read, never locked or journaled.
    readonly = f"{source.resolve().as_uri()}?immutable=1"
    with sqlite3.connect(readonly, uri=True) as backup, sqlite3.connect(name) as target:
        backup.backup(target)
        target.execute("PRAGMA journal_mode=WAL")
    backup.close()
    target.close()


def sqlite_problem(source: Path) -> str | None:
    """Why the backup's SQLite file may not replace the configured database, or None. A
    matching checksum says only that the file is the one the manifest names: a file that is
    no database, a damaged one or another application's would otherwise replace ours (and a
    file that is no database failed half way, with a traceback)."""
    readonly = f"{source.resolve().as_uri()}?immutable=1"
    try:
        db = sqlite3.connect(readonly, uri=True)
        try:
            rows = db.execute("SELECT name FROM sqlite_master WHERE type='table'").fetchall()
            verdict = str(db.execute("PRAGMA quick_check").fetchone()[0])
        finally:
            db.close()
    except sqlite3.DatabaseError as exc:
        return f"not an SQLite database ({exc})"
    if verdict != "ok":
        return f"damaged: {verdict}"
    missing = [table for table in OURS if table not in {row[0] for row in rows}]
    if missing:
        return f"not an openimr database (missing table(s): {', '.join(missing)})"
    return None


def _pg_tool(name: str) -> str:
    """The newest installed client: pg_dump refuses a server newer than itself."""
    found = sorted(
        glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
    )
    path = found[-1] if found else shutil.which(name)
    if path is None:
        raise Conflict(f"{name} is not installed: install the PostgreSQL client tools")
    return path


def _pg_env() -> tuple[list[str], dict[str, str]]:
    """Connection options for the PostgreSQL tools; the password goes in the environment,
    never on a command line that `ps` shows."""
    s = _settings()
    env = {**os.environ, "PGPASSWORD": str(s.get("PASSWORD") or "")}
    args = [f"--dbname={s['NAME']}", f"--username={s.get('USER') or ''}"]
    args += [f"--host={s.get('HOST') or 'localhost'}", f"--port={s.get('PORT') or 5432}"]
    return args, env


def _run(command: list[str], env: dict[str, str]) -> str:
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise Conflict(f"{Path(command[0]).name} failed: {done.stderr.strip()[:2000]}")
    return done.stdout


def postgres_dump(target: Path) -> None:
    args, env = _pg_env()
    _run([_pg_tool("pg_dump"), "--format=custom", "--no-owner", f"--file={target}", *args], env)


def postgres_problem(source: Path) -> str | None:
    """Why the backup's dump may not be loaded, or None: pg_restore reads its table of
    contents without a server. A dump of another database would be loaded beside (or, with
    --force, over) ours and reported restored."""
    done = subprocess.run(
        [_pg_tool("pg_restore"), "--list", str(source)], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        said = done.stderr.strip().splitlines()
        return f"not a pg_dump archive ({said[-1] if said else 'pg_restore failed'})"
    tables = _dumped_tables(done.stdout)
    missing = [table for table in OURS if table not in tables]
    if missing:
        return f"not an openimr database (missing table(s): {', '.join(missing)})"
    return None


def _dumped_tables(listing: str) -> set[str]:
    # A table's entry in `pg_restore --list`: "233; 1259 16516 TABLE public cases_case owner".
    return set(re.findall(r"^\d+; \d+ \d+ TABLE \S+ (\S+)", listing, re.MULTILINE))


def postgres_load(source: Path) -> None:
    """In one transaction: a failed restore leaves the database as it was. --clean drops
    the tables of the backup that the target already has before recreating them.

    The tables of openimr's models that the backup lacks (added by migrations newer than
    it) are dropped first, in the same transaction: one referencing a table of the backup
    stopped --clean ("cannot drop constraint cases_case_pkey ... because other objects
    depend on it"), and one left behind would make the `migrate` that follows fail, its
    table already there. Other applications' tables are left as they were. pg_restore
    writes the SQL and psql runs it, as pg_restore runs nothing but its own statements."""
    listing = _run([_pg_tool("pg_restore"), "--list", str(source)], dict(os.environ))
    newer = sorted(_model_tables() - _dumped_tables(listing))
    connections.close_all()
    args, env = _pg_env()
    script = ["--no-owner", "--no-privileges", "--clean", "--if-exists", "--file=-"]
    psql = [_pg_tool("psql"), "--no-psqlrc", "--quiet", "--single-transaction"]
    psql += ["--set=ON_ERROR_STOP=1", *args]
    if newer:
        psql.append(f"--command=DROP TABLE IF EXISTS {', '.join(map(_quoted, newer))} CASCADE")
    restore = subprocess.Popen(
        [_pg_tool("pg_restore"), *script, str(source)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        done = subprocess.run([*psql, "--file=-"], stdin=restore.stdout, env=env,
                              capture_output=True, text=True, check=False)  # fmt: skip
    finally:
        assert restore.stdout is not None and restore.stderr is not None
        restore.stdout.close()
        written = restore.stderr.read().decode(errors="replace")
        restore.wait()
    # psql first: when it stops at an error, pg_restore fails only on the closed pipe.
    if done.returncode != 0:
        raise Conflict(f"pg_restore failed: {done.stderr.strip()[:2000]}")
    if restore.returncode != 0:
        raise Conflict(f"pg_restore failed: {written.strip()[:2000]}")


def _model_tables() -> set[str]:
    wrapper = connections["default"]
    return set(wrapper.introspection.django_table_names(only_existing=True))


def _quoted(table: str) -> str:
    return '"' + table.replace('"', '""') + '"'


def _sqlite_full_tables(name: str) -> list[str]:
    if name.startswith("file:") or name == ":memory:" or not Path(name).exists():
        return []
    with sqlite3.connect(name) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        full = [
            str(t)
            for t in sorted(set(tables) - BOOKKEEPING)
            if db.execute(f'SELECT 1 FROM "{t}" LIMIT 1').fetchone()
        ]
    db.close()
    return full


def _postgres_full_tables() -> list[str]:
    wrapper = connections["default"]
    quote = wrapper.ops.quote_name
    with wrapper.cursor() as cursor:
        tables = wrapper.introspection.table_names(cursor)
        full = []
        for table in sorted(set(tables) - BOOKKEEPING):
            cursor.execute(f"SELECT 1 FROM {quote(table)} LIMIT 1")
            if cursor.fetchone():
                full.append(table)
    return full


def tables_with_rows() -> list[str]:
    """The user tables that hold a row: restore refuses a target that has any. Read without
    Django on SQLite, so that checking never creates the database file."""
    if vendor() == "sqlite":
        return _sqlite_full_tables(str(_settings()["NAME"]))
    return _postgres_full_tables()
