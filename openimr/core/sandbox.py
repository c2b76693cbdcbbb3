"""Run a function on untrusted bytes in a reader process with a time and a memory limit.

A PDF is read by pdfium, a large C library: a decompression bomb can make it allocate
gigabytes, a crafted file can make it loop or crash. In the web or worker process that
would take the server down with it; in a reader it takes down only the reader. Readers are
a few persistent processes (``OPENIMR_PDF_READERS``, started on first use) forked from a
small fork server started once (``multiprocessing``'s forkserver, preloading the PDF
modules), not from the threaded web process itself: forking a process whose other threads
hold locks is unsafe. A reader serves one file at a time, many files in its life (a fresh
one replaces it after ``RECYCLE_AFTER``), so a file costs a round trip through a pipe, not
a process (docs/benchmarks.md, "PDF sandbox"); ``Readers.run_each`` sends many small files
in one round trip, each still read under its own limits and answered on its own.

Per file, in the reader: ``RLIMIT_AS`` (address space) caps memory, ``RLIMIT_CPU`` caps the
CPU time the file may add to what the reader has used. In the parent: a wall-clock deadline
per file, after which the reader's process group is killed (a reader blocked on nothing
still counts against the clock) and a fresh one started. A reader that dies (a crash, a
memory abort) is replaced too. A crash, a timeout or a memory error raises
``SandboxFailed`` whose ``str()`` says what happened in words a user can act on; callers
turn it into their own error (``InvalidInput`` at the field, ``LetterUnreadable``).

An exception the function raises on purpose (``OpenIMRError`` and subclasses) comes back
to the parent and is raised there, so a sandboxed call fails exactly as the direct call
would. ``InvalidInput`` is carried by its problems, since it does not pickle by its args.

Threads share the readers (a stack of idle ones; a caller waits when all are busy). A child
forked from a process with readers starts its own; a daemonic process (a
``multiprocessing.Pool`` worker) may not have children, so it cannot: use ordinary
processes, or threads (see docs/security.md).
"""

import multiprocessing
import multiprocessing.forkserver
import multiprocessing.util
import os
import threading
import weakref
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from openimr.core.errors import OpenIMRError
from openimr.core.sandbox_child import KEEPS_READER, MB, Limits, _serve
from openimr.core.sandbox_oneshot import (  # noqa: F401 (_attempt: bench/sandbox.py times it)
    _CONTEXT,
    PRELOAD,
    SandboxFailed,
    _attempt,
    _kill_group,
    _settled,
    started,
)

__all__ = ["MB", "Limits", "Readers", "SandboxFailed", "run"]

DEFAULT_LIMITS = Limits()

T = TypeVar("T")


def run(function: Callable[..., T], data: bytes, *args: Any, limits: Limits = DEFAULT_LIMITS) -> T:
    """``function(data, *args)`` in a reader process under ``limits``; its result, or its
    ``OpenIMRError``, as if called here. ``function`` must be importable (module level)."""
    return _pool().run(function, data, *args, limits=limits)


def _run_in(
    pool: "Readers", function: Callable[..., T], data: bytes, args: tuple, limits: Limits
) -> T:
    [outcome], exitcode = pool.ask(function, [data], args, limits)
    return _settled(outcome, exitcode, function=function, data=data, args=args, limits=limits)


def _run_each_in(
    pool: "Readers",
    function: Callable[..., T],
    datas: Sequence[bytes],
    args: tuple,
    limits: Limits,
) -> "list[T | OpenIMRError]":
    """``function(data, *args)`` for each of ``datas``, the whole batch sent in one round
    trip and each answered as it is done; a file that fails (its error, a crash, a timeout)
    fails alone, and the files after one that cost its reader are sent to a fresh one."""
    results: list[T | OpenIMRError] = []
    while len(results) < len(datas):
        rest = datas[len(results) :]
        outcomes, exitcode = pool.ask(function, list(rest), args, limits)
        for index, (data, outcome) in enumerate(zip(rest, outcomes, strict=False)):
            # Only the last answer can have cost the reader (its exit code tells how).
            code = exitcode if index == len(outcomes) - 1 else None
            try:
                results.append(
                    _settled(outcome, code, function=function, data=data, args=args, limits=limits)
                )
            except OpenIMRError as exc:
                results.append(exc)
    return results


