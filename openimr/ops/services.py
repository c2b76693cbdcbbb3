"""`openimr backup` and `openimr restore`.

A backup is a folder: the database (``database.sqlite3`` or ``database.pgdump``), the stored
files under ``media/`` (letters, records, published PDFs) and ``MANIFEST.json``, written
last, with every file's size and SHA-256. The database is copied before the files: stored
files are written under their own hash before the row naming them commits and are never
changed, so every file the copied database names is already on disk when the files are
copied (a newer file that no copied row names is harmless)."""

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from openimr.audit.services import Actor, audit_record
from openimr.core.clock import now
from openimr.core.errors import Conflict
from openimr.ops import database
from openimr.ops.manifest import (
    MEDIA,
    Entry,
    Manifest,
    entries_under,
    entry_of,
    manifest_verify,
)
from openimr.ops.manifest import manifest_write as _manifest_write


@dataclass(frozen=True)
class BackupSummary:
    folder: Path
    vendor: str
    files: int
    bytes: int


def _summary(folder: Path, manifest: Manifest) -> BackupSummary:
    return BackupSummary(
        folder, manifest.vendor, len(manifest.files), sum(e.size for e in manifest.files)
    )


def _empty_folder(dest: Path) -> None:
    media = Path(settings.MEDIA_ROOT).resolve()
    if dest.resolve().is_relative_to(media):
        # copytree would copy the backup into itself until the disk or the recursion gave out
        raise Conflict(
            f"{dest.resolve()} is inside the stored files folder {media}, which a backup copies:"
            " choose a folder outside it"
        )
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise Conflict(f"{dest} is not an empty folder: a backup goes into a new one")
    dest.mkdir(parents=True, exist_ok=True)
    # Only the owner reads a backup: it holds every case file, password hashes and the
    # second factors' secrets, and the database copy would otherwise be made under the
    # umask (0644: readable by every user of the machine).
    dest.chmod(0o700)


def _copy_media(dest: Path) -> None:
    source = Path(settings.MEDIA_ROOT)
    if source.is_dir():
        # Temporary files of a write in progress are not stored files yet.
        shutil.copytree(source, dest / MEDIA, ignore=shutil.ignore_patterns("tmp*"))


def backup_create(*, dest: Path, actor: Actor) -> BackupSummary:
    """Back up the database and the stored files into the new folder ``dest``. A backup
    copies every case file: the audit trail records who took it and where, in the backup
    itself."""
    _empty_folder(dest)
    vendor = database.vendor()
    audit_record(
        actor=actor,
        action="backup.created",
        object_type="backup",
        object_id=dest.name[:60],
        detail={"folder": str(dest.resolve())},
    )
    name = database.SQLITE_FILE if vendor == "sqlite" else database.POSTGRES_FILE
    if vendor == "sqlite":
        database.sqlite_snapshot(dest / name)
    else:
        database.postgres_dump(dest / name)
    (dest / name).chmod(0o600)
    _copy_media(dest)
    entries = [entry_of(dest, dest / name)]
    if (dest / MEDIA).is_dir():
        entries += entries_under(dest, dest / MEDIA)
    manifest = Manifest(now().isoformat(), vendor, name, tuple(entries))
    _manifest_write(dest, manifest)
    return _summary(dest, manifest)


def _target_problems() -> list[str]:
    tables = database.tables_with_rows()
    shown = ", ".join(tables[:4]) + (", ..." if len(tables) > 4 else "")
    problems = [f"{len(tables)} table(s) have rows: {shown}"] if tables else []
    media = Path(settings.MEDIA_ROOT)
    if media.is_dir() and any(p.is_file() for p in media.rglob("*")):
        problems.append(f"{media} holds stored files")
    return problems


def _place(source: Path, target: Path) -> None:
    """Copy one stored file into place through a temporary file: a restore cut short leaves
    whole files only."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=target.parent, delete=False) as handle:
        with source.open("rb") as stream:
            shutil.copyfileobj(stream, handle)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(handle.name, target)


def _restore_media(src: Path, files: tuple[Entry, ...]) -> None:
    media = Path(settings.MEDIA_ROOT)
    for entry in files:
        if entry.path.startswith(f"{MEDIA}/"):
            _place(src / entry.path, media / entry.path.removeprefix(f"{MEDIA}/"))


def backup_restore(*, src: Path, actor: Actor, force: bool = False) -> BackupSummary:
    """Check every file of the backup against its manifest, then restore it into the
    configured database and MEDIA_ROOT. Refused, with nothing written, for a damaged or
    partial backup, a backup of the other database vendor, or a target that holds data
    (unless ``force``). Files go first, so the restored database never names a missing one."""
    manifest = manifest_verify(src)
    vendor = database.vendor()
    if manifest.vendor != vendor:
        raise Conflict(f"the backup is of a {manifest.vendor} database; this one is {vendor}")
    problems = _target_problems()
    if problems and not force:
        raise Conflict(
            "the target is not empty (" + "; ".join(problems) + "): nothing was restored;"
            " restore into an empty database and data folder, or pass --force to overwrite"
        )
    _restore_media(src, manifest.files)
    if vendor == "sqlite":
        database.sqlite_load(src / manifest.database)
    else:
        database.postgres_load(src / manifest.database)
    detail = {
        "folder": str(src.resolve()),
        "backup_created_at": manifest.created_at,
        "forced": bool(problems),
    }
    audit_record(
        actor=actor,
        action="backup.restored",
        object_type="backup",
        object_id=src.name[:60],
        detail=detail,
    )
    return _summary(src, manifest)
