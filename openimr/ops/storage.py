"""`openimr files sweep`: removing stored files that no row names.

A record's file and an application's UR decision PDF are written before the row that names
them commits. A failed upload removes its file (`files_discarded_on_error`), but a COMMIT
that fails, or a process killed between the write and the commit, leaves a file behind
that nothing names: a copy of medical records kept past its purpose, and counted in every
backup. The sweep removes such files once they are older than a grace period, so that it
never takes the file of an upload still in flight; each removal holds the file as an upload
does and checks the rows once more (`file_remove_unnamed`), and is audited in its own
transaction. Letters and the published corpus are not swept here: their files are named by
rows of their own (`openimr corpus recheck` sweeps the corpus)."""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from django.conf import settings

from openimr.audit.services import Actor, audit_record
from openimr.cases.selectors import ur_decision_files_named
from openimr.cases.services.intake import UR_FOLDER
from openimr.core.clock import now
from openimr.records.selectors import record_files_named
from openimr.records.services import FOLDER as RECORDS_FOLDER
from openimr.records.services import file_remove_unnamed

# Each swept folder and the rows that name its files.
SWEPT: dict[str, Callable[[list[str]], set[str]]] = {
    RECORDS_FOLDER: record_files_named,
    UR_FOLDER: ur_decision_files_named,
}
DEFAULT_GRACE = timedelta(hours=24)
CHUNK = 500  # paths per query: within every database's parameter limits


@dataclass(frozen=True)
class Orphan:
    path: str  # under MEDIA_ROOT
    size: int
    age: timedelta


@dataclass(frozen=True)
class Sweep:
    removed: list[Orphan]  # would be removed, on a dry run
    kept_young: int  # named by no row, but within the grace period
    named: int
    dry_run: bool


def stored_files_sweep(*, grace: timedelta, dry_run: bool, actor: Actor) -> Sweep:
    """Remove the files of the swept folders that no row names and that are older than
    ``grace``; on a dry run, only say which."""
    removed, young, named = [], 0, 0
    for folder, naming in SWEPT.items():
        files = list(_files_in(folder))
        found = _named(naming, [path for path, _ in files])
        named += len(found)
        for path, orphan in files:
            if path in found:
                continue
            if orphan.age < grace:
                young += 1
            elif dry_run or _removed(orphan, naming, actor):
                removed.append(orphan)
    return Sweep(removed, young, named, dry_run)


def _files_in(folder: str) -> Iterator[tuple[str, Orphan]]:
    root, at = Path(settings.MEDIA_ROOT), now().timestamp()
    for path in sorted((root / folder).rglob("*")):
        if path.is_file():  # also a temporary file a killed upload left half written
            stat, name = path.stat(), path.relative_to(root).as_posix()
            yield name, Orphan(name, stat.st_size, timedelta(seconds=at - stat.st_mtime))


def _named(naming: Callable[[list[str]], set[str]], paths: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(paths), CHUNK):
        found |= naming(paths[start : start + CHUNK])
    return found


def _removed(orphan: Orphan, naming: Callable[[list[str]], set[str]], actor: Actor) -> bool:
    def audited(size: int) -> None:
        audit_record(
            actor=actor,
            action="file.swept",
            object_type="file",
            object_id=Path(orphan.path).stem,  # the content's hash; the path is in detail
            detail={
                "path": orphan.path,
                "size": size,
                "age_hours": round(orphan.age.total_seconds() / 3600, 1),
            },
        )

    return file_remove_unnamed(
        orphan.path, named=lambda path: bool(naming([path])), removing=audited
    )
