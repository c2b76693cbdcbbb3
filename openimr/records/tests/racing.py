"""Two uploads of the same file racing in two processes, as two app servers would: run by
`test_an_upload_that_fails_leaves_no_file_and_spares_a_racing_one` as
``python -m openimr.records.tests.racing <role> <case number> <pdf> <signals folder>``
with the database and the stored files' folder in its environment.

The role "fails" receives the file and fails after storing it (its audit row cannot be
written), but only once the role "succeeds" has read the same file and is seen waiting for
the lock on it (on SQLite, which shows no waiter, a second after it read it); it prints the
error, or what never happened. "succeeds" prints the stored record's file path as JSON."""

import json
import sys
import time
from pathlib import Path
from typing import Any

WAIT = 30.0


def _wait_for(signal: Path) -> None:
    deadline = time.monotonic() + WAIT
    while not signal.exists():
        if time.monotonic() > deadline:
            raise TimeoutError(f"{signal.name} never came")
        time.sleep(0.02)


def received(case_number: str, pdf: Path, *, actor: str) -> Any:
    """The PDF received as a record of the case, as the API receives it (Django set up)."""
    from openimr.cases.selectors import case_row
    from openimr.records import services

    return services.record_receive(
        case=case_row(case_number),
        data=pdf.read_bytes(),
        filename="report.pdf",
        submitted_by="claims_administrator",
        via=services.Via.API,
        actor=actor,
    )


def main(role: str, case_number: str, pdf: str, signals: str) -> None:
    import django

    django.setup()
    from openimr.core.tests.lock_waits import NeverBlocked, held_until_waited_for
    from openimr.records import services

    folder, read = Path(signals), services.pdf_read

    def reading(data: bytes, **given: object) -> object:
        found = read(data, **given)  # type: ignore[arg-type]
        (folder / f"{role}-read").touch()
        return found

    def audit_failing(*_: object, **__: object) -> None:
        # Held until the other upload waits to store the same file, then fails: on
        # PostgreSQL that one waits for this transaction's lock on the file, on SQLite
        # for its write lock.
        _wait_for(folder / "succeeds-read")
        held_until_waited_for(
            "the racing upload never waited for the failing one's lock on the file",
            pause=1.0,
            done=(folder / "succeeds-done").exists,
        )
        raise RuntimeError("the audit trail cannot be written")

    services.pdf_read = reading  # type: ignore[assignment]
    if role == "fails":
        services._audit = audit_failing
    else:
        _wait_for(folder / "fails-read")
    try:
        record = received(case_number, Path(pdf), actor=role)
    except (RuntimeError, NeverBlocked) as exc:
        print(json.dumps({"error": str(exc)}))
        return
    finally:
        (folder / f"{role}-done").touch()
    print(json.dumps({"file_path": record.file_path, "replayed": record.replayed}))


if __name__ == "__main__":
    main(*sys.argv[1:5])
