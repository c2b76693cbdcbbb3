"""A backup copies the stored files folder; a DEST inside that folder would be copied into
itself, over and over, until the disk filled or Python's recursion limit stopped it with a
traceback. It is refused before anything is written, naming DEST and why."""

from pathlib import Path

import pytest

from openimr.audit.models import AuditEvent
from openimr.cli import main

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    letters = tmp_path / "media" / "letters"
    letters.mkdir(parents=True)
    (letters / "a.pdf").write_bytes(b"%PDF-1.7 a stored letter")
    return Path(settings.MEDIA_ROOT)


@pytest.mark.parametrize("inside", ["backup", "letters/backup", "."])
def test_a_backup_into_the_stored_files_folder_is_refused(media, capsys, inside):
    dest = media / inside

    assert main(["backup", str(dest)]) == 2

    err = capsys.readouterr().err
    assert f"error: {dest.resolve()} is inside the stored files folder" in err
    assert "Traceback" not in err
    assert sorted(p.relative_to(media).as_posix() for p in media.rglob("*")) == [
        "letters",
        "letters/a.pdf",
    ]
    assert not AuditEvent.objects.filter(action="backup.created").exists()


@pytest.mark.django_db(transaction=True)  # the database is copied from another connection
def test_a_backup_beside_the_stored_files_is_taken(media, tmp_path):
    assert main(["backup", str(tmp_path / "backups" / "tonight")]) == 0
    assert (tmp_path / "backups" / "tonight" / "media" / "letters" / "a.pdf").is_file()
