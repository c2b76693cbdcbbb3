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
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import IntegrityError

from openimr.audit.services import Actor
from openimr.core import sandbox
from openimr.core.collector import collector_spared
from openimr.decisions.ingest_reader import ReadLetter, read_published
from openimr.decisions.ingest_selectors import seen_hashes, stored_hashes
from openimr.decisions.models import PDF_WITHHELD, Source
from openimr.decisions.services.ingest_audit import ingest_run_audited
from openimr.decisions.services.ingest_inputs import (
    FolderLink,
    Input,
    archives_close,
    bytes_within,
    digests_forget,
    inputs_in,
    size_of,
    unread_digest,
)
from openimr.decisions.services.pdf_copies import copies_unkept, pdf_path, pdf_store
from openimr.decisions.services.store import SourceRead, decision_rows, sources_store
from openimr.letters.parsing import LetterUnreadable
from openimr.letters.parsing.sandboxed import kind_of

BATCH = 250
# Files handed out ahead of the one being stored, per worker, and their bytes at most: the
# main thread stores a batch (a few hundred ms) while the readers go on with these. With 4
# the readers stood idle through every store: 9.6 ms a PDF end to end against 7.1 ms read.
AHEAD = 64
AHEAD_BYTES = 256 * 1024 * 1024
# Files sent to a reader in one round trip (and their bytes at most): the pipe's fixed cost
# and the wake-ups on both sides are paid once per chunk; each file keeps its own limits.
CHUNK = 16
CHUNK_BYTES = 4 * 1024 * 1024
WITHHELD = PDF_WITHHELD


@dataclass
class Summary:
    found: int = 0  # every file and zip member given: parsed + failed + skipped
    parsed: int = 0
    warned: int = 0
    failed: int = 0
    skipped: int = 0
    by_layout: Counter[str] = field(default_factory=Counter)
    failures: list[tuple[str, str]] = field(default_factory=list)
    # Skipped as a text copy of a letter stored from its PDF, with why (among ``skipped``).
    copies: list[tuple[str, str]] = field(default_factory=list)
    # Each link to a folder met under a folder given, entered or not (``FolderLink``).
    links: list[FolderLink] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "found": self.found,
            "parsed": self.parsed,
            "warned": self.warned,
            "failed": self.failed,
            "skipped": self.skipped,
            "by_layout": dict(sorted(self.by_layout.items())),
            "failures": [{"file": f, "reason": r} for f, r in self.failures],
            "copies": [{"file": f, "reason": r} for f, r in self.copies],
            "links": [
                {"link": k.link, "target": k.target, "followed": k.followed} for k in self.links
            ],
        }


_SEEN: set[str] = set()


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


@dataclass(frozen=True)
class _File:
    """A file to read, with its bytes and their hash (taken by the main thread). A file
    left unread (``item.problem``: too large, or a zip member that cannot be extracted) has
    no bytes; ``size`` is its own."""

    item: Input
    data: bytes
    digest: str
    size: int


def _reads_of(files: list[_File], answers: list[Any]) -> list[SourceRead]:
    """Each file's read from its answer: a de-identified letter, or the error it met."""
    return [_read(file, answer) for file, answer in zip(files, answers, strict=True)]


def _read(file: _File, answer: ReadLetter | BaseException) -> SourceRead:
    if isinstance(answer, sandbox.SandboxFailed):
        return _failed(file, f"unreadable {kind_of(file.data)}: it {answer}")
    if isinstance(answer, LetterUnreadable):
        return _failed(file, str(answer))
    if isinstance(answer, BaseException):  # a parser bug must fail this file, not the ingest
        return _failed(file, f"{type(answer).__name__}: {answer}")
    try:
        return _stored_form(file, answer)
    except Exception as exc:
        return _failed(file, f"{type(exc).__name__}: {exc}")


def _failed(file: _File, error: str) -> SourceRead:
    return SourceRead(file.item.name, file.digest, file.size, error=error)


