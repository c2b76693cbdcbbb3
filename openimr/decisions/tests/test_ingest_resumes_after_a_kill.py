"""An ingest killed with SIGKILL partway loses nothing and doubles nothing: each batch's files
and decisions commit together, and the rerun redoes only what did not commit."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from openimr.decisions.tests.ingest_files import generated_texts

ROOT = Path(__file__).resolve().parents[3]
LETTERS = 400
BATCH = 40


def _count(db: Path, sql: str) -> int:
    with sqlite3.connect(db, timeout=20) as reader:
        return int(reader.execute(sql).fetchone()[0])


def _stored(db: Path) -> int:
    return _count(db, "SELECT count(*) FROM decisions_sourcefile")


def _run(db: Path, folder: Path, tmp_path: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{db}", "OPENIMR_DATA_DIR": str(tmp_path)}
    command = [sys.executable, "-m", "openimr.cli", "corpus", "ingest", str(folder)]
    command += ["--workers", "1", "--batch", str(BATCH)]
    return subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def _kill_after_first_batch(process: subprocess.Popen[bytes], db: Path) -> int:
    deadline = time.monotonic() + 60
    while _stored(db) < BATCH and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    return _stored(db)


@pytest.mark.django_db(transaction=True)
def test_an_ingest_killed_partway_and_run_again_stores_every_letter_exactly_once(tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("copies the migrated test database to a file, which only SQLite can")
    db = tmp_path / "corpus.sqlite3"
    with connection.cursor() as cursor:
        cursor.execute("VACUUM INTO %s", [str(db)])
    folder = tmp_path / "letters"
    folder.mkdir()
    letters = generated_texts(LETTERS, seed=23)
    for number, text in letters:
        (folder / f"{number}.txt").write_text(text, encoding="utf-8")

    at_kill = _kill_after_first_batch(_run(db, folder, tmp_path), db)
    assert BATCH <= at_kill < LETTERS, "the kill must land partway through"
    assert at_kill % BATCH == 0, "a batch is stored whole or not at all"

    rerun = _run(db, folder, tmp_path)
    assert rerun.wait(timeout=120) == 0, rerun.stderr.read() if rerun.stderr else ""
    assert _stored(db) == LETTERS
    assert _count(db, "SELECT count(DISTINCT sha256) FROM decisions_sourcefile") == LETTERS
    assert _count(db, "SELECT count(*) FROM decisions_decision") == LETTERS
    assert _count(db, "SELECT count(DISTINCT case_number) FROM decisions_decision") == LETTERS
    assert _count(db, "SELECT count(*) FROM decisions_sourcefile WHERE status='failed'") == 0
