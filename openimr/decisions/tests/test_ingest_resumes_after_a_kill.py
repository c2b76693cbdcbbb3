"""An ingest killed with SIGKILL partway loses nothing and doubles nothing: each batch's files
and decisions commit together, and the rerun redoes only what did not commit. The kill lands
inside the second batch's transaction, its rows written (``ingest_killable``): it used to
land when the test, polling the stored count, saw the first batch, and a test process
starved on a loaded machine could see the whole ingest done first."""

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
KILLABLE = "openimr.decisions.tests.ingest_killable"
WAIT_SECONDS = 120


def _count(db: Path, sql: str) -> int:
    with sqlite3.connect(db, timeout=20) as reader:
        return int(reader.execute(sql).fetchone()[0])


def _stored(db: Path) -> int:
    return _count(db, "SELECT count(*) FROM decisions_sourcefile")


def _run(db: Path, folder: Path, tmp_path: Path, *before: str) -> subprocess.Popen[bytes]:
    """The ingest of ``folder`` into ``db``; run by ``before`` (a module and its arguments
    ahead of the command's) instead of the command line itself when given."""
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{db}", "OPENIMR_DATA_DIR": str(tmp_path)}
    command = [sys.executable, "-m", *(before or ("openimr.cli",)), "corpus", "ingest"]
    command += [str(folder), "--workers", "1", "--batch", str(BATCH)]
    return subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def _kill_inside_the_second_batch(db: Path, folder: Path, tmp_path: Path) -> tuple[int, int]:
    """The source-file rows written when the kill landed (inside the second batch's
    transaction: ``ingest_killable``), and those stored after it."""
    held = tmp_path / "holding"
    process = _run(db, folder, tmp_path, KILLABLE, str(held))
    deadline = time.monotonic() + WAIT_SECONDS  # only a stuck ingest takes this long
    while not held.exists() and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.02)
    ended = process.poll() is not None
    if not ended:
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    stderr = process.stderr.read().decode() if process.stderr else ""
    assert held.exists(), f"the ingest ended before its second batch: {stderr}" if ended else ""
    return int(held.read_text(encoding="utf-8")), _stored(db)


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

    written, at_kill = _kill_inside_the_second_batch(db, folder, tmp_path)
    assert written == 2 * BATCH, "the kill lands with the second batch written, uncommitted"
    assert at_kill == BATCH, "a batch is stored whole or not at all"

    rerun = _run(db, folder, tmp_path)
    assert rerun.wait(timeout=120) == 0, rerun.stderr.read() if rerun.stderr else ""
    assert _stored(db) == LETTERS
    assert _count(db, "SELECT count(DISTINCT sha256) FROM decisions_sourcefile") == LETTERS
    assert _count(db, "SELECT count(*) FROM decisions_decision") == LETTERS
    assert _count(db, "SELECT count(DISTINCT case_number) FROM decisions_decision") == LETTERS
    assert _count(db, "SELECT count(*) FROM decisions_sourcefile WHERE status='failed'") == 0
