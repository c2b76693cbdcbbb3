"""``parse_pdf`` in a reader process with a time and a memory limit (openimr.core.sandbox).

Same result, same ``LetterUnreadable`` for a file that is not a readable letter; in
addition a PDF that crashes pdfium, runs past the time limit or needs more memory than the
limit (a decompression bomb) is ``LetterUnreadable`` saying which, and the calling process
carries on. The readers are persistent processes (docs/benchmarks.md, "PDF sandbox"), so a
letter costs a round trip through a pipe, not a process.

Call it from threads: N threads each calling this keep N letters parsing at once in N
readers (``readers``: a pool of one's own, e.g. the ingest's; else the process's pool).
"""

import codecs
from collections.abc import Callable

from openimr.core import sandbox
from openimr.letters.parsing.assemble import parse_text
from openimr.letters.parsing.contract import LetterUnreadable, ParsedLetter
from openimr.letters.parsing.pdf import parse_pdf

DEFAULT_LIMITS = sandbox.Limits(seconds=30.0, memory_bytes=512 * sandbox.MB)


def parse_pdf_sandboxed(
    data: bytes,
    *,
    limits: sandbox.Limits = DEFAULT_LIMITS,
    readers: sandbox.Readers | None = None,
) -> ParsedLetter:
    """``parse_pdf(data)`` run under ``limits``; LetterUnreadable says why when it cannot."""
    return _sandboxed(parse_pdf, data, limits, readers)


def parse_letter_sandboxed(
    data: bytes,
    *,
    limits: sandbox.Limits = DEFAULT_LIMITS,
    readers: sandbox.Readers | None = None,
) -> ParsedLetter:
    """``parse_letter(data)`` run under ``limits``, as ``parse_pdf_sandboxed``."""
    return _sandboxed(parse_letter, data, limits, readers)


def parse_letter(data: bytes) -> ParsedLetter:
    """A letter file's bytes parsed: a PDF (it starts with ``%PDF-``) by ``parse_pdf``, any
    other file as text (``letter_text``)."""
    if data.lstrip()[:5] == b"%PDF-":
        return parse_pdf(data)
    return parse_text(letter_text(data))


# Byte order marks, the longest first: UTF-32's little-endian one starts as UTF-16's does.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def letter_text(data: bytes) -> str:
    """A text letter's characters: by its byte order mark (Windows editors save "Unicode"
    as UTF-16 with one), else UTF-16 without a mark (a NUL byte in every other place, which
    no text in one byte per character has), else UTF-8, else Windows-1252."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    utf16 = _utf16_without_bom(data)  # first: ASCII two bytes a character is valid UTF-8
    if utf16:
        return data.decode(utf16, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        # Five bytes Windows-1252 leaves undefined: read every byte as Latin-1 instead.
        return data.decode("latin-1")


def _utf16_without_bom(data: bytes) -> str:
    """The codec, "utf-16-le" or "utf-16-be", when most of the odd (or even) bytes are NULs, as in
    English text written two bytes a character; "" otherwise."""
    sample = data[:4096]
    half = len(sample) // 2
    if half < 8:
        return ""
    if sample[1::2].count(0) > 0.9 * half and not sample[0::2].count(0):
        return "utf-16-le"
    if sample[0::2].count(0) > 0.9 * half and not sample[1::2].count(0):
        return "utf-16-be"
    return ""


def _sandboxed(
    function: Callable[[bytes], ParsedLetter],
    data: bytes,
    limits: sandbox.Limits,
    readers: sandbox.Readers | None,
) -> ParsedLetter:
    try:
        if readers is None:
            return sandbox.run(function, data, limits=limits)
        return readers.run(function, data, limits=limits)
    except sandbox.SandboxFailed as exc:
        raise LetterUnreadable(f"unreadable {kind_of(data)}: it {exc}") from exc


def kind_of(data: bytes) -> str:
    """What a reader was given, for the reason it failed: a text letter is not a PDF."""
    return "PDF" if data.lstrip()[:5] == b"%PDF-" else "text file"
