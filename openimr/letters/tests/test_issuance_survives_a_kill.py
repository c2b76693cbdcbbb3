"""Issuing letters killed with SIGKILL partway loses nothing committed, doubles nothing and
leaves no case half-issued: the case's state, its frozen letter, its service rows and its
audit row commit together, and the PDF written before the commit is stored under its own
hash, so a PDF left by a transaction that never committed names no row and harms nothing.

The child process is this module run as a script (see the bottom): it issues the letter of
every decided case not yet issued, one by one, as `qa_approve` and `openimr demo` do. The
kills land at points the child marks, whatever the machine's load: a test that watched the
issued count from outside and killed once it reached three could, starved on a loaded
machine, see all twelve letters issued first."""

import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[3]
CASES = 12
ISSUED_BEFORE_KILL = 3
HOLD = 300.0  # seconds the child waits to be killed; the test kills it long before


def _numbers() -> list[str]:
    return [f"CM16-04{n:05d}" for n in range(200, 200 + CASES)]


def _rows(db: str, sql: str) -> list[tuple]:
    """Read the database the child writes, without Django: a SQLite file or a PostgreSQL
    URL."""
    if db.startswith("postgres://"):
        import psycopg

        with psycopg.connect(db) as reader:
            return list(reader.execute(sql).fetchall())
    with sqlite3.connect(db.removeprefix("sqlite:///"), timeout=20) as reader:
        return list(reader.execute(sql).fetchall())


