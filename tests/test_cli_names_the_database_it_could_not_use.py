"""A command that cannot use its database names the database it tried, so an operator sees
a mistyped path or a read-only disk. A mistyped OPENIMR_DATA_DIR made a new, empty SQLite
file and was told only "run `python manage.py migrate`", which would have set up that empty
database beside the real one; a data folder on a read-only disk was "unable to open
database file" although the file was there (SQLite in WAL mode writes its -wal and -shm
files beside it)."""

import os
import subprocess
import sys

from tests.ops.backups import ROOT, openimr
from tests.read_only import read_only_run


def test_a_mistyped_data_folder_is_named_when_told_to_migrate(tmp_path):
    typo = tmp_path / "dta"
    done = openimr(typo, "audit", "verify")
    assert done.returncode == 2, done.stderr
    assert done.stderr.count("\n") == 1, done.stderr
    assert "run `python manage.py migrate`" in done.stderr
    assert f"(the SQLite database {typo / 'openimr.sqlite3'})" in done.stderr


def _migrated(folder):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=ROOT, env={**env, "OPENIMR_DATA_DIR": str(folder)}, check=True, timeout=300,
    )  # fmt: skip


def test_a_read_only_data_folder_is_named_and_said_to_be_read_only(tmp_path):
    data = tmp_path / "data"
    _migrated(data)
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    command = [sys.executable, "-m", "openimr.cli", "audit", "verify"]
    done = read_only_run(data, command, {**env, "OPENIMR_DATA_DIR": str(data)})
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("error: cannot open the database (")
    assert f"the SQLite database {data / 'openimr.sqlite3'}" in done.stderr
    assert "its folder cannot be written (read-only)" in done.stderr
