"""The files a corpus ingest reads (`openimr.decisions.services.ingest`): found under the
paths it is given (folders recursively, zip archives' PDF and text members, and those of a
zip inside a zip, files named directly), and their bytes. Archives are opened by the main
thread only (zipfile objects are not shared across threads)."""

import hashlib
import io
import os
import stat
import zipfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from openimr.core.errors import InvalidInput, Problem
from openimr.core.text import empty_path, file_name

SUFFIXES = {".pdf", ".txt", ".text"}
# Open archives by (file, member, its copy): a zip on disk (member None), or a zip inside it.
_ARCHIVES: dict[tuple[str, str | None, int], "_Open"] = {}
_DIGESTS: dict[str, str] = {}  # files hashed unread in this ingest (archives of failed members)


@dataclass(frozen=True)
class Input:
    """One file to read: a file on disk, a member of a zip archive (``member``), or a
    member (``inner``) of a zip archive that is itself the member ``member``. ``problem`` is
    set for a file that is not read (an archive that cannot be opened...), recorded as
    failed with it. A zip may hold several members of one name (appended to, not
    replaced): ``member_copy`` and ``inner_copy`` say which, 1 for the first."""

    path: str
    member: str | None = None
    problem: str = ""
    inner: str | None = None
    member_copy: int = 1
    inner_copy: int = 1

    @property
    def name(self) -> str:
        """As stored and shown: a second member of one name as ``letter.pdf#2``; a byte of a
        file name that is not UTF-8 (Python keeps it as a lone surrogate, which no database
        stores) written as ``\\xe9``."""
        member = _copy_named(self.member, self.member_copy)
        inner = _copy_named(self.inner, self.inner_copy)
        return file_name(":".join(part for part in (self.path, member, inner) if part))

    @property
    def suffix(self) -> str:
        return Path(self.inner or self.member or self.path).suffix.lower()


def _copy_named(name: str | None, copy: int) -> str | None:
    return f"{name}#{copy}" if name and copy > 1 else name


@dataclass(frozen=True)
class FolderLink:
    """A symbolic link to a folder met under a folder given: entered (``followed``) unless
    its folder overlaps one the ingest reads already (``target`` inside one, or holding one:
    a loop back up, or a second way to the same letters), which is never entered twice."""

    link: str
    target: str
    followed: bool


def inputs_in(paths: Iterable[str | Path], links: list[FolderLink] | None = None) -> list[Input]:
    """Every file to read under these paths, in a stable order; each link to a folder met
    under them is added to ``links``. InvalidInput (nothing read) when a path does not
    exist."""
    missing = [Problem("PATH", m) for p in paths if (m := empty_path(p, EMPTY_WANTED))]
    missing += [Problem(str(p), _missing(Path(p))) for p in paths if p and not Path(p).exists()]
    if missing:
        raise InvalidInput(missing)
    found: list[Input] = []
    unreadable: list[Problem] = []
    links = [] if links is None else links
    for path in map(Path, paths):
        if path.is_dir():
            # By parts, the order of paths themselves, with no comparison made in Python.
            listed = _files_under(path, unreadable, links)
            files = sorted(listed, key=lambda found: found[0].parts)
            found += [i for f, nowhere in files if _wanted(f) for i in _expand(f, nowhere)]
        else:
            found += _expand(path)
    if unreadable:  # its letters would be left out of a run that said nothing of them
        raise InvalidInput(unreadable, "nothing was read")
    return found


def _missing(path: Path) -> str:
    """Why a path given is not there: a link that loops or leads to nothing exists, and
    "no such file" had sent the user looking for a typo."""
    return NOWHERE if path.is_symlink() else "no such file or folder"


def _files_under(
    folder: Path, unreadable: list[Problem], links: list[FolderLink]
) -> list[tuple[Path, bool]]:
    """Each file under ``folder`` and whether it is a link that leads nowhere, the folder's
    own folders first; then, in the order of their paths, those under each link to a folder
    met (and the links met under those), named through the link, unless the link's folder
    overlaps one read already. Real folders first, so that a folder reached both ways is
    read under its own name."""
    found: list[tuple[Path, bool]] = []
    met: list[Path] = []
    read = [Path(os.path.realpath(folder))]
    _walk(folder, found, met, unreadable)
    while met:
        met.sort(key=lambda link: link.parts, reverse=True)
        link = met.pop()
        target = Path(os.path.realpath(link))
        followed = not any(target.is_relative_to(r) or r.is_relative_to(target) for r in read)
        links.append(FolderLink(str(link), str(target), followed))
        if followed:
            read.append(target)
            _walk(link, found, met, unreadable)
    return found


