"""A backup holds every case file, the password hashes and the second factors' secrets:
its folder and its database copy are the owner's alone, whatever the umask (the database
copy had been written 0644, readable by every user of the machine; found in a QA pass)."""

import os
import stat
from pathlib import Path

import pytest

from openimr.cli import main


@pytest.mark.django_db(transaction=True)  # the database is copied from another connection
def test_the_backup_folder_and_its_database_copy_are_the_owners_only(tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    (tmp_path / "media").mkdir()
    dest = tmp_path / "backups" / "tonight"
    old = os.umask(0o022)
    try:
        assert main(["backup", str(dest)]) == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(dest.stat().st_mode) == 0o700
    database = next(p for p in dest.iterdir() if p.name.startswith("database."))
    assert stat.S_IMODE(Path(database).stat().st_mode) == 0o600
