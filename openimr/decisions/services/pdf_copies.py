"""The published PDFs a corpus ingest keeps: one copy per content under MEDIA_ROOT, named
by its hash, written whole or not at all, and removed again when no stored letter points to
it (`openimr.decisions.services.ingest`)."""

import contextlib
import os
import threading

from django.conf import settings

from openimr.decisions.ingest_selectors import pointed_paths

FOLDER = "corpus/published"


def pdf_store(data: bytes, digest: str) -> str:
    """Keep a published PDF once, by hash, under MEDIA_ROOT (two-letter subfolders keep a
    million files browsable). Written to a temporary name and renamed, so a killed ingest
    leaves the whole file or none; not fsynced file by file (that tripled the time of a
    batch here): a file lost to a power cut is written again by the next ingest of it.
    Plain ``os`` calls: ``tempfile`` and ``pathlib`` added about a fifth to the file system's
    own cost. Not first asked whether the file is there: the ingest stores only files it
    has not stored, so the copy is there only when an ingest was killed before its batch
    was committed, and that copy (not fsynced) may be the one a power cut left short."""
    relative = pdf_path(digest)
    target = os.path.join(settings.MEDIA_ROOT, relative)
    # Unique to this thread, so two threads storing the same file never share one.
    partial = f"{target}.{os.getpid()}-{threading.get_ident()}.part"
    try:
        descriptor = os.open(partial, _NEW_FILE, 0o600)
    except FileNotFoundError:  # its folder's first file (makedirs each time: 0.01 ms)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        descriptor = os.open(partial, _NEW_FILE, 0o600)
    try:
        written = 0
        while written < len(data):
            written += os.write(descriptor, data[written:] if written else data)
    finally:
        os.close(descriptor)
    os.replace(partial, target)
    return relative


def pdf_path(digest: str) -> str:
    """Where the PDF of this hash is kept, under MEDIA_ROOT: one file per content, which
    every letter of those bytes shares."""
    return f"{FOLDER}/{digest[:2]}/{digest}.pdf"


_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_TRUNC


def copies_unkept(paths: list[str]) -> None:
    """Remove the PDF copies of letters the batch did not keep (a duplicate case number, or
    a file another ingest stored first), once the batch is committed, unless a decision
    points to the copy. A copy is named by its bytes' hash, so only a letter of the same
    bytes can point to it, and no uncommitted one will: this batch found the case number
    taken (by a committed decision or one of its own, committed now), and a case taken
    stays taken, so another ingest of the same bytes finds it so too and keeps nothing.
    Before, every such copy stayed under MEDIA_ROOT with nothing pointing to it."""
    paths = [p for p in dict.fromkeys(paths) if p]
    if not paths:
        return
    pointed = pointed_paths(paths)
    for relative in paths:
        # Missing already: another run of the same bytes removed it first.
        if relative not in pointed:
            with contextlib.suppress(FileNotFoundError):
                os.remove(os.path.join(settings.MEDIA_ROOT, relative))
