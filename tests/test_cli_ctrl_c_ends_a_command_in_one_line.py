"""Ctrl-C (SIGINT) during a long command ends it with one line on standard error saying
what was kept, and exit 130, as a shell reports a command it interrupted: it printed a
Python traceback ending in `KeyboardInterrupt`. What the interrupted command had written
is still whole: an ingest keeps the batches it stored (a rerun finishes the rest), an
export leaves no file at all (nor its temporary copy).

Each command runs in a child process against a migrated SQLite data folder; a few lines
run before `openimr.cli.main` hold the command still after its first stored batch (or
written chunk) and say so on standard error, so the signal arrives mid-run every time."""

import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from openimr.decisions.tests.ingest_files import generated_texts
from tests.held_command import READY, data_env, migrated, signalled
from tests.terminal import CTRL_C_AS_FROM_A_TERMINAL

ROOT = Path(__file__).resolve().parents[1]
# Holds the command after its first batch (ingest) or chunk (export), until the signal.
HOLD = (
    CTRL_C_AS_FROM_A_TERMINAL
    + f"""
import os, sys, time
import django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()
import openimr.decisions.services.ingest as ingest
import openimr.decisions.selectors as selectors

def held():
    print({READY!r}, file=sys.stderr, flush=True)
    time.sleep(120)

flush = ingest._flush
def flush_then_hold(pending, *args):
    stored = bool(pending)
    flush(pending, *args)
    if stored:
        held()
ingest._flush = flush_then_hold

export = selectors.corpus_export
def export_then_hold(*args):
    chunks = export(*args)
    yield next(chunks)
    held()
    yield from chunks
selectors.corpus_export = export_then_hold

from openimr.cli import main
sys.exit(main(sys.argv[1:]))
"""
)


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    return migrated(tmp_path_factory.mktemp("data"))


def _interrupted(folder: Path, *args: str) -> tuple[int, str]:
    """Runs `openimr ARGS`, sends SIGINT once it is held mid-run; (exit code, stderr)."""
    return signalled(folder, HOLD, signal.SIGINT, *args)


def _stored(folder: Path) -> int:
    with sqlite3.connect(folder / "openimr.sqlite3") as db:
        count = db.execute("SELECT count(*) FROM decisions_sourcefile").fetchone()[0]
    db.close()
    return int(count)


def test_an_interrupted_ingest_keeps_whole_batches_and_a_rerun_finishes(data_dir, tmp_path):
    letters = tmp_path / "letters"
    letters.mkdir()
    for number, text in generated_texts(30, seed=21):
        (letters / f"{number}.txt").write_text(text, encoding="utf-8")
    args = ("corpus", "ingest", str(letters), "--workers", "1", "--batch", "10", "--json")

    code, err = _interrupted(data_dir, *args)

    assert code == 130, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    assert err.splitlines()[-1] == (
        "error: interrupted: the batches stored before it are kept; run the same command "
        "again to read the rest"
    )
    assert _stored(data_dir) == 10  # the first batch, whole; nothing of the second
    rerun = subprocess.run(
        [sys.executable, "-m", "openimr.cli", *args],
        cwd=ROOT,
        env=data_env(data_dir),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert rerun.returncode == 0, rerun.stderr
    assert '"parsed": 20' in rerun.stdout and '"skipped": 10' in rerun.stdout
    assert _stored(data_dir) == 30


def test_an_interrupted_export_leaves_no_file(data_dir, tmp_path):
    out = tmp_path / "out"
    out.mkdir()

    code, err = _interrupted(
        data_dir, "corpus", "export", "--format", "csv", "-o", str(out / "c.csv")
    )

    assert code == 130, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    assert err.splitlines()[-1] == (
        f"error: interrupted: nothing is left half-written at {out / 'c.csv'}"
    )
    assert list(out.iterdir()) == []  # neither the file nor its temporary copy
