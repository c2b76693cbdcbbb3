"""The sandbox's processes and their answers: the fork server's context (preloading the PDF
modules), a one-shot child for a call that must be watched (``_attempt``), and how a
child's answer, or its death, becomes a result or an error (``_unpacked``). The persistent
readers and the public ``run`` are in ``openimr.core.sandbox``; what runs inside a child is in
``openimr.core.sandbox_child``."""

import multiprocessing
import multiprocessing.forkserver
import multiprocessing.resource_tracker
import os
import signal
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from openimr.core.errors import InvalidInput, OpenIMRError, Problem
from openimr.core.sandbox_child import MB, Limits, _watched

T = TypeVar("T")

# Imported once by the fork server, so each child starts with pdfium and the parser loaded
# and warm. Each child also re-runs the parent's main script (multiprocessing does, to find
# functions defined there; its own "__main__" preload never happens on Python 3.11, which
# does not pass the script's path to the fork server): manage.py imports nothing before its
# guard, gunicorn's imports its wsgiapp and the `openimr` command's script openimr.cli,
# hence those too, or every reader of `openimr corpus ingest` would import the command
# line's modules anew: 45 ms of a reader's 50 ms start (a module not installed is skipped).
PRELOAD = [
    "pypdfium2",
    "openimr.records.pdf",
    "openimr.letters.parsing.warm",
    "openimr.decisions.ingest_reader",  # corpus ingest parses and de-identifies in the readers
    "openimr.cli",
    "gunicorn.app.wsgiapp",
]
# Signals a reader dies of when pdfium crashes or aborts (not the CPU limit, not our kill).
_CRASHES = {
    signal.SIGABRT,
    signal.SIGSEGV,
    signal.SIGBUS,
    signal.SIGILL,
    signal.SIGFPE,
    signal.SIGTRAP,
}
_CONTEXT = multiprocessing.get_context("forkserver")
_CONTEXT.set_forkserver_preload(PRELOAD)


def started(process: Any) -> None:
    """``process`` started, the fork server first with Ctrl-C blocked: the server is in the
    terminal's process group, so a Ctrl-C reaches it too, and it ignores one only once
    its preload (Django, pdfium, the parser: about a second) is done; one pressed before
    printed a traceback of the import it broke under the command's one line. Blocked in
    this thread while the server is spawned, Ctrl-C stays blocked in the server (a signal
    mask survives fork and exec), and multiprocessing's own resource tracker is started so
    (resource_tracker.ensure_running). Here it is held for the spawn only, a few ms, and
    then delivered: the command still stops at once. The resource tracker is started
    first, as the server's start would: it unblocks Ctrl-C when it has spawned."""
    multiprocessing.resource_tracker.ensure_running()
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        multiprocessing.forkserver.ensure_running()
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
    process.start()


class SandboxFailed(OpenIMRError):
    """The child did not finish: ``reason`` is ``timeout``, ``memory`` or ``crashed``;
    ``str()`` is the sentence to show, e.g. "could not be read within 30 s"."""

    code = "unreadable"

    def __init__(self, reason: str, message: str) -> None:
        self.reason = reason
        super().__init__(message)


def _settled(
    outcome: tuple[Any, ...] | None,
    exitcode: int | None,
    *,
    function: Callable[..., T],
    data: bytes,
    args: tuple,
    limits: Limits,
) -> T:
    """One file's answer as a result, or its error raised (a crash told from the memory
    limit first, see ``_run_in``)."""
    if outcome is None and exitcode is not None and -exitcode in _CRASHES:
        # The reader died of a signal: pdfium answers an allocation the memory limit refuses
        # with abort(), like a damaged file. Read once more in a one-shot child under a
        # watching parent, which can tell the two apart by the reader's peak memory. Rare
        # (hostile files only), so the ordinary file pays for neither.
        outcome, exitcode = _attempt(_watched, function, data, args, limits)
    return _unpacked(outcome, exitcode, limits)


def _attempt(
    entry: Callable[..., None],
    function: Callable[..., Any],
    data: bytes,
    args: tuple[Any, ...],
    limits: Limits,
) -> tuple[tuple[Any, ...] | None, int | None]:
    receiver, sender = _CONTEXT.Pipe(duplex=False)
    child = _CONTEXT.Process(
        target=entry, args=(sender, limits, function, data, args), name="openimr-sandbox"
    )
    started(child)
    sender.close()
    try:
        outcome = _wait(receiver, child, limits)
    finally:
        receiver.close()
        if child.is_alive():
            _kill_group(child)
        child.join()
    return outcome, child.exitcode


def _wait(receiver: Connection, child: Any, limits: Limits) -> tuple[Any, ...] | None:
    if not receiver.poll(limits.seconds):
        _kill_group(child)
        return ("timeout",)
    try:
        outcome: tuple[Any, ...] = receiver.recv()
        return outcome
    except (EOFError, OSError):
        return None  # the child died before it could answer


def _kill_group(child: Any) -> None:
    # The child leads its own process group (the reader is in it); before it has made the
    # group, killing the child alone is enough, since it has no reader yet.
    try:
        os.killpg(child.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        child.kill()


def _unpacked(outcome: tuple[Any, ...] | None, exitcode: int | None, limits: Limits) -> Any:
    kind, rest = (outcome[0], outcome[1:]) if outcome else ("died", ())
    if kind == "ok":
        return rest[0]
    if kind == "raised":
        raise rest[0]
    if kind == "invalid":
        raise InvalidInput([Problem(path, message) for path, message in rest[0]], rest[1])
    if kind == "memory":
        raise SandboxFailed("memory", f"needed more than {limits.memory_bytes // MB} MB of memory")
    if kind == "timeout" or signal.SIGXCPU in {
        rest[0] if kind == "signal" else None,
        -(exitcode or 0),
    }:
        raise SandboxFailed("timeout", f"could not be read within {limits.seconds:g} s")
    if kind == "error":
        raise SandboxFailed("crashed", f"could not be read: {rest[0]}")
    signum = rest[0] if kind == "signal" else -(exitcode or 0)
    reason = f"signal {signal.Signals(signum).name}" if signum > 0 else f"exit status {exitcode}"
    raise SandboxFailed("crashed", f"made the reader crash ({reason})")