def _file(item: Input, limit: int) -> _File:
    """The file's bytes and their hash. A file larger than a reader may hold (``limit``:
    a zip member decompressing to gigabytes would otherwise fill the main process) or a
    zip member that cannot be extracted (damaged, encrypted, compressed in an unknown way)
    is not read: it fails with why, so that neither ends the ingest nor every rerun."""
    if item.problem:  # an archive that cannot be opened, a nested zip, a link to nowhere
        return _unread(item, _size(item), item.problem)
    try:
        size, data = bytes_within(item, limit)
        if data is None:
            mb = f"{size / sandbox.MB:,.0f} MB, more than the {limit // sandbox.MB} MB"
            return _unread(item, size, f"too large: {mb} a reader may use")
    except Exception as exc:
        # A file removed (or made unreadable) since it was listed fails alone, not the run.
        where = "could not be read" if item.member is None else "unreadable zip member"
        return _unread(item, 0, f"{where}: {type(exc).__name__}: {exc}")
    return _File(item, data, hashlib.sha256(data).hexdigest(), len(data))


def _size(item: Input) -> int:
    try:
        return size_of(item)
    except Exception:  # a link to nowhere, an archive that cannot be opened: no size
        return 0


def _unread(item: Input, size: int, reason: str) -> _File:
    """A file left unread, failed with ``reason``, under a hash that is the same in every
    run, so a rerun skips it."""
    return _File(replace(item, problem=reason), b"", unread_digest(item), size)


def _stored_form(file: _File, read: ReadLetter) -> SourceRead:
    """A de-identified letter (``read_published``) laid out as the corpus stores it; its
    PDF is kept only when de-identification left the letter as it was (the file would
    print what was removed)."""
    # A letter that prints no case number (the seed's layout) has the parser's placeholder,
    # UNNUMBERED- and its text's hash, with a warning (docs/parser.md).
    letter = read.letter
    document, warnings = letter.case, list(letter.warnings)
    is_pdf = _is_pdf(file.data)
    if is_pdf and read.changed:
        warnings.append(WITHHELD)
        is_pdf = False
    rows = decision_rows(
        document=document,
        source=Source.PUBLISHED,
        layout=letter.layout,
        content_sha256=file.digest,
        letter_path=pdf_path(file.digest) if is_pdf else "",
        warnings=warnings,
        confidence=letter.confidence,
        deidentified=True,
    )
    # Written once the letter laid out: a file failing here leaves no copy behind. The
    # store removes the copy of a letter it does not keep (`sources_store`).
    if is_pdf:
        pdf_store(file.data, file.digest)
    name = file.item.name
    return SourceRead(name, file.digest, file.size, letter.layout, "", tuple(warnings), rows)


def corpus_ingest(
    paths: Iterable[str | Path],
    *,
    actor: Actor,
    workers: int = 1,
    batch: int = BATCH,
    on_start: Callable[[int], None] | None = None,
    on_read: Callable[[], None] | None = None,
    os_user: str = "",
) -> Summary:
    """Ingest every letter under ``paths``; see the module's docstring. The run is one
    audit event (`ingest_run_audited`; ``os_user``: who ran the command line), written
    however it ends; paths refused before anything is read write none."""
    with collector_spared():
        links: list[FolderLink] = []
        given = list(paths)
        items = inputs_in(given, links)
        if on_start:
            on_start(len(items))
        summary = Summary(found=len(items), links=links)
        with ingest_run_audited(paths=given, actor=actor, summary=summary, os_user=os_user):
            _ingest(items, summary, actor=actor, workers=workers, batch=batch, on_read=on_read)
        return summary


def _ingest(
    items: list[Input],
    summary: Summary,
    *,
    actor: Actor,
    workers: int,
    batch: int,
    on_read: Callable[[], None] | None,
) -> None:
    _SEEN.clear()
    _SEEN.update(seen_hashes())
    digests_forget()
    pending = list[SourceRead]()
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


