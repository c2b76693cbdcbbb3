"""Reading published letters into the corpus: `openimr corpus ingest PATH...`.

Files are found in folders (recursively), zip archives (their PDF and text members), and
as PDFs and text files named directly. Each PDF is parsed in a sandbox reader process
(openimr.core.sandbox: pypdfium2 is not thread-safe, and a hostile PDF that crashes pdfium,
loops or needs gigabytes fails that file, recorded with its reason, not the ingest); with
more than one worker, text letters are parsed in the readers too, in parallel. ``workers``
is the number of readers; as many threads of the main process hand them files and wait,
then de-identify. The main process stores the results in transactions of a few hundred
files (`sources_store`), each batch's SourceFile rows with its decisions, so that a killed
ingest leaves every batch whole or absent and a rerun redoes only the batch it lost.

A file is known by the SHA-256 of its bytes: a file already stored (parsed or failed) is
skipped before it is parsed, so a second run adds nothing. A file that cannot be read or
parsed is stored as failed with the reason, never dropped.
"""

import hashlib
import os
import tempfile
import zipfile
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings

from openimr.audit.services import Actor
from openimr.core import sandbox
from openimr.core.errors import InvalidInput, Problem
from openimr.decisions.ingest_selectors import seen_hashes
from openimr.decisions.models import Source
from openimr.decisions.services.store import SourceRead, decision_rows, sources_store
from openimr.letters.parsing import LetterUnreadable, ParsedLetter
from openimr.letters.parsing.sandboxed import parse_letter, parse_letter_sandboxed

SUFFIXES = {".pdf", ".txt", ".text"}
BATCH = 250
# Files handed out ahead of the one being stored, per worker, and their bytes at most: the
# main thread stores a batch (a few hundred ms) while the readers go on with these. With 4
# the readers stood idle through every store: 9.6 ms a PDF end to end against 7.1 ms read.
AHEAD = 64
AHEAD_BYTES = 256 * 1024 * 1024
FOLDER = "corpus/published"
NO_NUMBER = "the letter states no case number; it is filed under its content hash"


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


@dataclass
class Summary:
    parsed: int = 0
    warned: int = 0
    failed: int = 0
    skipped: int = 0
    by_layout: Counter[str] = field(default_factory=Counter)
    failures: list[tuple[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "parsed": self.parsed,
            "warned": self.warned,
            "failed": self.failed,
            "skipped": self.skipped,
            "by_layout": dict(sorted(self.by_layout.items())),
            "failures": [{"file": f, "reason": r} for f, r in self.failures],
        }


def inputs_in(paths: Iterable[str | Path]) -> list[Input]:
    """Every file to read under these paths, in a stable order. InvalidInput (nothing read)
    when a path does not exist."""
    missing = [Problem(str(p), "no such file or folder") for p in paths if not Path(p).exists()]
    if missing:
        raise InvalidInput(missing)
    found: list[Input] = []
    for path in map(Path, paths):
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file())
            found += [i for f in files if _wanted(f) for i in _expand(f)]
        else:
            found += _expand(path)
    return found


def _wanted(path: Path) -> bool:
    return path.suffix.lower() in SUFFIXES | {".zip"}


def _expand(path: Path) -> list[Input]:
    if path.suffix.lower() != ".zip" and not _is_zip(path):
        return [Input(str(path))]
    try:
        with zipfile.ZipFile(path) as archive:
            members = sorted(
                i.filename
                for i in archive.infolist()
                if not i.is_dir() and Path(i.filename).suffix.lower() in SUFFIXES
            )
    except (zipfile.BadZipFile, OSError) as exc:
        return [Input(str(path), problem=f"not a readable zip archive: {exc}")]
    return [Input(str(path), member) for member in members]


