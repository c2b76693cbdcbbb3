"""A backup whose checksums match but whose database is no SQLite database, or another
application's, is refused before anything is written: restore used to stop half way with a
traceback (leaving an empty database file), or replace the data folder's database with the
foreign one, even over a working deployment with --force."""

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest
from django.db import connection

from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import
from openimr.cli import main
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
