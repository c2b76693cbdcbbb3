"""Stored files and PDF reading for the case file.

Uploads are sniffed by content, not by name, and opened with pdfium under a lock: pdfium is
not thread-safe, and the development server and gunicorn's threaded workers share one
process. (Issue 7 moves opening into a separate process with time and memory limits.)
"""

import base64
import binascii
import hashlib
import os
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
from django.conf import settings

from openimr.core.errors import InvalidInput, Problem

_PDFIUM = threading.Lock()
MAX_PAGES = 500


@dataclass(frozen=True)
class ReadPdf:
    data: bytes
    sha256: str
    pages: tuple[str, ...]


def decode_base64(value: str, path: str) -> bytes:
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise InvalidInput([Problem(path, "is not valid base64")]) from exc


def pdf_read(data: bytes, *, path: str, max_bytes: int | None = None) -> ReadPdf:
    """Check an uploaded PDF and extract its text page by page; InvalidInput at ``path``
    for an empty, oversized, non-PDF, encrypted or unreadable file."""
    limit = max_bytes or settings.OPENIMR_UPLOAD_MAX_BYTES
    if not data:
        raise InvalidInput([Problem(path, "the file is empty")])
    if len(data) > limit:
        raise InvalidInput(
            [Problem(path, f"the file is {len(data):,} bytes; the limit is {limit:,}")]
        )
    if not data.lstrip()[:5] == b"%PDF-":
        raise InvalidInput([Problem(path, "the file is not a PDF (it does not start with %PDF-)")])
    return ReadPdf(data, hashlib.sha256(data).hexdigest(), _extract(data, path))


def _extract(data: bytes, path: str) -> tuple[str, ...]:
    with _PDFIUM:
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            reason = (
                "it is encrypted"
                if "password" in str(exc).lower()
                else "it is damaged or unreadable"
            )
            raise InvalidInput([Problem(path, f"the PDF cannot be opened: {reason}")]) from exc
        try:
            if len(document) > MAX_PAGES:
                raise InvalidInput(
                    [Problem(path, f"the PDF has {len(document)} pages; the limit is {MAX_PAGES}")]
                )
            return tuple(page.get_textpage().get_text_range() for page in document)
        finally:
            document.close()


def file_store(data: bytes, *, folder: str, suffix: str) -> tuple[str, str]:
    """Write bytes under MEDIA_ROOT/folder by content hash, atomically (temp file + rename):
    a crash leaves either no file or the whole file. Returns (relative path, sha256)."""
    digest = hashlib.sha256(data).hexdigest()
    target_dir = Path(settings.MEDIA_ROOT) / folder
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / f"{digest}{suffix}"
    if not target.exists():
        with tempfile.NamedTemporaryFile(dir=target_dir, delete=False) as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(handle.name, target)
    return str(target.relative_to(settings.MEDIA_ROOT)), digest
