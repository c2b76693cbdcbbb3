"""Stored files and PDF reading for the case file.

Uploads are sniffed by content, not by name (a PDF starts with ``%PDF-``), and opened with
pdfium in a sandbox reader process (``openimr.core.sandbox``) with a time and a memory limit
(``OPENIMR_PDF_TIMEOUT_SECONDS``, ``OPENIMR_PDF_MEMORY_MB``): a file that crashes pdfium,
loops or asks for gigabytes fails that reader, not the web or worker process. pdfium is not
thread-safe either; each reader reads one file at a time on one thread.

A small PDF can unpack into an enormous one (a "decompression bomb": thousands of pages
drawing one stream, or one page whose compressed content expands to gigabytes of text), so
reading stops at a page count and at a total of extracted characters, and says which.
"""

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import pypdfium2 as pdfium
from django.conf import settings
from django.db import transaction

from openimr.core import sandbox
from openimr.core.clock import now
from openimr.core.db import held_until_commit
from openimr.core.errors import InvalidInput, Problem
from openimr.records.domain.active_content import ActiveContent
from openimr.records.pdf_active import active_content, pdf_without_active_content

MAX_PAGES = 2_000
# 2,000 pages of dense typescript are about 8 million characters.
MAX_CHARACTERS = 10_000_000


@dataclass(frozen=True)
class ReadPdf:
    data: bytes
    sha256: str
    pages: tuple[str, ...]
    # What a reader could run or open (pdf_active.py); nothing for a PDF without it.
    active: ActiveContent = field(default_factory=ActiveContent)


def pdf_read(
    data: bytes,
    *,
    path: str,
    max_bytes: int | None = None,
    max_pages: int | None = None,
    max_characters: int | None = None,
) -> ReadPdf:
    """Check an uploaded PDF and extract its text page by page; InvalidInput at ``path``
    for an empty, oversized, non-PDF, encrypted or unreadable file, and for one past the
    page or character limit. Its active content is counted in the same reading."""
    size_check(len(data), path=path, max_bytes=max_bytes)
    if not data.lstrip()[:5] == b"%PDF-":
        raise InvalidInput([Problem(path, "the file is not a PDF (it does not start with %PDF-)")])
    limits = (max_pages or MAX_PAGES, max_characters or MAX_CHARACTERS)
    try:
        pages, active = sandbox.run(pdf_contents, data, path, *limits, limits=sandbox_limits())
    except sandbox.SandboxFailed as exc:
        raise InvalidInput([Problem(path, f"the PDF {exc}")]) from exc
    return ReadPdf(data, hashlib.sha256(data).hexdigest(), pages, active)


def pdf_copy_without_active_content(data: bytes, *, path: str) -> bytes:
    """The copy of a stored PDF that a reader's machine gets (pdf_active.py), made in the
    sandbox under the reading limits; InvalidInput at ``path`` when it cannot be made."""
    try:
        return sandbox.run(pdf_without_active_content, data, path, limits=sandbox_limits())
    except sandbox.SandboxFailed as exc:
        raise InvalidInput([Problem(path, f"the PDF {exc}")]) from exc


def sandbox_limits() -> sandbox.Limits:
    """The limits a PDF is read under, from settings (docs/settings.md)."""
    return sandbox.Limits(
        seconds=settings.OPENIMR_PDF_TIMEOUT_SECONDS,
        memory_bytes=settings.OPENIMR_PDF_MEMORY_MB * sandbox.MB,
    )


def size_check(size: int, *, path: str, max_bytes: int | None = None) -> None:
    """Refuse an empty or oversized file by its size alone, before it is read into memory."""
    limit = max_bytes or settings.OPENIMR_UPLOAD_MAX_BYTES
    if not size:
        raise InvalidInput([Problem(path, "the file is empty")])
    if size > limit:
        raise InvalidInput([Problem(path, f"the file is {size:,} bytes; the limit is {limit:,}")])


def pdf_pages(data: bytes, path: str, max_pages: int, max_characters: int) -> tuple[str, ...]:
    """The text of each page, read here and now (the sandbox's child calls this; so does the
    benchmark, to measure what the sandbox costs). Reads no settings: a child does not see
    the parent's."""
    document = _opened(data, path)
    try:
        return _checked_texts(document, path, max_pages, max_characters)
    finally:
        document.close()


def pdf_contents(
    data: bytes, path: str, max_pages: int, max_characters: int
) -> tuple[tuple[str, ...], ActiveContent]:
    """`pdf_pages` and the document's active content, from one opening of it."""
    document = _opened(data, path)
    try:
        pages = _checked_texts(document, path, max_pages, max_characters)
        return pages, active_content(document)
    except pdfium.PdfiumError as exc:
        raise InvalidInput([Problem(path, "the PDF cannot be read: it is damaged")]) from exc
    finally:
        document.close()


def _opened(data: bytes, path: str) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        reason = (
            "it is encrypted" if "password" in str(exc).lower() else "it is damaged or unreadable"
        )
        raise InvalidInput([Problem(path, f"the PDF cannot be opened: {reason}")]) from exc


def _checked_texts(
    document: pdfium.PdfDocument, path: str, max_pages: int, max_characters: int
) -> tuple[str, ...]:
    try:
        if len(document) == 0:
            raise InvalidInput([Problem(path, "the PDF has no pages")])
        if len(document) > max_pages:
            count = len(document)
            message = f"the PDF has {count:,} pages; the limit is {max_pages:,} pages"
            raise InvalidInput([Problem(path, message)])
        return _texts(document, path, max_characters)
    except pdfium.PdfiumError as exc:
        raise InvalidInput([Problem(path, "the PDF cannot be read: a page is damaged")]) from exc


