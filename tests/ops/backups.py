"""Helpers for the backup tests: the `openimr` command in a child process against its own
data folder, and reading a restored SQLite database without Django."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TABLES = (
    "cases_case",
    "letters_issuedletter",
    "letters_letterservice",
    "records_record",
    "records_recordpage",
    "auth_user",
    "audit_auditevent",
)


def openimr(
    data_dir: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`openimr ARGS` with SQLite in ``data_dir`` (or ``env``'s DATABASE_URL), as a fresh
    machine would run it."""
    env = {**{k: v for k, v in os.environ.items() if k != "DATABASE_URL"}, **(env or {})}
    env["OPENIMR_DATA_DIR"] = str(data_dir)
    return subprocess.run(
        [sys.executable, "-m", "openimr.cli", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as reader:
        found = {t: reader.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in TABLES}
    reader.close()
    return found


def journal_mode(db: Path) -> str:
    with sqlite3.connect(db) as reader:
        mode = reader.execute("PRAGMA journal_mode").fetchone()[0]
    reader.close()
    return str(mode)


def after_restore(source: dict[str, int]) -> dict[str, int]:
    """The counts a restore of ``source`` (counted after the backup) gives: the same rows,
    less the ``backup.created`` event written once the copy was complete (the copy holds
    ``backup.started``), plus the audit row of the restore itself."""
    return {**source, "audit_auditevent": source["audit_auditevent"] - 1 + 1}


def last_audit_action(db: Path) -> str:
    with sqlite3.connect(db) as reader:
        action = reader.execute(
            "SELECT action FROM audit_auditevent ORDER BY id DESC LIMIT 1"
        ).fetchone()[0]
    reader.close()
    return str(action)
