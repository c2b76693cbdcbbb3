"""An `openimr` command run in a child process against a migrated SQLite data folder, held
mid-run by a few lines its test runs before `openimr.cli.main` (they print ``READY`` on
standard error and sleep), then sent a signal: so the signal arrives at the same point every
time."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
READY = "-- held --"


def data_env(folder: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    return {**env, "OPENIMR_DATA_DIR": str(folder)}


def migrated(folder: Path) -> Path:
    done = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=ROOT,
        env=data_env(folder),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return folder


def signalled(folder: Path, hold: str, signum: int, *args: str) -> tuple[int, str]:
    """Runs ``hold`` (which ends by calling `openimr ARGS`) and sends ``signum`` once it
    is held; (exit code, standard error)."""
    child = subprocess.Popen(
        [sys.executable, "-c", hold, *args],
        cwd=ROOT,
        env=data_env(folder),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        seen = []
        for line in child.stderr:  # type: ignore[union-attr]
            seen.append(line)
            if line.strip() == READY:
                break
        assert seen and seen[-1].strip() == READY, "".join(seen)
        child.send_signal(signum)
        _, err = child.communicate(timeout=120)
    finally:
        child.kill()
        child.wait()
    return child.returncode, err