def _reads(items: list[Input], workers: int) -> Iterator[SourceRead | None]:
    """Each file's read, in order (None for a file already seen). The main thread reads
    the bytes (archives stay on it) and hashes them; files for the readers go in chunks
    of up to ``CHUNK`` files, one pipe round trip each, to threads that wait for the
    readers' answers (each file parsed and de-identified there) and lay out its rows,
    while the main thread stores the batches already read."""
    limits = sandbox.Limits(
        seconds=settings.OPENIMR_PDF_TIMEOUT_SECONDS,
        memory_bytes=settings.OPENIMR_PDF_MEMORY_MB * sandbox.MB,
    )
    with (
        sandbox.Readers(workers) as readers,
        # Twice as many threads as readers: while one lays out the rows of a chunk it got
        # back, another's chunk is in a reader, so no reader waits for them.
        ThreadPoolExecutor(2 * workers, thread_name_prefix="openimr-ingest") as threads,
    ):
        reading = _Reading(readers, limits, text_in_readers=workers > 1)
        ahead: deque[tuple[Future[list[SourceRead | None]], int, int]] = deque()
        chunk: list[_File] = []
        held = files = 0
        taken: set[str] = set()
        for item in items:
            file = _file(item, limits.memory_bytes)
            data = file.data
            if file.digest in _SEEN or file.digest in taken:
                ahead.append((_done([None]), 1, len(data)))
            elif not file.item.problem and reading.in_reader(data):
                taken.add(file.digest)
                chunk.append(file)
                if len(chunk) < CHUNK and sum(len(f.data) for f in chunk) < CHUNK_BYTES:
                    continue
                ahead.append(_submitted(threads, chunk, reading))
                chunk = []
            else:
                taken.add(file.digest)
                ahead.append(_here(chunk, file, threads, reading, ahead))
                chunk = []
            held, files = held + len(data), files + 1
            while ahead and (files >= workers * AHEAD or held > AHEAD_BYTES):
                future, count, size = ahead.popleft()
                held, files = held - size, files - count
                yield from future.result()
        if chunk:
            ahead.append(_submitted(threads, chunk, reading))
        for future, _, _ in ahead:
            yield from future.result()
    archives_close()


def _done(reads: list[SourceRead | None]) -> "Future[list[SourceRead | None]]":
    done: Future[list[SourceRead | None]] = Future()
    done.set_result(reads)
    return done


def _submitted(
    threads: ThreadPoolExecutor, chunk: list[_File], reading: _Reading
) -> "tuple[Future[list[SourceRead | None]], int, int]":
    """A chunk handed to a thread, which sends it to a reader in one round trip."""

    def read() -> list[SourceRead | None]:
        datas = [f.data for f in chunk]
        answers: list[ReadLetter | Exception]
        try:
            answers = list(reading.readers.run_each(read_published, datas, limits=reading.limits))
        except Exception as exc:  # the readers themselves failed: each file fails, with why
            answers = [exc] * len(chunk)
        return list(_reads_of(chunk, answers))

    return threads.submit(read), len(chunk), sum(len(f.data) for f in chunk)


def _here(
    chunk: list[_File],
    file: _File,
    threads: ThreadPoolExecutor,
    reading: _Reading,
    ahead: "deque[tuple[Future[list[SourceRead | None]], int, int]]",
) -> "tuple[Future[list[SourceRead | None]], int, int]":
    """A file read in this thread (a text letter with one worker, or a failed archive):
    the chunk gathered before it goes first, so that reads stay in order."""
    if chunk:
        ahead.append(_submitted(threads, chunk, reading))
    if file.item.problem:
        return _done([_failed(file, file.item.problem)]), 1, len(file.data)
    try:
        answer: ReadLetter | Exception = read_published(file.data)
    except Exception as exc:  # a parser bug must fail this file, not the ingest
        answer = exc
    return _done([_read(file, answer)]), 1, len(file.data)


# Tries at storing one batch while other ingests store the same files (below).
_STORE_TRIES = 3


def _flush(pending: list[SourceRead], actor: Actor, summary: Summary) -> None:
    if not pending:
        return
    copies = {r.sha256: r.rows.columns["letter_path"] for r in pending if r.rows is not None}
    for tries_left in range(_STORE_TRIES - 1, -1, -1):
        try:
            outcome = sources_store(reads=pending, actor=actor)
            break
        except IntegrityError:
            # Another ingest (on this machine, or on another one sharing the database) stored
            # some of these files, or their case numbers, after this run listed what it had
            # seen: the batch rolled back whole; its files now stored are skipped as known,
            # and the rest stored again, each case number checked anew.
            if not tries_left:
                raise
            stored = stored_hashes([read.sha256 for read in pending])
            summary.skipped += len(stored)
            pending[:] = [read for read in pending if read.sha256 not in stored]
            copies_unkept([copies.get(sha, "") for sha in stored])
            if not pending:
                return
    for read in outcome.parsed:
        summary.parsed += 1
        summary.warned += bool(read.warnings)
        summary.by_layout[read.layout] += 1
    summary.failed += len(outcome.failed)
    summary.skipped += len(outcome.copies)
    summary.copies += [(read.name, read.warnings[-1]) for read in outcome.copies]
    copies_unkept([copies.get(read.sha256, "") for read in outcome.failed])
    summary.failures += [(read.name, read.error) for read in outcome.failed]
    pending.clear()
