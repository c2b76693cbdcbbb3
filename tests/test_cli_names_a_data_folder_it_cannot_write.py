"""A data folder that cannot be made or written (a read-only disk, a parent without
permission) is one line naming it, exit 2, as any other bad setting: the settings module
raised an OSError traceback, in every command and at every start (`manage.py`, gunicorn)."""

import os
import sys

from tests.read_only import read_only_run

KEY = "k" * 50


def _run(folder, data, *args, **extra):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "OPENIMR_SECRET_KEY")}
    env = {**env, "OPENIMR_DATA_DIR": str(data), **extra}
    return read_only_run(folder, [sys.executable, "-m", "openimr.cli", *args], env)


def test_a_data_folder_that_cannot_be_made_is_named(tmp_path):
    parent = tmp_path / "disk"
    parent.mkdir()
    data = parent / "data"
    done = _run(parent, data, "audit", "verify", OPENIMR_SECRET_KEY=KEY)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith(f"error: OPENIMR_DATA_DIR={data}: cannot make the folder (")
    assert done.stderr.endswith("): name a folder this user may write\n")
    assert done.stderr.count("\n") == 1
    assert not data.exists()


def test_a_development_key_that_cannot_be_written_says_what_to_set(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    done = _run(data, data, "audit", "verify")
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith(
        f"error: OPENIMR_DATA_DIR: cannot write the development secret key {data / 'dev-secret-key'} ("
    )
    assert done.stderr.rstrip().endswith("set OPENIMR_SECRET_KEY, or make the folder writable")
