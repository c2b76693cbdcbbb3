"""SIGTERM (`kill`, systemd stopping the backup timer's service, a job's time limit) ends an
`openimr` command as Ctrl-C does: one line, `error: terminated`, exit 143 (128 + 15, as a
shell reports it), after the command's own clean-up. Without a handler Python died at
once: a backup stopped after copying the database left that copy (every case file, password
hashes) in DEST with no manifest, and the trail said `backup.started` with no
`backup.failed`. Now DEST is emptied and the failure recorded, as for any other.

The command runs in a child process against a migrated SQLite data folder; a few lines run
before `openimr.cli.main` hold it once the database is copied, so the signal arrives there
every time."""

import signal
import sqlite3
from pathlib import Path

import pytest

from tests.held_command import READY, migrated, signalled

HOLD = f"""
import os, sys, time
import django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()
import openimr.ops.services as services

copy_media = services._copy_media
def held(dest):
    print({READY!r}, file=sys.stderr, flush=True)
    time.sleep(120)
    copy_media(dest)
services._copy_media = held

from openimr.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.fixture
def data_dir(tmp_path):
    return migrated(tmp_path / "data")


def _trail(folder: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(folder / "openimr.sqlite3") as db:
        rows = db.execute(
            "SELECT action, detail FROM audit_auditevent WHERE object_type = 'backup' ORDER BY id"
        ).fetchall()
    db.close()
    return rows


def test_a_backup_stopped_after_the_database_copy_removes_it_and_records_the_failure(
    data_dir, tmp_path
):
    dest = tmp_path / "backup"
    code, err = signalled(data_dir, HOLD, signal.SIGTERM, "backup", str(dest))
    assert code == 143, err
    assert err.strip().splitlines()[-1] == "error: terminated", err
    assert "Traceback" not in err
    assert not dest.exists()
    actions = [action for action, _ in _trail(data_dir)]
    assert actions == ["backup.started", "backup.failed"]
    assert "Terminated" in _trail(data_dir)[-1][1]
