"""The `openimr` console script's entry point ([project.scripts] in pyproject.toml): the
command line itself (`openimr.cli`) imports Django, rich and the command modules, which
takes about 0.6 s, and a Ctrl-C in that time printed a Python traceback ending in
KeyboardInterrupt. This module imports nothing of openimr's before its ``try``, so an
interrupt while the command loads ends as one interrupted after it has loaded does.

SIGTERM (`kill`, systemd stopping a timer's `openimr backup`, a CI job's timeout) ends a
command as Ctrl-C does, through the same clean-up: without a handler Python died at once,
and a backup cut short left its copy of the database (every case file) in DEST, with
`backup.started` and no `backup.failed` in the trail; an export left its temporary file."""

import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

# Ctrl-C (SIGINT): 128 + 2, as a shell reports a command the signal ended (openimr.cli's
# EXIT_INTERRUPTED, which cannot be imported before the interrupt is caught).
EXIT_INTERRUPTED = 130
# SIGTERM: 128 + 15, likewise.
EXIT_TERMINATED = 143


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the command is, so that every clean-up written for Ctrl-C
    (``except KeyboardInterrupt``, ``except BaseException``, ``finally``) runs for it too."""


def _raise_terminated(signum: int, frame: FrameType | None, owner: int) -> None:
    if os.getpid() != owner:
        # A process forked from the command (simulate's workers) dies as it would have.
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGTERM)
        return
    raise Terminated


@contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """While inside, SIGTERM raises ``Terminated``; the handler before is restored after
    (main() is also called in-process, by tests). Signals reach the main thread only."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    owner = os.getpid()
    before = signal.signal(signal.SIGTERM, lambda n, f: _raise_terminated(n, f, owner))
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, before)


def stopped_line(exc: KeyboardInterrupt) -> tuple[str, int]:
    """The first words of the line a stopped command prints, and its exit code."""
    if isinstance(exc, Terminated):
        return "error: terminated", EXIT_TERMINATED
    return "error: interrupted", EXIT_INTERRUPTED


def run() -> int:
    """`openimr.cli.main`, loaded inside the guard: an interrupt before the command runs
    has kept nothing, so the line says no more than that."""
    try:
        with sigterm_as_interrupt():
            from openimr.cli import main  # noqa: PLC0415 (inside the guard)

            return main()
    except KeyboardInterrupt as exc:
        line, code = stopped_line(exc)
        print(line, file=sys.stderr)
        return code