def _is_zip(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(4) == b"PK\x03\x04"


# Archives are opened by the main thread only (zipfile objects are not shared across threads).
_SEEN: set[str] = set()
_ARCHIVES: dict[str, zipfile.ZipFile] = {}


@dataclass(frozen=True)
class _Reading:
    """How the files of one ingest are read: the readers, their limits, and whether text
    letters go to them too (with more than one, they parse in parallel)."""

    readers: sandbox.Readers
    limits: sandbox.Limits
    text_in_readers: bool

    def in_reader(self, data: bytes) -> bool:
        return _is_pdf(data) or self.text_in_readers


def _is_pdf(data: bytes) -> bool:
    return data.lstrip()[:5] == b"%PDF-"


def read_input(item: Input, data: bytes, reading: _Reading) -> SourceRead | None:
    """Parse and de-identify one file; None when its hash is already stored. Every error
    becomes a failed read with its reason: one bad file never stops an ingest."""
    digest = hashlib.sha256(data).hexdigest()
    if digest in _SEEN:
        return None
    if item.problem:
        return SourceRead(item.name, digest, len(data), error=item.problem)
    try:
        return _parsed(item, data, digest, reading)
    except LetterUnreadable as exc:
        return SourceRead(item.name, digest, len(data), error=str(exc))
    except Exception as exc:  # a parser bug must fail this file, not the ingest
        return SourceRead(item.name, digest, len(data), error=f"{type(exc).__name__}: {exc}")


def _bytes(item: Input) -> bytes:
    if item.member is None:
        return Path(item.path).read_bytes()
    archive = _ARCHIVES.get(item.path)
    if archive is None:
        # Members come in archive order: keep one archive open, not one per zip ever seen.
        for other in _ARCHIVES.values():
            other.close()
        _ARCHIVES.clear()
        archive = _ARCHIVES[item.path] = zipfile.ZipFile(item.path)
    return archive.read(item.member)


def _parsed(item: Input, data: bytes, digest: str, reading: _Reading) -> SourceRead:
    is_pdf = _is_pdf(data)
    if reading.in_reader(data):
        letter = parse_letter_sandboxed(data, limits=reading.limits, readers=reading.readers)
    else:
        letter = parse_letter(data)
    document, warnings = _numbered(letter, digest)
    rows = decision_rows(
        document=document,
        source=Source.PUBLISHED,
        layout=letter.layout,
        content_sha256=digest,
        letter_path=pdf_store(data, digest) if is_pdf else "",
        warnings=warnings,
        confidence=letter.confidence,
    )
    return SourceRead(item.name, digest, len(data), letter.layout, "", tuple(warnings), rows)


def _numbered(letter: ParsedLetter, digest: str) -> tuple[dict[str, Any], list[str]]:
    """The seed's layout prints no case number: such a letter is kept under its hash."""
    warnings = list(letter.warnings)
    if letter.case.get("case_number"):
        return letter.case, warnings
    return {**letter.case, "case_number": f"SHA-{digest[:24]}"}, [*warnings, NO_NUMBER]


def pdf_store(data: bytes, digest: str) -> str:
    """Keep a published PDF once, by hash, under MEDIA_ROOT (two-letter subfolders keep a
    million files browsable). Written to a temporary name and renamed, so a killed ingest
    leaves the whole file or none; not fsynced file by file (that tripled the time of a
    batch here): a file lost to a power cut is written again by the next ingest of it."""
    folder = Path(settings.MEDIA_ROOT) / FOLDER / digest[:2]
    target = folder / f"{digest}.pdf"
    if not target.exists():
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, delete=False) as handle:
            handle.write(data)
        os.replace(handle.name, target)
    return str(target.relative_to(settings.MEDIA_ROOT))


def corpus_ingest(
    paths: Iterable[str | Path],
    *,
    actor: Actor,
    workers: int = 1,
    batch: int = BATCH,
    on_start: Callable[[int], None] | None = None,
    on_read: Callable[[], None] | None = None,
) -> Summary:
    """Ingest every letter under ``paths``; see the module's docstring."""
    items = inputs_in(paths)
    if on_start:
        on_start(len(items))
    _SEEN.clear()
    _SEEN.update(seen_hashes())
    summary, pending = Summary(), list[SourceRead]()
    for read in _reads(items, workers):
        if on_read:
            on_read()
        if read is None or read.sha256 in _SEEN:
            summary.skipped += 1
            continue
        _SEEN.add(read.sha256)
        pending.append(read)
        if len(pending) >= batch:
            _flush(pending, actor, summary)
    _flush(pending, actor, summary)
    return summary


def _reads(items: list[Input], workers: int) -> Iterator[SourceRead | None]:
    """Each file's read, in order. The main thread reads the bytes (archives stay on it);
    threads hand each file to one of ``workers`` readers, wait, and de-identify the result."""
    limits = sandbox.Limits(
        seconds=settings.OPENIMR_PDF_TIMEOUT_SECONDS,
        memory_bytes=settings.OPENIMR_PDF_MEMORY_MB * sandbox.MB,
    )
    with (
        sandbox.Readers(workers) as readers,
        # Twice as many threads as readers: while one waits for a reader, another
        # de-identifies and writes the PDF it got back, so no reader waits for them.
        ThreadPoolExecutor(2 * workers, thread_name_prefix="openimr-ingest") as threads,
    ):
        reading = _Reading(readers, limits, text_in_readers=workers > 1)
        ahead: deque[tuple[Future[SourceRead | None], int]] = deque()
        held = 0
        for item in items:
            data = _bytes(item)
            ahead.append((_read_soon(threads, item, data, reading), len(data)))
            held += len(data)
            while len(ahead) >= workers * AHEAD or held > AHEAD_BYTES:
                future, size = ahead.popleft()
                held -= size
                yield future.result()
        for future, _ in ahead:
            yield future.result()
    for archive in _ARCHIVES.values():
        archive.close()
    _ARCHIVES.clear()


def _read_soon(
    threads: ThreadPoolExecutor, item: Input, data: bytes, reading: _Reading
) -> "Future[SourceRead | None]":
    """A file for a reader goes to a thread, which waits for it; a text letter parsed here
    (one worker) is read at once, sparing it the hand-over to a thread."""
    if reading.in_reader(data):
        return threads.submit(read_input, item, data, reading)
    done: Future[SourceRead | None] = Future()
    done.set_result(read_input(item, data, reading))
    return done


def _flush(pending: list[SourceRead], actor: Actor, summary: Summary) -> None:
    if not pending:
        return
    outcome = sources_store(reads=pending, actor=actor)
    for read in outcome.parsed:
        summary.parsed += 1
        summary.warned += bool(read.warnings)
        summary.by_layout[read.layout] += 1
    summary.failed += len(outcome.failed)
    summary.failures += [(read.name, read.error) for read in outcome.failed]
    pending.clear()
