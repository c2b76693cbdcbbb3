"""A command run against a data folder that was never migrated says what to run, with exit
2, instead of a traceback from its first query (found in a QA pass)."""

import os
import subprocess
import sys

from tests.ops.backups import ROOT, openimr


def test_a_command_on_an_unmigrated_database_says_to_run_migrate(tmp_path):
    done = openimr(tmp_path / "fresh", "case", "export", "CM16-0000001")
    assert done.returncode == 2, done.stderr
    assert "the database is not set up" in done.stderr
    assert "python manage.py migrate" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_command_on_a_database_an_older_openimr_migrated_says_to_run_migrate(tmp_path):
    """A database one migration behind (a column this version reads is missing) was a
    traceback: "no such column: cases_case.information_requested_at"."""
    data = tmp_path / "older"
    env = {**os.environ, "OPENIMR_DATA_DIR": str(data)}
    env.pop("DATABASE_URL", None)
    for target in ([], ["cases", "0010"]):
        subprocess.run(
            [sys.executable, "manage.py", "migrate", *target, "--noinput"],
            cwd=ROOT, env=env, check=True, capture_output=True, timeout=300,
        )  # fmt: skip
    done = openimr(data, "clocks", "timeliness", "--from", "2026-01", "--to", "2026-03")
    assert done.returncode == 2, done.stderr
    assert "not set up for this version of openimr" in done.stderr
    assert "python manage.py migrate" in done.stderr
    assert "Traceback" not in done.stderr