def _walk(
    folder: Path, found: list[tuple[Path, bool]], met: list[Path], unreadable: list[Problem]
) -> None:
    """Adds each file under ``folder`` to ``found`` (and whether it is a link that leads
    nowhere), each link to a folder to ``met``: what ``folder.rglob("*")`` finds that
    ``is_file()`` or leads nowhere (the same folders entered), read from the folders'
    entries with no system call a file but for links (a third of listing and reading a
    text letter). A folder that cannot be listed (no permission) is added to
    ``unreadable``: skipped, its letters were never read, unsaid."""
    folders = [folder]
    while folders:
        parent = folders.pop()
        try:
            with os.scandir(parent) as scanned:
                entries = list(scanned)
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            unreadable.append(Problem(str(parent), f"cannot read this folder: {reason}"))
            continue
        for entry in entries:
            if entry.is_symlink():  # as pathlib reads a link: ``is_file`` ignores a loop
                path = parent / entry.name
                if nowhere := _leads_nowhere(path):
                    found.append((path, nowhere))
                elif path.is_file():
                    found.append((path, False))
                elif path.is_dir():
                    met.append(path)
            elif entry.is_dir(follow_symlinks=False):
                folders.append(parent / entry.name)
            elif entry.is_file(follow_symlinks=False):
                found.append((parent / entry.name, False))


EMPTY_WANTED = 'a file or folder, or "." for this one'
NOWHERE = "a symbolic link that leads nowhere (its target is missing, or it points to itself)"
NESTED = "a zip archive inside a zip inside a zip is not read: extract it and ingest its files"


def _leads_nowhere(path: Path) -> bool:
    """A link whose target is missing or loops: not a file, yet one the user gave."""
    return path.is_symlink() and not path.exists()


def _wanted(path: Path) -> bool:
    return path.suffix.lower() in SUFFIXES | {".zip"}


def _expand(path: Path, nowhere: bool | None = None) -> list[Input]:
    """The inputs a file stands for (``nowhere``: whether it is a link that leads nowhere,
    when its folder's listing said so)."""
    if _leads_nowhere(path) if nowhere is None else nowhere:
        return [Input(str(path), problem=NOWHERE)]
    if path.suffix.lower() != ".zip" and not _is_zip(path):
        return [Input(str(path))]
    try:
        with zipfile.ZipFile(path) as archive:
            files = _files_in(archive)
            found = [i for name, copy in files for i in _members(str(path), archive, name, copy)]
    except (zipfile.BadZipFile, OSError) as exc:
        return [Input(str(path), problem=f"not a readable zip archive: {exc}")]
    if not found:
        # An archive of nothing to read is still a file the user gave: say so, once.
        return [Input(str(path), problem=_nothing_in(files))]
    return found


def _files_in(archive: zipfile.ZipFile) -> list[tuple[str, int]]:
    """Each member's name and which of that name's members it is (1, 2... in the
    archive's order), by name."""
    copies: Counter[str] = Counter()
    files = []
    for info in archive.infolist():
        if not info.is_dir():
            copies[info.filename] += 1
            files.append((info.filename, copies[info.filename]))
    return sorted(files)


def _copies(archive: zipfile.ZipFile) -> dict[str, list[zipfile.ZipInfo]]:
    """Each name's members in the archive's order: ``getinfo`` and ``read`` by name
    answer only the last of them."""
    copies: dict[str, list[zipfile.ZipInfo]] = {}
    for info in archive.infolist():
        copies.setdefault(info.filename, []).append(info)
    return copies


def _nothing_in(files: list[tuple[str, int]]) -> str:
    others = f" ({_files(len(files))})" if files else ""
    return f"the zip archive holds no PDF or text file{others}"


def _members(path: str, archive: zipfile.ZipFile, name: str, copy: int) -> list[Input]:
    """The letters a member stands for: itself, none (another kind of file), or for a zip
    inside the zip (an archive of monthly archives), its own PDF and text members, read
    from memory; a zip a level deeper is failed, not opened."""
    if _suffix(name) in SUFFIXES:
        return [Input(path, name, member_copy=copy)]
    if _suffix(name) != ".zip":
        return []
    limit = settings.OPENIMR_PDF_MEMORY_MB * 1024 * 1024
    info = _copies(archive)[name][copy - 1]
    if info.file_size > limit:
        mb = f"{info.file_size / 2**20:,.0f} MB, more than the {limit // 2**20} MB"
        return [Input(path, name, f"too large: {mb} a reader may use", member_copy=copy)]
    try:
        with zipfile.ZipFile(io.BytesIO(member_bytes(archive, info))) as nested:
            files = _files_in(nested)
    except Exception as exc:  # damaged, encrypted, not a zip: this member fails alone
        problem = f"not a readable zip archive: {type(exc).__name__}: {exc}"
        return [Input(path, name, problem, member_copy=copy)]
    found = [
        Input(path, name, NESTED if _suffix(inner) == ".zip" else "", inner, copy, inner_copy)
        for inner, inner_copy in files
        if _suffix(inner) in SUFFIXES | {".zip"}
    ]
    return found or [Input(path, name, _nothing_in(files), member_copy=copy)]


def _suffix(name: str) -> str:
    return Path(name).suffix.lower()


def _files(count: int) -> str:
    return f"{count} other file" + ("" if count == 1 else "s")


