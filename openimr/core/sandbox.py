"""Run a function on untrusted bytes in a child process with a time and a memory limit.

A PDF is read by pdfium, a large C library: a decompression bomb can make it allocate
gigabytes, a crafted file can make it loop or crash. In the web or worker process that
would take the server down with it; in a child it takes down only the child. The child is
forked from a small fork server started once (``multiprocessing``'s forkserver, preloading
the PDF modules), not from the threaded web process itself: forking a process whose other
threads hold locks is unsafe, and a fresh interpreter per file would pay Python's start-up
and pdfium's import for every file.

In the child: ``RLIMIT_AS`` (address space) caps memory, ``RLIMIT_CPU`` caps CPU time. In
the parent: a wall-clock deadline, after which the child is killed (a child blocked on
nothing still counts against the clock). A crash, a timeout or a memory error raises
``SandboxFailed`` whose ``str()`` says what happened in words a user can act on; callers
turn it into their own error (``InvalidInput`` at the field, ``LetterUnreadable``).

An exception the function raises on purpose (``OpenIMRError`` and subclasses) comes back
to the parent and is raised there, so a sandboxed call fails exactly as the direct call
would. ``InvalidInput`` is carried by its problems, since it does not pickle by its args.

A daemonic process (a ``multiprocessing.Pool`` worker) may not have children: call this
from threads of an ordinary process instead (see docs/security.md).
"""

import multiprocessing
import os
import pickle
import resource
import signal
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from openimr.core.errors import InvalidInput, OpenIMRError, Problem

T = TypeVar("T")

# Imported once by the fork server, so each child starts with pdfium and the parser loaded
# and warm. Each child also re-runs the parent's main script (multiprocessing does, to find
# functions defined there): manage.py imports nothing, gunicorn's imports its wsgiapp,
# hence that too (a module that is not installed is skipped).
PRELOAD = [
    "pypdfium2",
    "openimr.records.pdf",
    "openimr.letters.parsing.warm",
    "gunicorn.app.wsgiapp",
]
MB = 1024 * 1024
MEMORY_MARGIN = 0.6
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


@dataclass(frozen=True)
class Limits:
    """How long (wall clock, seconds) and how much memory (bytes of address space) a child
    may take."""

    seconds: float = 30.0
    memory_bytes: int = 512 * MB


class SandboxFailed(OpenIMRError):
    """The child did not finish: ``reason`` is ``timeout``, ``memory`` or ``crashed``;
    ``str()`` is the sentence to show, e.g. "could not be read within 30 s"."""

    code = "unreadable"

    def __init__(self, reason: str, message: str) -> None:
        self.reason = reason
        super().__init__(message)


def run(function: Callable[..., T], data: bytes, *args: Any, limits: Limits = Limits()) -> T:
    """``function(data, *args)`` in a child process under ``limits``; its result, or its
    ``OpenIMRError``, as if called here. ``function`` must be importable (module level)."""
    outcome, exitcode = _attempt(_reader, function, data, args, limits)
    if outcome is None and exitcode is not None and -exitcode in _CRASHES:
        # The reader died of a signal: pdfium answers an allocation the memory limit refuses
        # with abort(), like a damaged file. Read once more under a watching parent, which
        # can tell the two apart by the reader's peak memory. Rare (hostile files only), so
        # the ordinary file pays for one process, not two.
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
    child.start()
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
    if kind == "timeout" or (kind == "signal" and rest[0] == signal.SIGXCPU):
        raise SandboxFailed("timeout", f"could not be read within {limits.seconds:g} s")
    if kind == "error":
        raise SandboxFailed("crashed", f"could not be read: {rest[0]}")
    signum = rest[0] if kind == "signal" else -(exitcode or 0)
    reason = f"signal {signal.Signals(signum).name}" if signum > 0 else f"exit status {exitcode}"
    raise SandboxFailed("crashed", f"made the reader crash ({reason})")


def _watched(
    sender: Connection, limits: Limits, function: Callable[..., Any], data: bytes, args: tuple
) -> None:
    """Runs in the child: fork a reader, wait for it, and when it dies of a signal say
    whether it died of the memory limit."""
    os.setpgid(0, 0)  # the parent kills the whole group at the deadline
    reader = os.fork()
    if reader == 0:
        _reader(sender, limits, function, data, args, group=False)
    _, status, usage = os.wait4(reader, 0)
    if os.WIFSIGNALED(status):
        # A reader that died near the limit died of it (its libraries' mappings count
        # against the address space but are not resident, hence a margin).
        peak = usage.ru_maxrss * 1024
        died_of_memory = peak >= limits.memory_bytes * MEMORY_MARGIN
        sender.send(("memory",) if died_of_memory else ("signal", os.WTERMSIG(status)))
    sender.close()


def _reader(
    sender: Connection,
    limits: Limits,
    function: Callable[..., Any],
    data: bytes,
    args: tuple,
    *,
    group: bool = True,
) -> None:
    """Runs in the child (or the watched child's child): limit itself, call, answer once."""
    if group:
        os.setpgid(0, 0)
    limit_this_process(limits)
    try:
        outcome: tuple[Any, ...] = ("ok", function(data, *args))
    except MemoryError:
        outcome = ("memory",)
    except InvalidInput as exc:
        outcome = ("invalid", [(p.path, p.message) for p in exc.problems], str(exc))
    except OpenIMRError as exc:
        outcome = ("raised", exc) if _pickles(exc) else ("error", str(exc))
    except Exception as exc:  # An unexpected error: its type and text, not a traceback.
        traceback.print_exc()
        outcome = ("error", f"{type(exc).__name__}: {exc}")
    try:
        sender.send(outcome)
    except MemoryError:
        sender.send(("memory",))
    sender.close()
    os._exit(0)


def limit_this_process(limits: Limits) -> None:
    """Cap this process's address space and CPU time (a hard CPU limit one second past the
    soft one: SIGXCPU first, SIGKILL if it is ignored)."""
    resource.setrlimit(resource.RLIMIT_AS, (limits.memory_bytes, limits.memory_bytes))
    cpu = max(1, int(limits.seconds + 0.999))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))


def _pickles(exc: BaseException) -> bool:
    try:
        copy = pickle.loads(pickle.dumps(exc))
    except Exception:
        return False
    return type(copy) is type(exc) and str(copy) == str(exc)
