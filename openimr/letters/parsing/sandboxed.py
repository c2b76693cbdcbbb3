"""``parse_pdf`` in a reader process with a time and a memory limit (openimr.core.sandbox).

Same result, same ``LetterUnreadable`` for a file that is not a readable letter; in
addition a PDF that crashes pdfium, runs past the time limit or needs more memory than the
limit (a decompression bomb) is ``LetterUnreadable`` saying which, and the calling process
carries on. The readers are persistent processes (docs/benchmarks.md, "PDF sandbox"), so a
letter costs a round trip through a pipe, not a process.

Call it from threads: N threads each calling this keep N letters parsing at once in N
readers (``readers``: a pool of one's own, e.g. the ingest's; else the process's pool).
"""

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
    other file as text (UTF-8, else cp1252/latin-1, which every byte decodes as)."""
    if data.lstrip()[:5] == b"%PDF-":
        return parse_pdf(data)
    return parse_text(letter_text(data))


def letter_text(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Text saved by older Windows tools; every byte is a cp1252/latin-1 character.
        return data.decode("latin-1")


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
