"""The files a corpus ingest reads (`openimr.decisions.services.ingest`): found under the
paths it is given (folders recursively, zip archives' PDF and text members, and those of a
zip inside a zip, files named directly), and their bytes. Archives are opened by the main
thread only (zipfile objects are not shared across threads)."""

import hashlib
import io
import os
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from openimr.core.errors import InvalidInput, Problem

SUFFIXES = {".pdf", ".txt", ".text"}
# Open archives by (file, member): a zip on disk (member None), or a zip inside it.
_ARCHIVES: dict[tuple[str, str | None], zipfile.ZipFile] = {}
_DIGESTS: dict[str, str] = {}  # files hashed unread in this ingest (archives of failed members)


@dataclass(frozen=True)
class Input:
    """One file to read: a file on disk, a member of a zip archive (``member``), or a
    member (``inner``) of a zip archive that is itself the member ``member``. ``problem`` is
    set for a file that is not read (an archive that cannot be opened...), recorded as
    failed with it."""

    path: str
    member: str | None = None
    problem: str = ""
    inner: str | None = None

    @property
    def name(self) -> str:
        """As stored and shown: a byte of a file name that is not UTF-8 (Python keeps it as a
        lone surrogate, which no database stores) written as ``\\xe9``."""
        name = ":".join(part for part in (self.path, self.member, self.inner) if part)
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")

    @property
    def suffix(self) -> str:
        return Path(self.inner or self.member or self.path).suffix.lower()


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
NESTED = "a zip archive inside a zip inside a zip is not read: extract it and ingest its files"


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
            files = _files_in(archive)
            found = [i for name in files for i in _members(str(path), archive, name)]
    except (zipfile.BadZipFile, OSError) as exc:
        return [Input(str(path), problem=f"not a readable zip archive: {exc}")]
    if not found:
        # An archive of nothing to read is still a file the user gave: say so, once.
        return [Input(str(path), problem=_nothing_in(files))]
    return found


def _files_in(archive: zipfile.ZipFile) -> list[str]:
    return sorted(i.filename for i in archive.infolist() if not i.is_dir())


def _nothing_in(files: list[str]) -> str:
    others = f" ({_files(len(files))})" if files else ""
    return f"the zip archive holds no PDF or text file{others}"


def _members(path: str, archive: zipfile.ZipFile, name: str) -> list[Input]:
    """The letters a member stands for: itself, none (another kind of file), or for a zip
    inside the zip (an archive of monthly archives), its own PDF and text members, read
    from memory; a zip a level deeper is failed, not opened."""
    if _suffix(name) in SUFFIXES:
        return [Input(path, name)]
    if _suffix(name) != ".zip":
        return []
    limit = settings.OPENIMR_PDF_MEMORY_MB * 1024 * 1024
    size = archive.getinfo(name).file_size
    if size > limit:
        mb = f"{size / 2**20:,.0f} MB, more than the {limit // 2**20} MB"
        return [Input(path, name, f"too large: {mb} a reader may use")]
    try:
        with zipfile.ZipFile(io.BytesIO(archive.read(name))) as nested:
            files = _files_in(nested)
    except Exception as exc:  # damaged, encrypted, not a zip: this member fails alone
        return [Input(path, name, f"not a readable zip archive: {type(exc).__name__}: {exc}")]
    found = [
        Input(path, name, NESTED if _suffix(inner) == ".zip" else "", inner)
        for inner in files
        if _suffix(inner) in SUFFIXES | {".zip"}
    ]
    return found or [Input(path, name, _nothing_in(files))]


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
    if item.inner is not None:
        return _archive(item.path, item.member).getinfo(item.inner).file_size
    return _archive(item.path).getinfo(item.member).file_size


def bytes_of(item: Input) -> bytes:
    if item.member is None:
        return Path(item.path).read_bytes()
    if item.inner is not None:
        return _archive(item.path, item.member).read(item.inner)
    return _archive(item.path).read(item.member)


def _archive(path: str, member: str | None = None) -> zipfile.ZipFile:
    """The zip on disk at ``path``, or the zip that is its member ``member`` (held in
    memory, its size checked when it was listed)."""
    archive = _ARCHIVES.get((path, member))
    if archive is not None:
        return archive
    # Members come in archive order: keep one archive (and one inside it) open, not one
    # per zip ever seen.
    for key in [key for key in _ARCHIVES if key != (path, None)]:
        _ARCHIVES.pop(key).close()
    outer = _ARCHIVES.get((path, None))
    if outer is None:
        outer = _ARCHIVES[(path, None)] = zipfile.ZipFile(path)
    if member is None:
        return outer
    archive = _ARCHIVES[(path, member)] = zipfile.ZipFile(io.BytesIO(outer.read(member)))
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
    inner = f":{item.inner}" if item.inner else ""
    return hashlib.sha256(f"{digest}:{item.member}{inner}".encode()).hexdigest()


def archives_close() -> None:
    for archive in _ARCHIVES.values():
        archive.close()
    _ARCHIVES.clear()


def digests_forget() -> None:
    """At the start of an ingest: a file may have changed since the last one."""
    _DIGESTS.clear()
