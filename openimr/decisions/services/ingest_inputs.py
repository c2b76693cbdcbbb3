"""The files a corpus ingest reads (`openimr.decisions.services.ingest`): found under the
paths it is given (folders recursively, zip archives' PDF and text members, files named
directly), and their bytes. Archives are opened by the main thread only (zipfile objects
are not shared across threads)."""

import hashlib
import os
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from openimr.core.errors import InvalidInput, Problem

SUFFIXES = {".pdf", ".txt", ".text"}
_ARCHIVES: dict[str, zipfile.ZipFile] = {}
_DIGESTS: dict[str, str] = {}  # files hashed unread in this ingest (archives of failed members)


@dataclass(frozen=True)
class Input:
    """One file to read: a file on disk, or a member of a zip archive (``member``).
    ``problem`` is set for an archive that cannot be opened, recorded as failed."""

    path: str
    member: str | None = None
    problem: str = ""

    @property
    def name(self) -> str:
        return f"{self.path}:{self.member}" if self.member else self.path

    @property
    def suffix(self) -> str:
        return Path(self.member or self.path).suffix.lower()


def inputs_in(paths: Iterable[str | Path]) -> list[Input]:
    """Every file to read under these paths, in a stable order. InvalidInput (nothing read)
    when a path does not exist."""
    missing = [Problem(str(p), "no such file or folder") for p in paths if not Path(p).exists()]
    if missing:
        raise InvalidInput(missing)
    found: list[Input] = []
    for path in map(Path, paths):
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() or _leads_nowhere(p))
            found += [i for f in files if _wanted(f) for i in _expand(f)]
        else:
            found += _expand(path)
    return found


NOWHERE = "a symbolic link that leads nowhere (its target is missing, or it points to itself)"
NESTED = "a zip archive inside a zip archive is not read: extract it and ingest its files"


def _leads_nowhere(path: Path) -> bool:
    """A link whose target is missing or loops: not a file, yet one the user gave."""
    return path.is_symlink() and not path.exists()


def _wanted(path: Path) -> bool:
    return path.suffix.lower() in SUFFIXES | {".zip"}


def _expand(path: Path) -> list[Input]:
    if _leads_nowhere(path):
        return [Input(str(path), problem=NOWHERE)]
    if path.suffix.lower() != ".zip" and not _is_zip(path):
        return [Input(str(path))]
    try:
        with zipfile.ZipFile(path) as archive:
            files = sorted(i.filename for i in archive.infolist() if not i.is_dir())
    except (zipfile.BadZipFile, OSError) as exc:
        return [Input(str(path), problem=f"not a readable zip archive: {exc}")]
    found = [_member(path, name) for name in files if _suffix(name) in SUFFIXES | {".zip"}]
    if not found:
        # An archive of nothing to read is still a file the user gave: say so, once.
        others = f" ({_files(len(files))})" if files else ""
        return [Input(str(path), problem=f"the zip archive holds no PDF or text file{others}")]
    return found


def _member(path: Path, name: str) -> Input:
    return Input(str(path), name, NESTED if _suffix(name) == ".zip" else "")


def _suffix(name: str) -> str:
    return Path(name).suffix.lower()


def _files(count: int) -> str:
    return f"{count} other file" + ("" if count == 1 else "s")


def _is_zip(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(4) == b"PK\x03\x04"
    except OSError:  # read when its turn comes, and failed then with why
        return False


def size_of(item: Input) -> int:
    """Its size, read from the archive's directory for a member (nothing decompressed)."""
    if item.member is None:
        return os.path.getsize(item.path)
    return _archive(item.path).getinfo(item.member).file_size


def bytes_of(item: Input) -> bytes:
    if item.member is None:
        return Path(item.path).read_bytes()
    return _archive(item.path).read(item.member)


def _archive(path: str) -> zipfile.ZipFile:
    archive = _ARCHIVES.get(path)
    if archive is None:
        # Members come in archive order: keep one archive open, not one per zip ever seen.
        for other in _ARCHIVES.values():
            other.close()
        _ARCHIVES.clear()
        archive = _ARCHIVES[path] = zipfile.ZipFile(path)
    return archive


def unread_digest(item: Input) -> str:
    """The hash of a file left unread: a file's own, or for a zip member its archive's with
    the member's name (an archive is hashed once, however many of its members fail)."""
    digest = _DIGESTS.get(item.path)
    if digest is None:
        try:
            with open(item.path, "rb") as handle:
                digest = hashlib.file_digest(handle, "sha256").hexdigest()
        except OSError:
            # Gone, or a link to nowhere: known by its name and the reason, so a rerun skips
            # it while it is so, and reads its bytes (another hash) once it is back.
            digest = hashlib.sha256(f"unread:{item.path}:{item.problem}".encode()).hexdigest()
        _DIGESTS[item.path] = digest
    if item.member is None:
        return digest
    return hashlib.sha256(f"{digest}:{item.member}".encode()).hexdigest()


def archives_close() -> None:
    for archive in _ARCHIVES.values():
        archive.close()
    _ARCHIVES.clear()


def digests_forget() -> None:
    """At the start of an ingest: a file may have changed since the last one."""
    _DIGESTS.clear()
