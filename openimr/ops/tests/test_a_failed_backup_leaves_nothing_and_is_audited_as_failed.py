"""A backup that fails part way (the disk fills while the database is copied, a stored file
cannot be copied, DEST cannot be made) exits 2 saying why, leaves nothing of itself on disk,
and the audit trail says what happened: `backup.started`, then `backup.failed` with the
reason, and no `backup.created`."""

import errno
import os
from pathlib import Path

import pytest

from openimr.audit.models import AuditEvent
from openimr.audit.selectors import trail_verify
from openimr.cli import main
from openimr.ops import database

# The database is copied from another connection: the test's rows must be committed.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def media(settings, tmp_path) -> Path:
    root = Path(settings.MEDIA_ROOT)
    (root / "letters").mkdir(parents=True)
    (root / "letters" / "a.pdf").write_bytes(b"%PDF-1.7 a stored letter")
    (root / "records").mkdir()
    (root / "records" / "b.pdf").write_bytes(b"%PDF-1.7 a stored record")
    return root


def _backup_actions() -> list[str]:
    return list(
        AuditEvent.objects.filter(object_type="backup")
        .order_by("id")
        .values_list("action", flat=True)
    )


def _failure_reason() -> str:
    return str(AuditEvent.objects.get(action="backup.failed").detail["reason"])


def test_a_disk_that_fills_while_the_database_is_copied(media, tmp_path, monkeypatch, capsys):
    dest = tmp_path / "backups" / "tonight"

    def fill_the_disk(target: Path) -> None:
        target.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4096)  # the part copied so far
        raise OSError(errno.ENOSPC, "No space left on device", str(target))

    monkeypatch.setattr(database, "sqlite_snapshot", fill_the_disk)
    monkeypatch.setattr(database, "postgres_dump", fill_the_disk)

    assert main(["backup", str(dest)]) == 2

    err = capsys.readouterr().err
    assert f"error: the backup into {dest} failed (OSError: [Errno 28] No space left" in err
    assert "nothing was kept" in err and "Traceback" not in err
    assert not (tmp_path / "backups").exists(), "the folders the backup made are removed"
    assert _backup_actions() == ["backup.started", "backup.failed"]
    assert _failure_reason().startswith("OSError: [Errno 28] No space left on device")
    assert trail_verify().ok


def test_a_stored_file_that_cannot_be_copied(media, tmp_path, capsys):
    # A named pipe among the stored files: copying it would block, so it is refused, after
    # the database and the other files were copied.
    os.mkfifo(media / "records" / "stuck.pdf")
    dest = tmp_path / "tonight"
    dest.mkdir()

    assert main(["backup", str(dest)]) == 2

    assert "is a named pipe" in capsys.readouterr().err
    assert dest.is_dir() and list(dest.iterdir()) == [], "the empty DEST given is left empty"
    assert _backup_actions() == ["backup.started", "backup.failed"]
    assert "stuck.pdf" in _failure_reason()


def test_a_destination_that_cannot_be_made(media, tmp_path, capsys):
    (tmp_path / "not-a-folder").write_text("a file where the backup folder's parent should be")
    dest = tmp_path / "not-a-folder" / "tonight"

    assert main(["backup", str(dest)]) == 2

    assert "error: the backup into" in capsys.readouterr().err
    assert (tmp_path / "not-a-folder").read_text().startswith("a file")
    assert _backup_actions() == ["backup.started", "backup.failed"]
    assert "NotADirectoryError" in _failure_reason() or "FileExistsError" in _failure_reason()


def test_a_backup_that_succeeds_is_recorded_as_created_after_it_was_written(media, tmp_path):
    dest = tmp_path / "tonight"

    assert main(["backup", str(dest)]) == 0

    assert _backup_actions() == ["backup.started", "backup.created"]
    created = AuditEvent.objects.get(action="backup.created")
    assert created.detail["files"] == 3 and created.detail["folder"] == str(dest.resolve())
    assert (dest / "MANIFEST.json").is_file()
