"""``parse_pdf`` in a child process with a time and a memory limit (openimr.core.sandbox).

Same result, same ``LetterUnreadable`` for a file that is not a readable letter; in
addition a PDF that crashes pdfium, runs past the time limit or needs more memory than the
limit (a decompression bomb) is ``LetterUnreadable`` saying which, and the calling process
carries on. Costs a fork per letter (docs/benchmarks.md, "PDF sandbox").

Call it from an ordinary process or from its threads, not from a ``multiprocessing.Pool``
worker (daemonic processes may not have children): e.g. a ``ThreadPoolExecutor`` of N
threads each calling this keeps N letters parsing at once in N children.
"""

from openimr.core import sandbox
from openimr.letters.parsing.contract import LetterUnreadable, ParsedLetter
from openimr.letters.parsing.pdf import parse_pdf

DEFAULT_LIMITS = sandbox.Limits(seconds=30.0, memory_bytes=512 * sandbox.MB)


def parse_pdf_sandboxed(data: bytes, *, limits: sandbox.Limits = DEFAULT_LIMITS) -> ParsedLetter:
    """``parse_pdf(data)`` run under ``limits``; LetterUnreadable says why when it cannot."""
    try:
        return sandbox.run(parse_pdf, data, limits=limits)
    except sandbox.SandboxFailed as exc:
        raise LetterUnreadable(f"unreadable PDF: it {exc}") from exc
