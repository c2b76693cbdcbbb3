"""What runs inside the sandbox's children (openimr.core.sandbox): a persistent reader's
loop (``_serve``), the one-shot child and its watching parent for a reader that died of a
signal (``_reader``, ``_watched``), and the limits each sets on itself. Nothing here runs in
the calling process except ``Limits``."""

import os
import pickle
import resource
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from openimr.core.errors import InvalidInput, OpenIMRError

MB = 1024 * 1024
# A reader that died near the memory limit died of it (its libraries' mappings count
# against the address space but are not resident, hence a margin).
MEMORY_MARGIN = 0.6


@dataclass(frozen=True)
class Limits:
    """How long (wall clock, seconds) and how much memory (bytes of address space) a child
    may take."""

    seconds: float = 30.0
    memory_bytes: int = 512 * MB


def _serve(connection: Connection) -> None:
    """Runs in a reader: one task at a time until the parent closes the pipe. A task is a
    batch of files (``datas``), each read under its own limits and answered as soon as it
    is done, so that the parent's clock runs per file, not per batch; a file whose answer
    leaves the reader in an unknown state (out of memory) ends the batch, and the parent
    sends the rest to a fresh reader. Between files it has no CPU limit: it only waits and
    unpickles."""
    os.setpgid(0, 0)  # the parent kills the whole group at a task's deadline
    caps = _Caps()
    while True:
        try:
            task = connection.recv()
        except (EOFError, OSError):
            break
        if task is None:
            break
        function, datas, args, limits = task
        del task
        for index in range(len(datas)):
            data, datas[index] = datas[index], None  # not kept alive past its own file
            caps.limit(limits)
            outcome = _outcome(function, data, args)
            del data  # not kept alive, against the next file's memory limit
            _answer(connection, outcome)
            caps.lift()
            if outcome[0] not in KEEPS_READER:
                break
            del outcome
        del datas
    os._exit(0)


# Answers after which a reader is in a known state and may read the next file.
KEEPS_READER = frozenset({"ok", "raised", "invalid", "error"})


class _Caps:
    """A reader's soft limits, set per file: the task's memory cap as ``RLIMIT_AS``, and a
    CPU cap of the task's seconds on top of the CPU this reader has used so far
    (``RLIMIT_CPU`` counts a process's lifetime), lifted once the file is answered. Soft
    limits only: a hard limit, once lowered, could not be raised again for the next task;
    the parent's wall-clock deadline kills a reader that ignores SIGXCPU. The memory cap
    stays between tasks and is set only when a task asks for another one: lifting it after
    each task and setting it again made pdfium's allocations slow (a demo record read in 5.9
    ms instead of 2.9 ms; bench/sandbox.py). The hard limits are read once: the reader
    never changes them, so a file costs a ``getrusage`` and two ``setrlimit`` calls, not six
    system calls."""

    def __init__(self) -> None:
        self.memory, self.memory_hard = resource.getrlimit(resource.RLIMIT_AS)
        self.cpu_hard = resource.getrlimit(resource.RLIMIT_CPU)[1]

    def limit(self, limits: Limits) -> None:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        cpu = int(usage.ru_utime + usage.ru_stime + limits.seconds + 0.999)
        if self.memory != limits.memory_bytes:
            _soft(resource.RLIMIT_AS, limits.memory_bytes, self.memory_hard)
            self.memory = limits.memory_bytes
        _soft(resource.RLIMIT_CPU, max(1, cpu), self.cpu_hard)

    def lift(self) -> None:
        _soft(resource.RLIMIT_CPU, resource.RLIM_INFINITY, self.cpu_hard)


def _soft(which: int, value: int, hard: int) -> None:
    """``value`` as the soft limit, no more than a finite ``hard`` one."""
    if hard != resource.RLIM_INFINITY and (value == resource.RLIM_INFINITY or value > hard):
        value = hard
    resource.setrlimit(which, (value, hard))


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
    """Runs in a one-shot child (the watched child's child): limit itself, call, answer."""
    if group:
        os.setpgid(0, 0)
    limit_this_process(limits)
    _answer(sender, _outcome(function, data, args))
    sender.close()
    os._exit(0)


def _outcome(function: Callable[..., Any], data: bytes, args: tuple) -> tuple[Any, ...]:
    """``function(data, *args)`` as a message for the parent (see ``_unpacked``)."""
    try:
        return ("ok", function(data, *args))
    except MemoryError:
        return ("memory",)
    except InvalidInput as exc:
        return ("invalid", [(p.path, p.message) for p in exc.problems], str(exc))
    except OpenIMRError as exc:
        return ("raised", exc) if _pickles(exc) else ("error", str(exc))
    except Exception as exc:  # An unexpected error: its type and text, not a traceback.
        traceback.print_exc()
        return ("error", f"{type(exc).__name__}: {exc}")


def _answer(sender: Connection, outcome: tuple[Any, ...]) -> None:
    try:
        sender.send(outcome)
    except MemoryError:
        sender.send(("memory",))


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
