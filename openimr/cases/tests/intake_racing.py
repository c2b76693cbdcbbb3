"""One intake batch in a process of its own, as an app server would run it: run by
`test_two_batches_of_the_same_ur_pdfs_in_opposite_order_both_commit` as
``python -m openimr.cases.tests.intake_racing <role> <other role> <batch.json> <signals>``
with the database and the stored files' folder in its environment.

After storing its first UR decision PDF the batch waits for the other batch to store its
own first one, or to wait for this one's lock (`wait_for`), so that each holds one file
while it asks for the other's, the order in which two batches could deadlock; without the
screening lock (`unscreened`). It prints the case numbers it filed as JSON, or the
database's error."""

import json
import os
import sqlite3
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

PAUSE = 4.0
WAIT = 60.0


def database_url(folder: Path) -> str:
    """The test database as another process reaches it: PostgreSQL's by its test name;
    SQLite's in-memory one copied to a file in ``folder`` (SQLite locks a file across
    processes), which ``database_back`` reads back once the racers are done."""
    from django.db import connection

    s = connection.settings_dict
    if connection.vendor == "postgresql":
        return f"postgres://{s['USER']}:{s['PASSWORD']}@{s['HOST']}:{s['PORT']}/{s['NAME']}"
    connection.ensure_connection()
    target = sqlite3.connect(folder / "race.sqlite3")
    connection.connection.backup(target)
    target.close()
    return f"sqlite:///{folder / 'race.sqlite3'}"


def database_back(folder: Path) -> None:
    """What the racers wrote, in the test's own database: SQLite's file copied back into
    the in-memory one (``database_url``); PostgreSQL's racers wrote into it already."""
    from django.db import connection

    if connection.vendor == "postgresql":
        return
    source = sqlite3.connect(folder / "race.sqlite3")
    source.backup(connection.connection)
    source.close()


def racer(
    module: str, role: str, other: str, batch: Path, folder: Path, *, url: str | None = None
) -> subprocess.Popen[str]:
    """Starts ``python -m module role other batch folder`` (this module, or another racing
    one) on the test's database (PostgreSQL's, unless ``url`` names one: ``database_url``)
    and stored files' folder, its answer on its stdout."""
    from django.conf import settings
    from django.db import connection

    s = connection.settings_dict
    env = {
        **os.environ,
        "DATABASE_URL": url
        or f"postgres://{s['USER']}:{s['PASSWORD']}@{s['HOST']}:{s['PORT']}/{s['NAME']}",
        "OPENIMR_DATA_DIR": str(Path(settings.MEDIA_ROOT).parent),
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    command = [sys.executable, "-m", module, role, other, str(batch), str(folder)]
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True)


def wait_for(signal: Path) -> None:
    """Until the other racer has ``signal``led or, on PostgreSQL, is seen waiting for a lock
    this one holds (`NeverBlocked` after a minute of neither): locks taken in a fixed order
    (files by hash, counters by year) keep the other waiting at its first one until this one
    has committed, and that wait is the race. SQLite shows no waiter: there a few seconds
    at most, and not an error when the signal never comes."""
    from django.db import connection

    from openimr.core.tests.lock_waits import NeverBlocked, waiting_for_me

    if connection.vendor != "postgresql":
        deadline = time.monotonic() + PAUSE
        while not signal.exists() and time.monotonic() < deadline:
            time.sleep(0.02)
        return
    deadline = time.monotonic() + WAIT
    while not signal.exists() and not waiting_for_me():
        if time.monotonic() > deadline:
            raise NeverBlocked(f"neither {signal.name} came nor did the other wait for a lock")
        time.sleep(0.02)


def unscreened(intake: Any) -> None:
    """The batches race without the screening lock (`_screening_held`), which, taken first,
    keeps every batch waiting at it until the one before has committed: they would never
    reach the files or counters whose order the race is about, and the test could not fail
    when that order is lost."""
    intake._screening_held = lambda: None


def main(role: str, other: str, batch: str, signals: str) -> None:
    import django

    django.setup()
    from openimr.cases.intake_schema import parse_application
    from openimr.cases.services import intake

    folder, store, stored = Path(signals), intake.file_store, []

    def storing(data: bytes, **given: str) -> tuple[str, str]:
        found = store(data, **given)  # type: ignore[arg-type]
        stored.append(found)
        if len(stored) == 1:
            (folder / f"{role}-stored").touch()
            wait_for(folder / f"{other}-stored")
        return found

    intake.file_store = storing  # type: ignore[assignment]
    unscreened(intake)
    given = json.loads(Path(batch).read_text(encoding="utf-8"))
    at = datetime.fromisoformat(given["at"])
    receive(role, [intake.Filing(parse_application(doc), at) for doc in given["applications"]])


def receive(role: str, filings: list[Any]) -> None:
    """Files the batch as ``role`` and prints the case numbers filed, or the database's
    error, as JSON."""
    from django.db import DatabaseError

    from openimr.cases.services import intake
    from openimr.core.tests.lock_waits import NeverBlocked

    try:
        done = intake.applications_receive(filings=filings, via="batch", actor=role, client=role)
    except (DatabaseError, NeverBlocked) as exc:
        print(json.dumps({"error": str(exc).strip()}))
        return
    print(json.dumps({"cases": [a.case.case_number for a in done]}))


if __name__ == "__main__":
    main(*sys.argv[1:5])
