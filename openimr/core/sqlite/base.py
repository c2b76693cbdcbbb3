"""Django's SQLite backend with its write transactions queued by the operating system.

SQLite lets one connection write at a time. A connection that finds the write lock taken
does not wait in a queue: its busy handler sleeps and tries again, for 1, 2, 5, 10, 15, 20,
25, 25, 25, 50, 50 and then 100 ms, however soon the lock was let go. Every staff page view
writes its audit row and every filing its case, so at 100 requests a second the lock was
taken about 60 times a second, and a writer that missed it twice slept on while the lock
sat free: waits of 91 ms at the 90th percentile and 842 ms at the 99th for transactions
that held the lock 1.3 ms (p50) (docs/benchmarks.md, "Load").

Here each connection first takes an exclusive ``flock`` on a file beside the database
(``<database>-writer.lock``) when it begins a transaction, and lets it go when that
transaction commits or rolls back. The kernel queues the waiters and wakes one the moment
the lock is let go, across threads and processes alike (the lock belongs to the
connection's own open file, so two threads of one process exclude each other too). It is
only a queue in front of SQLite's lock, which still decides: a writer that does not take it
(another program, a statement outside a transaction) is held back by SQLite as before, and
one that lets it go early (a failed COMMIT) leaves the next one waiting on SQLite's busy
handler, never writing at the same time. An in-memory database has one process and no
file, and takes no lock."""

import fcntl
import os
from typing import Any

from django.db.backends.sqlite3 import base


class DatabaseWrapper(base.DatabaseWrapper):
    """``ENGINE: "openimr.core.sqlite"`` (config/settings.py)."""

    _writer_file: int | None = None
    _writer_pid = 0  # the process that opened it: a forked child opens its own
    _writer_held = False

    def writer_lock_path(self) -> str | None:
        """The lock file of this database; None for an in-memory one."""
        if self.is_in_memory_db():
            return None
        return f"{self.settings_dict['NAME']}-writer.lock"

    def _start_transaction_under_autocommit(self) -> None:
        self._writer_take()
        try:
            super()._start_transaction_under_autocommit()  # type: ignore[misc]  # not in the stubs
        except BaseException:
            self._writer_let_go()
            raise

    def _commit(self) -> Any:
        try:
            return super()._commit()  # type: ignore[misc]  # not in the stubs
        finally:
            self._writer_let_go()

    def _rollback(self) -> Any:
        try:
            return super()._rollback()  # type: ignore[misc]  # not in the stubs
        finally:
            self._writer_let_go()

    def _close(self) -> Any:
        try:
            return super()._close()  # type: ignore[misc]  # not in the stubs
        finally:
            self._writer_let_go()
            if self._writer_file is not None and self._writer_pid == os.getpid():
                os.close(self._writer_file)
            self._writer_file = None

    def _writer_take(self) -> None:
        if self._writer_held:
            return
        path = self.writer_lock_path()
        if path is None:
            return
        if self._writer_file is None or self._writer_pid != os.getpid():
            # A forked child shares its parent's open file, and so its lock: never use it.
            self._writer_file = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
            self._writer_pid = os.getpid()
        fcntl.flock(self._writer_file, fcntl.LOCK_EX)  # waits without the GIL
        self._writer_held = True

    def _writer_let_go(self) -> None:
        if self._writer_held and self._writer_file is not None and self._writer_pid == os.getpid():
            fcntl.flock(self._writer_file, fcntl.LOCK_UN)
        self._writer_held = False