def _child(db: str, data_dir: Path, *extra: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "DATABASE_URL": db, "OPENIMR_DATA_DIR": str(data_dir)}
    command = [sys.executable, "-m", "openimr.letters.tests.test_issuance_survives_a_kill"]
    return subprocess.Popen(
        [*command, *extra],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def _prepared_database(tmp_path: Path, three_item_doc: dict) -> str:
    """The migrated test database with CASES decided cases, as a URL the child processes
    reach: on SQLite a copy in a file (the test database lives in memory), on PostgreSQL
    the test database itself (the test commits)."""
    from openimr.cases.interchange import case_from_document
    from openimr.cases.services import case_import

    template = case_from_document(three_item_doc)
    for number in _numbers():
        case_import(case=replace(template, case_number=number), actor="test")
    if connection.vendor == "postgresql":
        s = connection.settings_dict
        return f"postgres://{s['USER']}:{s['PASSWORD']}@{s['HOST']}:{s['PORT']}/{s['NAME']}"
    db = tmp_path / "issue.sqlite3"
    with connection.cursor() as cursor:
        cursor.execute("VACUUM INTO %s", [str(db)])
    return f"sqlite:///{db}"


def _assert_nothing_half_issued(db: str, media: Path) -> set[str]:
    """Every case marked issued has exactly one intact letter, its service rows and its
    audit row; no case without them is marked issued. Returns the issued case numbers."""
    issued = {n for (n,) in _rows(db, "SELECT case_number FROM cases_case WHERE state='issued'")}
    letters = _rows(
        db,
        "SELECT c.case_number, l.pdf_path, l.pdf_sha256, l.text FROM letters_issuedletter l "
        "JOIN cases_case c ON c.id = l.case_id",
    )
    assert sorted(n for n, *_ in letters) == sorted(issued), "one letter per issued case"
    for number, pdf_path, digest, text in letters:
        pdf = (media / pdf_path).read_bytes()
        assert hashlib.sha256(pdf).hexdigest() == digest, f"{number}: PDF does not match"
        assert pdf.startswith(b"%PDF-")
        assert number in text
    served = _rows(
        db,
        "SELECT DISTINCT c.case_number FROM letters_letterservice s "
        "JOIN cases_case c ON c.id = s.case_id",
    )
    assert {n for (n,) in served} == issued, "service rows exist exactly for issued cases"
    audited = _rows(
        db,
        "SELECT object_id, count(*) FROM audit_auditevent WHERE action='letter.issued' "
        "GROUP BY object_id",
    )
    assert dict(audited) == dict.fromkeys(issued, 1), "one audit row per issued letter"
    return issued


def _kill_when_held(process: subprocess.Popen[bytes], held: Path) -> None:
    """SIGKILL the child once it says it holds (``--hold-inside``), wherever the test
    process was while it got there."""
    deadline = time.monotonic() + 120  # only a stuck child takes this long
    while not held.exists():
        assert process.poll() is None, process.stderr.read() if process.stderr else ""
        assert time.monotonic() < deadline, "the child never reached the letter to hold in"
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def _rerun_to_the_end(db: str, data_dir: Path) -> None:
    rerun = _child(db, data_dir)
    assert rerun.wait(timeout=180) == 0, rerun.stderr.read() if rerun.stderr else ""
    assert _assert_nothing_half_issued(db, data_dir / "media") == set(_numbers())


@pytest.mark.django_db(transaction=True)
def test_issuing_killed_partway_keeps_every_committed_letter_and_finishes_on_a_rerun(
    tmp_path, three_item_doc
):
    """The kill lands in the fourth letter's transaction, its PDF stored and none of its
    rows written yet (the next test lands after its rows)."""
    db = _prepared_database(tmp_path, three_item_doc)
    held = tmp_path / "holding"
    holding = str(ISSUED_BEFORE_KILL + 1)

    _kill_when_held(_child(db, tmp_path, "--hold-inside", holding, str(held)), held)
    issued = _assert_nothing_half_issued(db, tmp_path / "media")
    assert issued == set(_numbers()[:ISSUED_BEFORE_KILL])
    fourth = tmp_path / "media" / "letters" / _numbers()[ISSUED_BEFORE_KILL]
    assert [p.suffix for p in fourth.iterdir()] == [".pdf"], "the PDF was stored at the kill"

    _rerun_to_the_end(db, tmp_path)


@pytest.mark.django_db(transaction=True)
def test_a_kill_inside_the_issuing_transaction_leaves_that_case_unissued(tmp_path, three_item_doc):
    """The child kills itself after the PDF is stored and every row of the fourth letter is
    written, before the commit: the worst moment for a crash."""
    db = _prepared_database(tmp_path, three_item_doc)

    child = _child(db, tmp_path, "--die-inside", "4")
    assert child.wait(timeout=180) == -signal.SIGKILL
    assert _assert_nothing_half_issued(db, tmp_path / "media") == set(_numbers()[:3])
    stored = {p.name for p in (tmp_path / "media" / "letters" / _numbers()[3]).iterdir()}
    assert len(stored) == 1, "the PDF of the letter that never committed was written"
    assert all(name.endswith(".pdf") for name in stored), "no temporary file is left behind"

    _rerun_to_the_end(db, tmp_path)


def _issue_all(die_inside: int | None, hold_inside: int | None, held: str) -> None:
    """Issue every decided case's letter in case-number order; with ``die_inside``, SIGKILL
    this process inside the transaction of that letter (1 for the first), its rows written;
    with ``hold_inside``, wait there to be killed once its PDF is stored, and say so by
    writing the file ``held``."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from openimr.cases.models import Case
    from openimr.letters import services

    if die_inside is not None:
        issued_rows, calls = services._issued, [0]

        def dying(*args: object, **kwargs: object) -> None:
            issued_rows(*args, **kwargs)
            calls[0] += 1
            if calls[0] == die_inside:
                os.kill(os.getpid(), signal.SIGKILL)

        services._issued = dying  # type: ignore[assignment]
    if hold_inside is not None:
        pdf_stored, stored = services._pdf_stored, [0]

        def holding(pdf: bytes, case_number: str) -> str:
            path = pdf_stored(pdf, case_number)
            stored[0] += 1
            if stored[0] == hold_inside:
                Path(held).touch()
                time.sleep(HOLD)
            return path

        services._pdf_stored = holding  # type: ignore[assignment]
    waiting = Case.objects.filter(state="qa").order_by("case_number")
    for number in waiting.values_list("case_number", flat=True):
        services.letter_issue(case_number=number, actor="kill-test")
        print(json.dumps({"issued": number}), flush=True)


if __name__ == "__main__":
    args = sys.argv[1:]
    _issue_all(
        int(args[1]) if args[:1] == ["--die-inside"] else None,
        int(args[1]) if args[:1] == ["--hold-inside"] else None,
        args[2] if args[:1] == ["--hold-inside"] else "",
    )