def _texts(document: pdfium.PdfDocument, path: str, max_characters: int) -> tuple[str, ...]:
    texts: list[str] = []
    total = 0
    for page in document:
        textpage = page.get_textpage()
        try:
            # Counted before the text is copied out, so a bomb is refused at its first page.
            total += textpage.count_chars()
            if total > max_characters:
                raise InvalidInput(
                    [Problem(path, _too_much_text(total, len(texts) + 1, max_characters))]
                )
            texts.append(textpage.get_text_range())
        finally:
            textpage.close()
            page.close()
    return tuple(texts)


def _too_much_text(total: int, page: int, limit: int) -> str:
    return (
        f"the PDF's text reaches {total:,} characters by page {page}; "
        f"the limit is {limit:,} characters"
    )


def file_store(data: bytes, *, folder: str, suffix: str) -> tuple[str, str]:
    """Write bytes under MEDIA_ROOT/folder by content hash, atomically (temp file + rename):
    a crash leaves either no file or the whole file. Returns (relative path, sha256).
    Called inside the transaction that writes the row naming the file, it holds the file
    until that transaction ends (`_file_held`), so that `files_discarded_on_error` may
    remove a file it wrote without racing another writer of the same bytes."""
    digest = hashlib.sha256(data).hexdigest()
    target_dir = Path(settings.MEDIA_ROOT) / folder
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / f"{digest}{suffix}"
    _file_held(f"{folder}/{digest}{suffix}")
    if not target.exists():
        with tempfile.NamedTemporaryFile(dir=target_dir, delete=False) as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(handle.name, target)
        if (written := _WRITTEN.get()) is not None:
            written.append(target)
    return str(target.relative_to(settings.MEDIA_ROOT)), digest


def files_held(digests: Iterable[str], *, folder: str, suffix: str) -> None:
    """Hold the files of these sha256 digests until the transaction ends, all at once and in
    one order (by name), before any is written. Held one by one as each is written, two
    transactions storing the same files in opposite order each held one and waited for the
    other's: on PostgreSQL, "deadlock detected" ended one of them. A transaction that calls
    this takes no file lock after any other lock (`file_store` then finds its file held)."""
    for name in sorted({f"{folder}/{digest}{suffix}" for digest in digests}):
        _file_held(name)


def _file_held(name: str) -> None:
    """Hold the file ``name`` until the transaction ends. Two transactions storing the same
    bytes (one file, named by its hash) would otherwise race: the one that fails removes
    the file it wrote while the other, having found it there, commits a row naming it.
    Held, the second finds the file only once the first has committed it or removed it.
    PostgreSQL: a transaction-level advisory lock on the name; SQLite: the write lock every
    transaction takes at BEGIN (``transaction_mode`` IMMEDIATE, config/settings.py).
    Outside a transaction nothing is held, and nothing is removed on error either."""
    held_until_commit(name)


# The files `file_store` created inside the innermost `files_discarded_on_error` block.
_WRITTEN: ContextVar[list[Path] | None] = ContextVar("files_written", default=None)


@contextmanager
def files_discarded_on_error() -> Iterator[None]:
    """Files `file_store` creates inside the block are removed when the block raises, so a
    write that rolls back leaves no file behind. A file that was there before is kept: it
    belongs to rows already committed. Entered inside the transaction, the removal runs while
    the transaction still holds its locks, before the rollback, so no other writer can have
    taken up the same file in between. On success the files pass to an enclosing block,
    whose own transaction may still roll back."""
    enclosing = _WRITTEN.get()
    written: list[Path] = []
    token = _WRITTEN.set(written)
    try:
        yield
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    finally:
        _WRITTEN.reset(token)
    if enclosing is not None:
        enclosing.extend(written)


def file_remove_unnamed(
    relative_path: str,
    *,
    named: Callable[[str], bool],
    removing: Callable[[int], None],
    older_than: timedelta = timedelta(0),
) -> bool:
    """Remove a stored file unless ``named`` finds a row naming it, holding the file as
    `file_store` holds it (`_file_held`): an upload of the same bytes in flight has either
    committed its row, which ``named`` then sees, or has not yet stored, and then writes the
    file anew. The file is first moved aside, in one rename (whatever file is there at that
    instant), and put back when it is younger than ``older_than`` or a row names it by now:
    a writer that holds no lock (the corpus ingest's `pdf_store`, which always writes its
    file anew) has just written it, and its row is on the way. ``removing`` (given the
    size) runs in the same transaction, so its audit row and the removal go together; if it
    fails, the file is put back. False when the file is kept or already gone."""
    path = Path(settings.MEDIA_ROOT) / relative_path
    with transaction.atomic():
        _file_held(relative_path)
        if named(relative_path) or not path.is_file():
            return False
        aside = path.with_name(f"{path.name}{SWEEPING}")
        try:
            os.replace(path, aside)
        except FileNotFoundError:  # removed meanwhile (the ingest drops a copy it kept not)
            return False
        try:
            stat = aside.stat()
            young = now().timestamp() - stat.st_mtime < older_than.total_seconds()
            if young or named(relative_path):
                _put_back(aside, path)
                return False
            removing(stat.st_size)
        except BaseException:
            _put_back(aside, path)
            raise
        aside.unlink()
    return True


# The name a file takes while the sweep removes it (a sweep killed there leaves it: named by
# no row, it goes at a later sweep, audited then).
SWEEPING = ".sweeping"


def _put_back(aside: Path, path: Path) -> None:
    """The file moved aside back at its name, unless a writer has put one there since (the
    same bytes: files are named by their hash), which is kept."""
    with contextlib.suppress(FileExistsError):
        os.link(aside, path)
    aside.unlink()


def file_read(relative_path: str) -> bytes:
    return (Path(settings.MEDIA_ROOT) / relative_path).read_bytes()
