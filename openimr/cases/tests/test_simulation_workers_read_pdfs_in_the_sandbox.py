"""`openimr simulate --workers 2` shares the arrivals among two processes, each of which reads
its applications' UR-decision PDFs through the sandbox's readers (its own children): no
worker may be a daemon, which could not start them."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_two_workers_file_every_application_with_its_pdf_read(tmp_path):
    env = {**os.environ, "OPENIMR_DATA_DIR": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    command = [sys.executable, "-m", "openimr.cli", "simulate", "--applications", "2500"]
    command += ["--days", "2", "--workers", "2", "--seed", "5", "--quiet"]
    done = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout[done.stdout.index("{") :])
    events = report["events"]
    assert report["workers"] == 2
    assert events["screened_eligible"] + events["screened_ineligible"] == report["applications"]
    assert events["screened_eligible"] > 0.8 * report["applications"]
    assert "unreadable" not in done.stderr and "daemonic" not in done.stderr
