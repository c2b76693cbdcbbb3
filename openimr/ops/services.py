"""`openimr backup` and `openimr restore`.

A backup is a folder: the database (``database.sqlite3`` or ``database.pgdump``), the stored
files under ``media/`` (letters, records, published PDFs) and ``MANIFEST.json``, written
last, with every file's size and SHA-256. The database is copied before the files: stored
files are written under their own hash before the row naming them commits and are never
changed, so every file the copied database names is already on disk when the files are
copied (a newer file that no copied row names is harmless)."""

import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from openimr.audit.services import Actor, audit_record
from openimr.core.clock import now
from openimr.core.errors import Conflict, InvalidInput, Problem
from openimr.decisions.services.kept_answers import kept_answers_forget
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
from openimr.ops.storage import Sweep, stored_files_sweep

__all__ = ["BackupSummary", "Sweep", "backup_create", "backup_restore", "stored_files_sweep"]


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


def _empty_folder(dest: Path) -> Path | None:
    """Refuse a DEST that a backup may not go into; otherwise the topmost folder of DEST's
    path that does not exist yet (made by the backup, so removed again if it fails), or
    None when DEST is an empty folder already."""
    media = Path(settings.MEDIA_ROOT).resolve()
    if dest.resolve().is_relative_to(media):
        # copytree would copy the backup into itself until the disk or the recursion gave out
        raise Conflict(
            f"{dest.resolve()} is inside the stored files folder {media}, which a backup copies:"
            " choose a folder outside it"
        )
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise Conflict(f"{dest} is not an empty folder: a backup goes into a new one")
    missing = [folder for folder in (dest, *dest.parents) if not folder.exists()]
    return missing[-1] if missing else None


def _folder_make(dest: Path) -> None:
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


def _backup_write(dest: Path, vendor: str) -> Manifest:
    _folder_make(dest)
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
    return manifest


def _discard(dest: Path, made: Path | None) -> None:
    """Remove what a failed backup wrote: the folders it made, or the contents of the empty
    DEST it was given. A half-written backup is no backup, and it holds case files."""
    if made is not None:
        shutil.rmtree(made, ignore_errors=True)
        return
    for child in dest.iterdir() if dest.is_dir() else ():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child, ignore_errors=True)
        else:
            child.unlink(missing_ok=True)


def _backup_audit(actor: Actor, action: str, dest: Path, **detail: object) -> None:
    audit_record(
        actor=actor,
        action=action,
        object_type="backup",
        object_id=dest.name[:60],
        detail={"folder": str(dest.resolve()), **detail},
    )


def backup_create(*, dest: Path, actor: Actor) -> BackupSummary:
    """Back up the database and the stored files into the new folder ``dest``.

    A backup copies every case file, so the trail records each one: ``backup.started``
    before the database is copied (so the backup itself holds who took it and where), then
    ``backup.created`` once the manifest is written, or ``backup.failed`` with the reason.
    A backup that fails leaves nothing on disk (what it wrote is removed) and no
    ``backup.created``; the error says why."""
    made = _empty_folder(dest)
    vendor = database.vendor()
    _backup_audit(actor, "backup.started", dest)
    try:
        manifest = _backup_write(dest, vendor)
    except BaseException as exc:
        _discard(dest, made)
        reason = f"{type(exc).__name__}: {exc}"[:500]
        _backup_audit(actor, "backup.failed", dest, reason=reason)
        if isinstance(exc, OSError | sqlite3.Error | Conflict):
            raise Conflict(f"the backup into {dest} failed ({reason}): nothing was kept") from exc
        raise
    summary = _summary(dest, manifest)
    _backup_audit(actor, "backup.created", dest, files=summary.files, bytes=summary.bytes)
    return summary


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
        try:
            with source.open("rb") as stream:
                shutil.copyfileobj(stream, handle)
            handle.flush()
            os.fsync(handle.fileno())
        except BaseException:  # Ctrl-C, a full disk: no temporary copy left among the files
            os.unlink(handle.name)
            raise
    os.replace(handle.name, target)


def _restore_media(src: Path, files: tuple[Entry, ...]) -> None:
    media = Path(settings.MEDIA_ROOT)
    for entry in files:
        if entry.path.startswith(f"{MEDIA}/"):
            _place(src / entry.path, media / entry.path.removeprefix(f"{MEDIA}/"))


def _database_check(src: Path, manifest: Manifest) -> None:
    """Before anything is written: the backup's database is a whole openimr database."""
    source = src / manifest.database
    if manifest.vendor == "sqlite":
        problem = database.sqlite_problem(source)
    else:
        problem = database.postgres_problem(source)
    if problem is not None:
        raise InvalidInput(
            [Problem(manifest.database, problem)], "the backup is refused, nothing was restored"
        )


def backup_restore(*, src: Path, actor: Actor, force: bool = False) -> BackupSummary:
    """Check every file of the backup against its manifest, then restore it into the
    configured database and MEDIA_ROOT. Refused, with nothing written, for a damaged or
    partial backup, a backup of the other database vendor, or a target that holds data
    (unless ``force``). Files go first, so the restored database never names a missing one."""
    manifest = manifest_verify(src)
    vendor = database.vendor()
    if manifest.vendor != vendor:
        raise Conflict(f"the backup is of a {manifest.vendor} database; this one is {vendor}")
    _database_check(src, manifest)
    problems = _target_problems()
    if problems and not force:
        raise Conflict(
            "the target is not empty (" + "; ".join(problems) + "): nothing was restored;"
            " restore into an empty database and data folder, or pass --force to overwrite"
        )
    try:
        _restore_media(src, manifest.files)
    except OSError as exc:
        # A read-only disk, a full one, a folder without permission: one line, not a
        # traceback; the database is not touched, so it names no file that is missing.
        raise Conflict(
            f"the stored files could not be restored ({exc.strerror}: {exc.filename}): the "
            "database was not changed; files placed before this one are whole, and no row "
            "names them (`openimr files sweep` removes them, or a restore that succeeds "
            "uses them)"
        ) from exc
    if vendor == "sqlite":
        database.sqlite_load(src / manifest.database)
    else:
        database.postgres_load(src / manifest.database)
    kept_answers_forget()  # the backup's corpus stamps vouch for answers kept since it
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