def _is_zip(path: Path) -> bool:
    # Plain system calls: a file object costs 8 microseconds more a file, on every letter.
    try:
        handle = os.open(path, os.O_RDONLY)
    except OSError:  # read when its turn comes, and failed then with why
        return False
    try:
        return os.read(handle, 4) == b"PK\x03\x04"
    except OSError:
        return False
    finally:
        os.close(handle)


def size_of(item: Input) -> int:
    """Its size, read from the archive's directory for a member (nothing decompressed)."""
    if item.member is None:
        return os.path.getsize(item.path)
    return _entry(item)[1].file_size


def bytes_of(item: Input) -> bytes:
    if item.member is None:
        return Path(item.path).read_bytes()
    archive, info = _entry(item)
    return member_bytes(archive.zip, info)


# zipfile's read() of a whole member decompresses all its data (up to a gigabyte a step)
# before cutting it to the size the archive declares: a member declaring 100 bytes and
# holding gigabytes (a zip bomb that lies) filled the main process past every size check.
# Read a step at a time, each step's output is at most the step (deflate) and all of them
# at most the declared size, which the callers have checked; then the CRC refuses it.
_STEP = 1 << 20
# bzip2 and LZMA decompress a read's compressed bytes whole (no output limit): 4,096 bytes
# (zipfile's least read) of bzip2 can hold gigabytes, 64 a few blocks of 46 MB at most.
_COMPRESSED_STEP = 64


def member_bytes(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """A member's bytes, never decompressing much more than its declared size (a lying
    one fails on its CRC: zipfile.BadZipFile)."""
    step = _STEP
    parts = []
    with archive.open(info) as member:
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            member.MIN_READ_SIZE = step = _COMPRESSED_STEP  # type: ignore[attr-defined]
        while chunk := member.read(step):
            parts.append(chunk)
    return b"".join(parts)


def bytes_within(item: Input, limit: int) -> tuple[int, bytes | None]:
    """Its size and its bytes, or None for them when it is larger than ``limit`` (not read).
    A file on disk is opened once, sized by its open handle and read from it: a third of
    the cost of a size asked by name and a file object's read (``size_of``, ``bytes_of``),
    which anything but a regular file still takes, to fail as they fail."""
    if item.member is not None:
        size = size_of(item)
        return size, bytes_of(item) if size <= limit else None
    handle = os.open(item.path, os.O_RDONLY)
    try:
        found = os.fstat(handle)
        if not stat.S_ISREG(found.st_mode):
            size = size_of(item)
            return size, bytes_of(item) if size <= limit else None
        if found.st_size > limit:
            return found.st_size, None
        # Read to its end: a file written to since it was sized is read whole, as it is.
        parts = [os.read(handle, found.st_size + 1)]
        while parts[-1]:
            parts.append(os.read(handle, 1 << 20))
        return found.st_size, b"".join(parts) if len(parts) > 2 else parts[0]
    finally:
        os.close(handle)


@dataclass(frozen=True)
class _Open:
    zip: zipfile.ZipFile
    copies: dict[str, list[zipfile.ZipInfo]]


def _entry(item: Input) -> tuple[_Open, zipfile.ZipInfo]:
    """A member's archive and its own entry, found by its name and copy."""
    assert item.member is not None
    if item.inner is None:
        archive = _archive(item.path)
        return archive, archive.copies[item.member][item.member_copy - 1]
    archive = _archive(item.path, item.member, item.member_copy)
    return archive, archive.copies[item.inner][item.inner_copy - 1]


def _archive(path: str, member: str | None = None, copy: int = 1) -> _Open:
    """The zip on disk at ``path``, or the zip that is its member ``member`` (held in
    memory, its size checked when it was listed)."""
    archive = _ARCHIVES.get((path, member, copy))
    if archive is not None:
        return archive
    # Members come in archive order: keep one archive (and one inside it) open, not one
    # per zip ever seen.
    for key in [key for key in _ARCHIVES if key != (path, None, 1)]:
        _ARCHIVES.pop(key).zip.close()
    outer = _ARCHIVES.get((path, None, 1))
    if outer is None:
        opened = zipfile.ZipFile(path)
        outer = _ARCHIVES[(path, None, 1)] = _Open(opened, _copies(opened))
    if member is None:
        return outer
    nested = zipfile.ZipFile(io.BytesIO(member_bytes(outer.zip, outer.copies[member][copy - 1])))
    archive = _ARCHIVES[(path, member, copy)] = _Open(nested, _copies(nested))
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
    member = _copy_named(item.member, item.member_copy)
    inner = f":{_copy_named(item.inner, item.inner_copy)}" if item.inner else ""
    return hashlib.sha256(f"{digest}:{member}{inner}".encode()).hexdigest()


def archives_close() -> None:
    for archive in _ARCHIVES.values():
        archive.zip.close()
    _ARCHIVES.clear()


def digests_forget() -> None:
    """At the start of an ingest: a file may have changed since the last one."""
    _DIGESTS.clear()
