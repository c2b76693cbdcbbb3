"""Restore checks every file of a backup before it writes anything: a damaged, missing or
unlisted-path file, or a backup cut short before its manifest, is refused with a message
naming the file, and the target data folder is left without a database or stored file."""

import json
from pathlib import Path

import pytest
from django.db import connection

from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import
from openimr.cli import main
from openimr.letters.services import letter_issue
from tests.ops.backups import openimr

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def backup(tmp_path, three_item_doc) -> Path:
    if connection.vendor != "sqlite":
        pytest.skip("restores into a fresh SQLite data folder")
    case_import(case=case_from_document(three_item_doc), actor="test")
    letter_issue(case_number="CM16-0400101", actor="qa")
    dest = tmp_path / "backup"
    assert main(["backup", str(dest)]) == 0
    return dest


def _letter_file(backup: Path) -> Path:
    return next((backup / "media" / "letters").rglob("*.pdf"))


def _refused(backup: Path, tmp_path: Path) -> str:
    fresh = tmp_path / "new-machine"
    done = openimr(fresh, "restore", str(backup))
    assert done.returncode == 2, done.stdout
    assert not (fresh / "openimr.sqlite3").exists(), "no database was written"
    assert not (fresh / "media").exists(), "no stored file was written"
    return done.stderr


def test_a_changed_letter_file_is_refused_and_named(backup, tmp_path):
    pdf = _letter_file(backup)
    data = bytearray(pdf.read_bytes())
    data[len(data) // 2] ^= 0x01
    pdf.write_bytes(bytes(data))
    message = _refused(backup, tmp_path)
    assert pdf.relative_to(backup).as_posix() in message
    assert "SHA-256 does not match the manifest" in message


def test_a_truncated_database_file_is_refused_and_named(backup, tmp_path):
    db = backup / "database.sqlite3"
    db.write_bytes(db.read_bytes()[:4096])
    message = _refused(backup, tmp_path)
    assert "database.sqlite3" in message and "damaged" in message


def test_a_missing_file_is_refused_and_named(backup, tmp_path):
    pdf = _letter_file(backup)
    pdf.unlink()
    assert f"{pdf.relative_to(backup).as_posix()}: missing from the backup" in _refused(
        backup, tmp_path
    )


def test_a_backup_cut_short_before_its_manifest_is_refused(backup, tmp_path):
    (backup / "MANIFEST.json").unlink()
    assert "MANIFEST.json: missing: the backup was cut short" in _refused(backup, tmp_path)


def test_a_manifest_naming_a_path_outside_the_backup_is_refused(backup, tmp_path):
    manifest = json.loads((backup / "MANIFEST.json").read_text())
    manifest["files"][-1]["path"] = "../../etc/passwd"
    (backup / "MANIFEST.json").write_text(json.dumps(manifest))
    assert "'../../etc/passwd' is not a path inside the backup" in _refused(backup, tmp_path)


def test_a_backup_into_a_folder_that_has_files_is_refused(tmp_path, capsys):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    dest = tmp_path / "used"
    dest.mkdir()
    (dest / "keep.txt").write_text("mine")
    assert main(["backup", str(dest)]) == 2
    assert "is not an empty folder" in capsys.readouterr().err
    assert [p.name for p in dest.iterdir()] == ["keep.txt"]