# --- The readers: persistent children, one file at a time each ------------------------------
# (what runs inside them is in openimr.core.sandbox_child)

RECYCLE_AFTER = 500  # files a reader reads before a fresh one replaces it (bounds leaks)
DEFAULT_READERS = 2


class _Reader:
    """A reader process and this process's end of its pipe."""

    def __init__(self) -> None:
        self.connection, theirs = _CONTEXT.Pipe(duplex=True)
        self.process = _CONTEXT.Process(target=_serve, args=(theirs,), name="openimr-reader")
        started(self.process)
        theirs.close()
        self.tasks = 0

    def ask(self, task: tuple[Any, ...], count: int, seconds: float) -> list[Any]:
        """The reader's answers to a task of ``count`` files, each within ``seconds`` of the
        one before, up to the first that leaves it in an unknown state: ("timeout",) past a
        deadline, None if it died before it could answer."""
        self.tasks += count
        answers: list[tuple[Any, ...] | None] = []
        try:
            self.connection.send(task)
            while len(answers) < count:
                if not self.connection.poll(seconds):
                    answers.append(("timeout",))
                    break
                outcome: tuple[Any, ...] = self.connection.recv()
                answers.append(outcome)
                if outcome[0] not in KEEPS_READER:
                    break
        except (EOFError, OSError):
            answers.append(None)  # it died before it could answer
        return answers

    def stop(self, *, kill: bool) -> int | None:
        """End the reader (politely: close its pipe; or kill its group); its exit code."""
        if kill and self.process.is_alive():
            _kill_group(self.process)
        self.connection.close()
        self.process.join(timeout=None if kill else 5)
        if self.process.is_alive():
            _kill_group(self.process)
            self.process.join()
        return self.process.exitcode

    def forget(self) -> None:
        """In a forked child: drop this copy of the pipe without telling the reader, which
        still serves the parent, and stop multiprocessing counting it as ours."""
        self.connection.close()
        children: set[Any] = getattr(multiprocessing.process, "_children", set())
        children.discard(self.process)


class _Idle:
    """Idle readers and slots without a reader yet; ``take`` waits while there are neither.
    Last in, first out: the reader that just answered, its caches warm, answers next, and a
    second reader starts only when two calls overlap."""

    def __init__(self, slots: int) -> None:
        self.readers: list[_Reader] = []
        self.slots = slots
        self.changed = threading.Condition()

    def take(self) -> "_Reader | None":
        with self.changed:
            self.changed.wait_for(lambda: self.readers or self.slots)
            if self.readers:
                return self.readers.pop()
            self.slots -= 1
            return None

    def give(self, reader: "_Reader | None") -> None:
        with self.changed:
            if reader is None:
                self.slots += 1
            else:
                self.readers.append(reader)
            self.changed.notify()

    def drain(self) -> set["_Reader"]:
        with self.changed:
            readers, self.readers = set(self.readers), []
            return readers


