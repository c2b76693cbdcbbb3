"""An upload held open in a process of its own: run by
`test_the_sweep_keeps_the_file_of_an_upload_that_commits_while_it_waits` as
``python -m openimr.ops.tests.upload_in_flight <case number> <pdf> <signals folder>`` with
the database and the stored files' folder in its environment.

It receives the PDF as a record and, once the file is stored and before its audit row is
written (so its transaction holds the file), says so and waits for the sweep to start, then
a second more, and commits. It prints the record's file path as JSON."""

import json
import sys
import time
from pathlib import Path

WAIT = 30.0


def main(case_number: str, pdf: str, signals: str) -> None:
    import django

    django.setup()
    from openimr.records import services
    from openimr.records.tests.racing import received

    folder, audit = Path(signals), services._audit

    def audit_later(*given: object, **detail: object) -> None:
        (folder / "stored").touch()
        deadline = time.monotonic() + WAIT
        while not (folder / "sweeping").exists() and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(1.0)
        audit(*given, **detail)  # type: ignore[arg-type]

    services._audit = audit_later
    record = received(case_number, Path(pdf), actor="uploader")
    print(json.dumps({"file_path": record.file_path}))


if __name__ == "__main__":
    main(*sys.argv[1:4])
