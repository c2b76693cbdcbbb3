"""A second level under a process's corpus cache (openimr.decisions.corpus): answers kept as
files, so that the server's worker processes on one machine share what each computed.

Measured under bench/load.py at a million letters (docs/benchmarks.md, "Load"): each of
the two workers filled its own copy of the public search pages, so every distinct search
was computed once per worker; a search computed cold is tens of milliseconds, a file read
a fraction of one.

Files live in ``<folder>/<code>/<removal stamp>/<digest of the key>``, each with the stamps
it was computed under and the end of its lease (openimr.decisions.corpus decides whether it
may still be served): an answer computed before a letter was withdrawn is never read, nor
one that other code wrote (``code``: a digest of the app's files' sizes and times, so a
deploy or a reload starts an empty shelf; a page is markup from templates, a panel an object
of its class); the folders of other removal stamps and code are removed when a new one is
made. Written to a temporary name and renamed, so a reader sees a whole file or none; an
answer computed again replaces its file. Bounded: when a folder holds ``size`` files, the
oldest half go."""

import functools
import hashlib
import os
import pickle
import shutil
import struct
import tempfile
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any, NamedTuple

_HEADER = struct.Struct("<qqd")  # written stamp, removal stamp, lease end (Unix time)


class Kept(NamedTuple):
    """An answer with the corpus stamps it was computed under and the end of its lease."""

    written: int
    removal: int
    lease_ends: float
    value: Any


class Shelf:
    """Answers by key as files under ``folder``; values through encode/decode."""

    def __init__(
        self,
        folder: Callable[[], Path],
        size: int,
        encode: Callable[[Any], bytes],
        decode: Callable[[bytes], Any],
    ) -> None:
        # The folder is asked for late: settings (the data folder) are read at first use.
        self._folder, self.size, self.encode, self.decode = folder, size, encode, decode
        self._made: tuple[Path, int] | None = None
        self._puts = 0

    def _path(self, removal: int, key: Hashable) -> Path:
        digest = hashlib.sha256(repr(key).encode()).hexdigest()
        return self._folder() / code_version() / str(removal) / digest

    def get(self, removal: int, key: Hashable) -> Kept | None:
        try:
            data = self._path(removal, key).read_bytes()
        except OSError:
            return None
        try:
            written, kept_removal, lease_ends = _HEADER.unpack_from(data)
            return Kept(written, kept_removal, lease_ends, self.decode(data[_HEADER.size :]))
        except (ValueError, EOFError, struct.error, pickle.UnpicklingError):
            return None

    def put(self, key: Hashable, kept: Kept) -> None:
        """Best effort: a full disk or a folder removed meanwhile only costs the sharing."""
        path = self._path(kept.removal, key)
        try:
            self._ready(path.parent, kept.removal)
            with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as out:
                out.write(_HEADER.pack(kept.written, kept.removal, kept.lease_ends))
                out.write(self.encode(kept.value))
            os.replace(out.name, path)
        except OSError:
            return

    def _ready(self, folder: Path, stamp: int) -> None:
        if self._made == (folder, stamp) and folder.is_dir():
            self._puts += 1
            # Counted now and then, not at every write: a listing costs a millisecond.
            if self._puts % 64 == 0 and sum(1 for _ in os.scandir(folder)) >= self.size:
                self._thin(folder)
            return
        folder.mkdir(parents=True, exist_ok=True)
        for level in (folder, folder.parent):
            for other in level.parent.iterdir():
                if other != level:
                    shutil.rmtree(other, ignore_errors=True)
        self._made = (folder, stamp)

    @staticmethod
    def _thin(folder: Path) -> None:
        entries = sorted(os.scandir(folder), key=lambda e: e.stat().st_mtime)
        for entry in entries[: len(entries) // 2]:
            Path(entry.path).unlink(missing_ok=True)


def encode_page(value: tuple[int, bytes]) -> bytes:
    status, content = value
    return b"%03d" % status + content


def decode_page(data: bytes) -> tuple[int, bytes]:
    if len(data) < 3 or not data[:3].isdigit():
        raise ValueError("not a kept page")
    return int(data[:3]), data[3:]


def encode_object(value: Any) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def decode_object(data: bytes) -> Any:
    """Only files this app wrote, in its own data folder (beside its database and key)."""
    return pickle.loads(data)


@functools.cache
def code_version() -> str:
    """The app's code and templates as installed: their paths, sizes and change times."""
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.suffix in {".py", ".html", ".txt"} and "tests" not in path.parts:
            info = path.stat()
            digest.update(f"{path}:{info.st_size}:{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]


def data_folder(name: str) -> Callable[[], Path]:
    """``<data folder>/cache/<name>``, asked of the settings when first used."""

    def folder() -> Path:
        from django.conf import settings  # noqa: PLC0415

        return Path(settings.DATA_DIR) / "cache" / name

    return folder
