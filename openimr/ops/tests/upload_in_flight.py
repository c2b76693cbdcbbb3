"""An upload held open in a process of its own: run by
`test_the_sweep_keeps_the_file_of_an_upload_that_commits_while_it_waits` as
``python -m openimr.ops.tests.upload_in_flight <case number> <pdf> <signals folder>`` with
the database and the stored files' folder in its environment.

It receives the PDF as a record and, once the file is stored and before its audit row is
written (so its transaction holds the file), says so and waits until the sweep is seen
waiting for that lock, then commits. It prints the record's file path as JSON, or, when the
sweep ended (``swept``) or a minute passed without waiting, ``{"error": what}``."""

import json
import sys
from pathlib import Path


def main(case_number: str, pdf: str, signals: str) -> None:
    import django

    django.setup()
    from openimr.core.tests.lock_waits import NeverBlocked, until_waited_for
    from openimr.records import services
    from openimr.records.tests.racing import received

    folder, audit = Path(signals), services._audit

    def audit_later(*given: object, **detail: object) -> None:
        (folder / "stored").touch()
        until_waited_for(
            "the sweep never waited for the upload's lock on its file",
            done=(folder / "swept").exists,
        )
        audit(*given, **detail)  # type: ignore[arg-type]

    services._audit = audit_later
    try:
        record = received(case_number, Path(pdf), actor="uploader")
    except NeverBlocked as exc:
        print(json.dumps({"error": str(exc)}))
        return
    print(json.dumps({"file_path": record.file_path}))


if __name__ == "__main__":
    main(*sys.argv[1:4])