class Readers:
    """``size`` readers, started when first needed. Each call checks an idle reader out
    (``_Idle``), so the threads of a threaded server share them, and a caller past ``size``
    waits for one to come back. ``run`` uses the process's pool, sized by
    ``OPENIMR_PDF_READERS``; a batch job may make its own (``with Readers(n) as readers:``
    ``readers.run(...)`` from ``n`` threads) and stop it when done."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.idle = _Idle(size)
        self.everyone: set[_Reader] = set()
        self.closed = False
        self.finalizer = multiprocessing.util.Finalize(self, self.close, exitpriority=10)
        _EVERY_POOL.add(self)

    def __enter__(self) -> "Readers":
        return self

    def __exit__(self, *exc: object) -> None:
        self.finalizer()

    def run(
        self, function: Callable[..., T], data: bytes, *args: Any, limits: Limits = DEFAULT_LIMITS
    ) -> T:
        """As the module's ``run``, in one of these readers."""
        return _run_in(self, function, data, args, limits)

    def run_each(
        self,
        function: Callable[..., T],
        datas: Sequence[bytes],
        *args: Any,
        limits: Limits = DEFAULT_LIMITS,
    ) -> "list[T | OpenIMRError]":
        """``function(data, *args)`` for each of ``datas`` in one of these readers, a batch
        per round trip (one pipe exchange for many small files), each file under its own
        ``limits``: a list of each result or, in its place, the error that file raised or
        met (``SandboxFailed`` for a crash, a timeout or the memory limit). One hostile file
        fails alone; the files after it go to a fresh reader."""
        return _run_each_in(self, function, datas, args, limits)

    def ask(
        self, function: Callable[..., Any], datas: list[bytes], args: tuple, limits: Limits
    ) -> tuple[list[Any], int | None]:
        """Answers to the files ``datas`` from one reader (see ``_Reader.ask``), and the
        reader's exit code when the last answer cost it (it was retired)."""
        reader = self._checkout()
        outcomes: list[Any] = []
        try:
            outcomes = reader.ask((function, datas, args, limits), len(datas), limits.seconds)
        finally:
            keep = bool(outcomes) and all(o is not None and o[0] in KEEPS_READER for o in outcomes)
            exitcode = None if keep else self._retire(reader, kill=True)
            self.idle.give(reader if keep else None)
        return outcomes, exitcode

    def _checkout(self) -> _Reader:
        if self.closed:
            raise RuntimeError("the sandbox's readers were shut down")
        reader = self.idle.take()
        if reader is not None and (reader.tasks >= RECYCLE_AFTER or not reader.process.is_alive()):
            self._retire(reader, kill=False)
            reader = None
        if reader is None:
            try:
                reader = _Reader()
            except BaseException:
                self.idle.give(None)
                raise
            self.everyone.add(reader)
        return reader

    def _retire(self, reader: _Reader, *, kill: bool) -> int | None:
        self.everyone.discard(reader)
        return reader.stop(kill=kill)

    def close(self) -> None:
        """Stop every reader (at exit, or leaving a ``with``): an idle one by closing its pipe, one
        still busy with a task (another thread's) by killing it."""
        self.closed = True
        idle = self.idle.drain()
        for reader in list(self.everyone):
            self._retire(reader, kill=reader not in idle)

    def forget(self) -> None:
        self.closed = True
        self.finalizer.cancel()
        for reader in self.everyone:
            reader.forget()
        self.everyone.clear()


class _Readers:
    """The process's pool (None until first used, or after a fork) and the lock making it."""

    def __init__(self) -> None:
        self.pool: Readers | None = None
        self.lock = threading.Lock()


_READERS = _Readers()
_EVERY_POOL: "weakref.WeakSet[Readers]" = weakref.WeakSet()


def _pool() -> Readers:
    with _READERS.lock:
        if _READERS.pool is None:
            _READERS.pool = Readers(_configured_readers())
        return _READERS.pool


def _configured_readers() -> int:
    try:
        from django.conf import settings  # noqa: PLC0415 (the sandbox runs without Django too)

        return int(getattr(settings, "OPENIMR_PDF_READERS", DEFAULT_READERS))
    except Exception:  # settings not configured: a script or a test without Django
        return DEFAULT_READERS


def _forget_after_fork() -> None:
    """In a child forked from a process that has readers: the readers and their pipes are the
    parent's. The child starts readers of its own when it first needs them."""
    _READERS.lock = threading.Lock()  # another thread may have held it at the fork
    for pool in list(_EVERY_POOL):
        pool.forget()
    _READERS.pool = None
    _forget_fork_server()


def _forget_fork_server() -> None:
    # multiprocessing checks that its fork server lives with waitpid(), which fails in a
    # child (the server is its parent's child): "No child processes". The child starts a
    # fork server of its own instead (the parent's is unaffected).
    server = getattr(multiprocessing.forkserver, "_forkserver", None)
    if server is None or getattr(server, "_forkserver_pid", None) is None:
        return
    if server._forkserver_alive_fd is not None:
        os.close(server._forkserver_alive_fd)
    server._forkserver_pid = server._forkserver_address = server._forkserver_alive_fd = None
    server._lock = threading.Lock()


os.register_at_fork(after_in_child=_forget_after_fork)
