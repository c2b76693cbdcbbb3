"""`openimr corpus ingest` as `test_ingest_resumes_after_a_kill` runs it before the kill, in
a process of its own: ``python -m openimr.decisions.tests.ingest_killable <signal> <args>``
(the command's arguments after the signal file's path).

It stops inside its second batch's transaction, the batch's rows written and not yet
committed: it writes the number of source-file rows it sees there to ``signal`` and waits
to be killed. The kill then lands at a known point, whatever the machine's load; watching
the stored count from outside and killing once a batch showed up let a starved test process
see the whole ingest finish first."""

import os
import sys
import time
from pathlib import Path
from typing import Any

HOLD = 300.0  # seconds; the test kills it long before


def main(signal: str, argv: list[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from openimr import cli
    from openimr.decisions.models import SourceFile
    from openimr.decisions.services import store

    saved, batches = store.audit_save, []

    def holding(events: Any) -> Any:  # the batch's last write before its commit
        batches.append(events)
        if len(batches) == 2:
            written = Path(f"{signal}.part")
            written.write_text(str(SourceFile.objects.count()), encoding="utf-8")
            written.replace(signal)  # whole, never read half written
            time.sleep(HOLD)
        return saved(events)

    store.audit_save = holding  # type: ignore[assignment]
    return cli.main(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
