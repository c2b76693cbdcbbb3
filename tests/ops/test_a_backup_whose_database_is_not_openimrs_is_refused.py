"""A backup whose checksums match but whose database is no SQLite database, or another
application's, is refused before anything is written: restore used to stop half way with a
traceback (leaving an empty database file), or replace the data folder's database with the
foreign one, even over a working deployment with --force."""

import hashlib
import json
import os
import secrets
import sqlite3
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest
from django.db import connection

from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import
from openimr.cli import main
from openimr.ops import database
from tests.ops.backups import counts, openimr

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def backup(tmp_path, three_item_doc) -> Path:
    if connection.vendor != "sqlite":
        pytest.skip("restores into a fresh SQLite data folder")
    case_import(case=case_from_document(three_item_doc), actor="test")
    dest = tmp_path / "backup"
    assert main(["backup", str(dest)]) == 0
    return dest


def _database_replaced(backup: Path, data: bytes) -> None:
    """The backup's database file replaced, its manifest entry made to match: only the
    database's content can tell."""
    (backup / "database.sqlite3").write_bytes(data)
    manifest = json.loads((backup / "MANIFEST.json").read_text())
    entry = next(e for e in manifest["files"] if e["path"] == "database.sqlite3")
    entry.update(size=len(data), sha256=hashlib.sha256(data).hexdigest())
    (backup / "MANIFEST.json").write_text(json.dumps(manifest))


def _another_applications_database(tmp_path: Path) -> bytes:
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
        db.execute("INSERT INTO invoices (total) VALUES (12.5)")
    db.close()
    return other.read_bytes()


def _refused_into_a_fresh_folder(backup: Path, tmp_path: Path) -> str:
    fresh = tmp_path / "new-machine"
    done = openimr(fresh, "restore", str(backup))
    assert done.returncode == 2, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert not (fresh / "openimr.sqlite3").exists(), "no database was written"
    assert not (fresh / "media").exists(), "no stored file was written"
    return done.stderr


def test_a_database_file_that_is_no_database_is_refused_and_named(backup, tmp_path):
    _database_replaced(backup, b"not a database at all " * 500)
    message = _refused_into_a_fresh_folder(backup, tmp_path)
    assert "database.sqlite3: not an SQLite database" in message
    assert "nothing was restored" in message


def test_another_applications_database_is_refused_and_named(backup, tmp_path):
    _database_replaced(backup, _another_applications_database(tmp_path))
    message = _refused_into_a_fresh_folder(backup, tmp_path)
    assert "database.sqlite3: not an openimr database" in message


def test_an_empty_database_file_is_refused(backup, tmp_path):
    _database_replaced(backup, b"")
    assert "not an openimr database" in _refused_into_a_fresh_folder(backup, tmp_path)


def test_force_does_not_put_another_applications_database_over_a_working_one(backup, tmp_path):
    working = tmp_path / "working"
    assert openimr(working, "restore", str(backup)).returncode == 0
    before = counts(working / "openimr.sqlite3")
    assert before["cases_case"] == 1

    _database_replaced(backup, _another_applications_database(tmp_path))
    done = openimr(working, "restore", str(backup), "--force")
    assert done.returncode == 2, done.stdout
    assert "not an openimr database" in done.stderr
    assert counts(working / "openimr.sqlite3") == before


@pytest.fixture
def empty_postgres(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only (make test-postgres)")
    name = f"openimr_foreign_{secrets.token_hex(4)}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    s = connection.settings_dict
    yield f"postgres://{s['USER']}:{s['PASSWORD']}@{s['HOST']}:{s['PORT']}/{name}"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _pg_backup(tmp_path: Path, dump: bytes) -> Path:
    backup = tmp_path / "pg-backup"
    backup.mkdir()
    (backup / "database.pgdump").write_bytes(dump)
    entry = {"path": "database.pgdump", "size": len(dump)}
    entry["sha256"] = hashlib.sha256(dump).hexdigest()
    manifest = {
        "format": "openimr.backup/1",
        "created_at": "2026-01-01T00:00:00+00:00",
        "database": {"vendor": "postgresql", "file": "database.pgdump"},
        "files": [entry],
    }
    (backup / "MANIFEST.json").write_text(json.dumps(manifest))
    return backup


def _tables(url: str) -> list[str]:
    with psycopg.connect(url) as db:
        rows = db.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        return [row[0] for row in rows]


def test_a_file_that_is_no_pg_dump_is_refused(empty_postgres, tmp_path):
    backup = _pg_backup(tmp_path, b"PGDMP but not really " * 200)
    done = openimr(tmp_path / "data", "restore", str(backup), env={"DATABASE_URL": empty_postgres})
    assert done.returncode == 2, done.stdout
    assert "database.pgdump: not a pg_dump archive" in done.stderr
    assert _tables(empty_postgres) == []


def test_a_dump_of_another_database_is_refused(empty_postgres, tmp_path):
    with psycopg.connect(empty_postgres, autocommit=True) as db:
        db.execute("CREATE TABLE invoices (id integer)")
    dump = tmp_path / "other.pgdump"
    args, env = _pg_env_for(empty_postgres)
    subprocess.run(
        [database._pg_tool("pg_dump"), "--format=custom", f"--file={dump}", *args],
        env=env,
        check=True,
    )
    with psycopg.connect(empty_postgres, autocommit=True) as db:
        db.execute("DROP TABLE invoices")
    backup = _pg_backup(tmp_path, dump.read_bytes())
    done = openimr(tmp_path / "data", "restore", str(backup), env={"DATABASE_URL": empty_postgres})
    assert done.returncode == 2, done.stdout
    assert "database.pgdump: not an openimr database" in done.stderr
    assert _tables(empty_postgres) == []


def _pg_env_for(url: str) -> tuple[list[str], dict[str, str]]:
    parts = urlsplit(url)
    args = [f"--dbname={parts.path.lstrip('/')}", f"--username={parts.username}"]
    args += [f"--host={parts.hostname}", f"--port={parts.port}"]
    return args, {**os.environ, "PGPASSWORD": parts.password or ""}
