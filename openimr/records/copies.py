"""The copy a reader gets (pdf_active.py), kept on disk once made: 0.28 s for 300 pages
made again on every download, for the same bytes every time.

Kept under ``MEDIA_ROOT/record-copies/<record's SHA-256>/``, beside the stored files and in
their backups, as ``<record's SHA-256>.v<COPY_VERSION>.<copy's SHA-256>.pdf``: the key is the
original's content and the version of the copy (raised whenever what the copy keeps or
leaves changes), so a copy made the old way, or of other bytes, is never found. Written to a
temporary file and renamed, and served only when its bytes still hash to its name: a copy
damaged on disk, or left short by a crash, is removed and made again. The same bytes in two
cases are one copy; who may read it is decided before (the views' access
helpers). `openimr files sweep` removes a copy whose record is gone or whose version is old
(``record_copies_named``)."""

import hashlib
import logging
import os
import tempfile
from pathlib import Path

from django.conf import settings

from openimr.records.pdf_active import COPY_VERSION

FOLDER = "record-copies"
logger = logging.getLogger(__name__)


def _folder(record_sha256: str) -> Path:
    return Path(settings.MEDIA_ROOT) / FOLDER / record_sha256


def _prefix(record_sha256: str) -> str:
    return f"{record_sha256}.v{COPY_VERSION}."


def _kept(record_sha256: str) -> list[Path]:
    """This version's copies of these bytes, by name (two requests may each have made one)."""
    prefix = _prefix(record_sha256)
    try:
        names = sorted(os.listdir(_folder(record_sha256)))
    except FileNotFoundError:
        return []
    return [
        _folder(record_sha256) / n for n in names if n.startswith(prefix) and n.endswith(".pdf")
    ]


def copy_cached(record_sha256: str) -> bytes | None:
    """The kept copy of the record with these bytes, if one hashes to its name."""
    for path in _kept(record_sha256):
        expected = path.name[len(_prefix(record_sha256)) : -len(".pdf")]
        try:
            data = path.read_bytes()
        except FileNotFoundError:  # replaced since listed
            continue
        if hashlib.sha256(data).hexdigest() == expected:
            return data
        logger.warning("a kept copy did not match its hash and was removed: %s", path.name)
        path.unlink(missing_ok=True)
    return None


def copy_cached_size(record_sha256: str) -> int | None:
    """The size of the kept copy, unread (a HEAD request's Content-Length); None if none."""
    for path in _kept(record_sha256):
        try:
            return path.stat().st_size
        except FileNotFoundError:
            continue
    return None


def copy_keep(record_sha256: str, data: bytes) -> None:
    """Keep ``data`` as the copy of the record with these bytes, atomically, and remove any
    other copy of them (an older version, or one a concurrent request made). A copy that
    cannot be written (a full or read-only disk) is logged: the reader gets it all the same."""
    folder = _folder(record_sha256)
    target = folder / f"{_prefix(record_sha256)}{hashlib.sha256(data).hexdigest()}.pdf"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # No fsync: a copy a crash left short or empty fails its hash and is made again,
        # and a sync cost each first download about 10 ms a file here.
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".", delete=False) as handle:
            handle.write(data)
        os.replace(handle.name, target)
    except OSError as exc:
        logger.warning("the copy of %s could not be kept: %s", record_sha256, exc)
        return
    for other in folder.iterdir():
        if other != target and not other.name.startswith("."):
            other.unlink(missing_ok=True)


def record_copy_current(relative_path: str, record_sha256s: set[str]) -> bool:
    """Whether a file under the copies' folder is a current copy of some record's bytes:
    named by one of ``record_sha256s`` (the records that exist) and this copy version."""
    parts = Path(relative_path).parts
    if len(parts) != 3 or parts[0] != FOLDER:
        return False
    sha = parts[1]
    return sha in record_sha256s and parts[2].startswith(_prefix(sha)) and parts[2].endswith(".pdf")
