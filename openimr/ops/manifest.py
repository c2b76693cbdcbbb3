"""The backup manifest: every file of a backup with its size and SHA-256. It is written last,
so a backup without one was cut short; restore checks every file against it before it
writes anything."""

import hashlib
import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path, PurePosixPath

from openimr.core.errors import InvalidInput, Problem

FORMAT = "openimr.backup/1"
MANIFEST = "MANIFEST.json"
MEDIA = "media"
CHUNK = 1 << 20


@dataclass(frozen=True)
class Entry:
    path: str  # relative to the backup folder, with "/" separators
    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    created_at: str
    vendor: str  # "sqlite" or "postgresql"
    database: str  # the database file's path among the entries
    files: tuple[Entry, ...]


def file_digest(path: Path) -> tuple[int, str]:
    """Size and SHA-256 of a file, read in chunks: stored records may be large."""
    digest, size = hashlib.sha256(), 0
    with path.open("rb") as handle:
        while block := handle.read(CHUNK):
            digest.update(block)
            size += len(block)
    return size, digest.hexdigest()


def entry_of(root: Path, path: Path) -> Entry:
    size, digest = file_digest(path)
    return Entry(path.relative_to(root).as_posix(), size, digest)


def entries_under(root: Path, folder: Path) -> Iterator[Entry]:
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        yield entry_of(root, path)


def manifest_write(root: Path, manifest: Manifest) -> None:
    """Replace-in-one-step, after every other file: its presence says the backup is whole."""
    body = {
        "format": FORMAT,
        "created_at": manifest.created_at,
        "database": {"vendor": manifest.vendor, "file": manifest.database},
        "files": [asdict(e) for e in manifest.files],
    }
    with tempfile.NamedTemporaryFile("w", dir=root, delete=False, encoding="utf-8") as handle:
        json.dump(body, handle, indent=1)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(handle.name, root / MANIFEST)


def _bad(where: str, message: str) -> InvalidInput:
    # The summary leaves the problem to its own line: InvalidInput.report prints both.
    return InvalidInput([Problem(where, message)], "the backup is refused, nothing was restored")


def _safe(path: object) -> str:
    """A manifest path stays inside the backup: a hostile manifest cannot make restore read
    or write elsewhere."""
    pure = PurePosixPath(str(path))
    if not isinstance(path, str) or pure.is_absolute() or ".." in pure.parts or not pure.parts:
        raise _bad(MANIFEST, f"{path!r} is not a path inside the backup")
    return pure.as_posix()


def _entry(raw: object) -> Entry:
    if not isinstance(raw, dict) or set(raw) != {"path", "size", "sha256"}:
        raise _bad(MANIFEST, f"a file entry must have path, size and sha256: {raw!r}")
    if not isinstance(raw["size"], int) or not isinstance(raw["sha256"], str):
        raise _bad(MANIFEST, f"a file entry's size or sha256 is malformed: {raw!r}")
    return Entry(_safe(raw["path"]), raw["size"], raw["sha256"])


def _parse(body: object) -> Manifest:
    if not isinstance(body, dict) or body.get("format") != FORMAT:
        raise _bad(MANIFEST, f"not an {FORMAT} manifest")
    database, files = body.get("database"), body.get("files")
    if not isinstance(database, dict) or database.get("vendor") not in ("sqlite", "postgresql"):
        raise _bad(MANIFEST, "database.vendor must be sqlite or postgresql")
    if not isinstance(files, list):
        raise _bad(MANIFEST, "files must be a list")
    entries = tuple(_entry(raw) for raw in files)
    name = _safe(database.get("file"))
    if name not in {e.path for e in entries}:
        raise _bad(MANIFEST, f"the database file {name} is not among the files")
    return Manifest(str(body.get("created_at", "")), database["vendor"], name, entries)


def manifest_read(root: Path) -> Manifest:
    path = root / MANIFEST
    if not root.is_dir():
        raise _bad(str(root), "not a folder" if root.exists() else "no such folder")
    if not path.is_file():
        raise _bad(MANIFEST, "missing: the backup was cut short or is not an openimr backup")
    try:
        return _parse(json.loads(path.read_text(encoding="utf-8")))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise _bad(MANIFEST, f"not valid JSON ({exc})") from exc


def manifest_verify(root: Path) -> Manifest:
    """The manifest, once every file it lists is present with its size and SHA-256. The
    first damaged or missing file is named."""
    manifest = manifest_read(root)
    for entry in manifest.files:
        path = root / entry.path
        if not path.is_file():
            raise _bad(entry.path, "missing from the backup")
        size, digest = file_digest(path)
        if size != entry.size:
            raise _bad(entry.path, f"{size} bytes, the manifest says {entry.size}: damaged")
        if digest != entry.sha256:
            raise _bad(entry.path, "SHA-256 does not match the manifest: damaged")
    return manifest
