"""The audit event of one `corpus ingest` run (`corpus.ingest_run`): what it was pointed at,
by whom, what it stored, and how it ended. The letters it reads may still name the worker
(a published letter not de-identified well, a letter of another source), and the run
writes the public corpus from them: a use of PHI that is recorded (HIPAA 45 CFR
164.312(b)), once a run and not once a letter, which would bury the trail. Each batch it
stores has its own event too (`corpus.ingested`, `store`), in that batch's transaction."""

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol

from openimr.audit.services import Actor, audit_record
from openimr.core.text import file_name

ACTION = "corpus.ingest_run"
# A shell's glob can name thousands of files: the first ones say where the run read, and
# `paths_given` how many there were.
PATHS_KEPT = 50


class Counted(Protocol):
    found: int
    parsed: int
    failed: int
    skipped: int


@contextmanager
def ingest_run_audited(
    *, paths: Sequence[str | Path], actor: Actor, summary: Counted, os_user: str = ""
) -> Iterator[None]:
    """Records the run when it ends: ``finished``, ``interrupted`` (Ctrl-C: the batches
    stored before it are kept) or ``failed``, with ``summary``'s counts as they then
    stand, so an interrupted run is accounted for as a finished one is."""
    ended = "interrupted"
    try:
        yield
        ended = "finished"
    except Exception:
        ended = "failed"
        raise
    finally:
        _record(paths, actor, summary, ended, os_user)


def _record(
    paths: Sequence[str | Path], actor: Actor, summary: Counted, ended: str, os_user: str
) -> None:
    # As given but absolute: a relative path says nothing without the folder it was run in.
    # A name that is not UTF-8 is stored as ingest stores one (`file_name`).
    shown = [file_name(os.path.abspath(str(p))) for p in paths[:PATHS_KEPT]]
    detail: dict[str, object] = {
        "paths": shown,
        "paths_given": len(paths),
        "found": summary.found,
        "parsed": summary.parsed,
        "failed": summary.failed,
        "skipped": summary.skipped,
        "ended": ended,
    }
    if os_user:
        detail["os_user"] = os_user  # the command line has no login of its own
    first = Path(shown[0]).name if shown else ""
    audit_record(
        actor=actor, action=ACTION, object_type="corpus", object_id=first[:60], detail=detail
    )
