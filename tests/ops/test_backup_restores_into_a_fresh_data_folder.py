"""`openimr backup` then `openimr restore` on a new machine's empty data folder gives back
every case, letter, record, user and audit row, and each stored file byte for byte."""

import hashlib
import json
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from openimr.audit.models import AuditEvent
from openimr.cli import main
from openimr.demo.services import demo_load
from openimr.letters.models import IssuedLetter
from tests.ops.backups import (
    TABLES,
    after_restore,
    counts,
    journal_mode,
    last_audit_action,
    openimr,
)

pytestmark = pytest.mark.django_db(transaction=True)


def _source_counts() -> dict[str, int]:
    with connection.cursor() as cursor:
        found = {}
        for table in TABLES:
            cursor.execute(f'SELECT count(*) FROM "{table}"')
            found[table] = cursor.fetchone()[0]
    return found


@pytest.fixture
def backup(tmp_path) -> Path:
    if connection.vendor != "sqlite":
        pytest.skip("restores into a fresh SQLite data folder; PostgreSQL has its own test")
    demo_load()
    dest = tmp_path / "backup"
    assert main(["backup", str(dest)]) == 0
    return dest


def test_a_restored_backup_has_every_row_and_every_letter_byte(backup, tmp_path):
    fresh = tmp_path / "new-machine"
    before = sorted(backup.rglob("*"))
    done = openimr(fresh, "restore", str(backup))
    assert done.returncode == 0, done.stderr
    assert sorted(backup.rglob("*")) == before, "restoring only reads the backup"

    source = _source_counts()
    assert counts(fresh / "openimr.sqlite3") == after_restore(source)
    assert last_audit_action(fresh / "openimr.sqlite3") == "backup.restored"
    assert journal_mode(fresh / "openimr.sqlite3") == "wal"
    assert source["letters_issuedletter"] >= 3 and source["records_record"] >= 1
    for letter in IssuedLetter.objects.all():
        restored = (fresh / "media" / letter.pdf_path).read_bytes()
        assert restored == (Path(settings.MEDIA_ROOT) / letter.pdf_path).read_bytes()
        assert hashlib.sha256(restored).hexdigest() == letter.pdf_sha256


def test_the_restored_data_folder_serves_the_app(backup, tmp_path):
    fresh = tmp_path / "new-machine"
    assert openimr(fresh, "restore", str(backup)).returncode == 0
    verified = openimr(fresh, "audit", "verify")
    assert verified.returncode == 0, "the audit chain, with the restore's own row, is unbroken"
    exported = openimr(fresh, "case", "export", "CM16-0400101")
    assert exported.returncode == 0, exported.stderr
    assert json.loads(exported.stdout)["case_number"] == "CM16-0400101"


def test_the_manifest_lists_every_file_with_its_size_and_checksum(backup):
    assert AuditEvent.objects.filter(action="backup.created").count() == 1
    manifest = json.loads((backup / "MANIFEST.json").read_text())
    listed = {e["path"]: e for e in manifest["files"]}
    on_disk = {
        p.relative_to(backup).as_posix(): p
        for p in backup.rglob("*")
        if p.is_file() and p.name != "MANIFEST.json"
    }
    assert set(listed) == set(on_disk)
    assert manifest["database"] == {"vendor": "sqlite", "file": "database.sqlite3"}
    for name, path in on_disk.items():
        data = path.read_bytes()
        assert listed[name]["size"] == len(data)
        assert listed[name]["sha256"] == hashlib.sha256(data).hexdigest()
    media = [p for p in listed if p.startswith("media/letters/")]
    assert len(media) == IssuedLetter.objects.count()


def test_a_target_with_data_is_refused_unless_forced(backup, tmp_path):
    fresh = tmp_path / "new-machine"
    assert openimr(fresh, "restore", str(backup)).returncode == 0
    again = openimr(fresh, "restore", str(backup))
    assert again.returncode == 2
    assert "the target is not empty" in again.stderr and "table(s) have rows" in again.stderr
    forced = openimr(fresh, "restore", "--force", str(backup))
    assert forced.returncode == 0, forced.stderr
    assert counts(fresh / "openimr.sqlite3") == after_restore(_source_counts())
