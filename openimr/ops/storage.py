"""`openimr files sweep`: removing stored files that no row names.

A stored file is written before the row that names it commits. A failed write removes its
file (`files_discarded_on_error`), but a COMMIT that fails, or a process killed between the
write and the commit, leaves a file behind that nothing names: a copy of medical records
kept past its purpose, and counted in every backup. The sweep removes such files once they
are older than a grace period, so that it never takes the file of a write still in flight;
each removal holds the file as a write does, checks the rows and the file's age once more
(`file_remove_unnamed`), and is audited in its own transaction.

Swept: records, the copies kept for readers (`record-copies/`: one whose record is gone, or
made by an older version of the copy), UR decisions, issued and amended letters
(`letters/<case number>/`) and the corpus's PDFs (`corpus/issued/`, this organization's
letters as published; `corpus/published/`, letters ingested). An issued letter's PDF is a
legal record (LC 4610.6(g)): a letter's row names it by its path and by its hash, and the
sweep keeps a file either names (`letter_files_named`). A notice's PDF is never stored
(rendered from its frozen facts when asked), nor is a draft's.

A database that names none of the stored files, while old files are there, is almost
surely not this deployment's (a DATABASE_URL pointing at a fresh database, a restore not
yet run): every file would go, letters included. The sweep then refuses, removing nothing."""

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from stat import S_ISREG

from django.conf import settings

from openimr.audit.services import Actor, audit_record
from openimr.cases.selectors import ur_decision_files_named
from openimr.cases.services.intake import UR_FOLDER
from openimr.core.clock import now
from openimr.core.errors import Conflict
from openimr.decisions.selectors import corpus_files_named
from openimr.decisions.services.pdf_copies import FOLDER as INGESTED_FOLDER
from openimr.decisions.services.publish import FOLDER as PUBLISHED_FOLDER
from openimr.letters.selectors import letter_files_named
from openimr.letters.services import FOLDER as LETTERS_FOLDER
from openimr.records.selectors import COPIES_FOLDER, record_copies_named, record_files_named
from openimr.records.services import FOLDER as RECORDS_FOLDER
from openimr.records.services import file_remove_unnamed

# Each swept folder and the rows that name its files.
SWEPT: dict[str, Callable[[list[str]], set[str]]] = {
    RECORDS_FOLDER: record_files_named,
    COPIES_FOLDER: record_copies_named,
    UR_FOLDER: ur_decision_files_named,
    LETTERS_FOLDER: letter_files_named,
    PUBLISHED_FOLDER: corpus_files_named,
    INGESTED_FOLDER: corpus_files_named,
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
    ``grace``; on a dry run, only say which. Conflict, removing nothing, when no row names
    any stored file and some are old enough to go (see the module's docstring). Files are
    looked up ``CHUNK`` at a time and only the orphans are kept in memory: the corpus's
    folder holds a file per published letter."""
    orphans: list[tuple[Orphan, Callable[[list[str]], set[str]]]] = []
    young, named = 0, 0
    for folder, naming in SWEPT.items():
        for chunk in _chunks(_files_in(folder)):
            found = naming([orphan.path for orphan in chunk])
            named += len(found)
            for orphan in chunk:
                if orphan.path in found:
                    continue
                if orphan.age < grace:
                    young += 1
                else:
                    orphans.append((orphan, naming))
    if orphans and not named:
        raise Conflict(
            f"no row of this database names any of the stored files under {settings.MEDIA_ROOT}, "
            f"yet {len(orphans)} are old enough to go: is DATABASE_URL this deployment's "
            "database? Nothing was removed"
        )
    removed = [o for o, naming in orphans if dry_run or _removed(o, naming, grace, actor)]
    return Sweep(removed, young, named, dry_run)


def _files_in(folder: str) -> Iterator[Orphan]:
    """The files under the folder, folder by folder and by name, a temporary file a killed
    write left half written too; not those of another swept folder inside it."""
    root, at = Path(settings.MEDIA_ROOT), now().timestamp()
    for parent, folders, names in os.walk(root / folder):
        folders.sort()
        for name in sorted(names):
            path = Path(parent) / name
            relative = path.relative_to(root).as_posix()
            if _folder_of(relative) != folder:
                continue
            try:
                stat = path.stat()
            except FileNotFoundError:  # removed since it was listed
                continue
            if not S_ISREG(stat.st_mode):
                continue
            yield Orphan(relative, stat.st_size, timedelta(seconds=at - stat.st_mtime))


def _chunks(files: Iterator[Orphan]) -> Iterator[list[Orphan]]:
    chunk: list[Orphan] = []
    for orphan in files:
        chunk.append(orphan)
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _folder_of(name: str) -> str:
    """The swept folder a file belongs to: the deepest that holds it."""
    return max((f for f in SWEPT if name.startswith(f"{f}/")), key=len, default="")


def _removed(
    orphan: Orphan, naming: Callable[[list[str]], set[str]], grace: timedelta, actor: Actor
) -> bool:
    def audited(size: int) -> None:
        audit_record(
            actor=actor,
            action="file.swept",
            object_type="file",
            object_id=Path(orphan.path).name.split(".")[0],  # the content's hash; path below
            detail={
                "path": orphan.path,
                "size": size,
                "age_hours": round(orphan.age.total_seconds() / 3600, 1),
            },
        )

    return file_remove_unnamed(
        orphan.path, named=lambda path: bool(naming([path])), removing=audited, older_than=grace
    )
