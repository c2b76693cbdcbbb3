"""A command run against a data folder that was never migrated says what to run, with exit
2, instead of a traceback from its first query (found in a QA pass)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_a_command_on_an_unmigrated_database_says_to_run_migrate(tmp_path):
    env = {**os.environ, "OPENIMR_DATA_DIR": str(tmp_path / "fresh")}
    env.pop("DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, "-m", "openimr.cli", "case", "export", "CM16-0000001"],
        check=False,
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2, done.stderr
    assert "the database is not set up" in done.stderr
    assert "python manage.py migrate" in done.stderr
    assert "Traceback" not in done.stderr
