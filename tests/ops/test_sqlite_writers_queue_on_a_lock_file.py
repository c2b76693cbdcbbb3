"""SQLite's writers wait in the kernel's queue on a lock file beside the database, not in
SQLite's busy handler, whose sleeps outlast the lock (openimr/core/sqlite/base.py): a
transaction holds the lock from its BEGIN to its COMMIT or ROLLBACK, a writer waits while
anyone else holds it, and a transaction that could not begin lets it go."""

import fcntl
import os
import threading

import pytest
from django.conf import settings
from django.db import OperationalError

from openimr.core.sqlite.base import DatabaseWrapper


@pytest.fixture
def database(tmp_path, django_db_blocker):
    path = tmp_path / "queued.sqlite3"
    config = {**settings.DATABASES["default"], "ENGINE": settings.SQLITE_ENGINE, "NAME": str(path)}
    config["OPTIONS"] = {**settings.SQLITE_OPTIONS, "timeout": 0.2}
    opened = []

    def connect(alias):
        wrapper = DatabaseWrapper(dict(config), alias=alias)
        opened.append(wrapper)
        return wrapper

    with django_db_blocker.unblock():
        first = connect("first")
        with first.cursor() as cursor:
            cursor.execute("CREATE TABLE t (x INTEGER)")
        yield connect
        for wrapper in opened:
            wrapper.close()


def _begin(wrapper):
    wrapper.set_autocommit(False, force_begin_transaction_with_broken_autocommit=True)


def _end(wrapper, *, commit=True):
    wrapper.commit() if commit else wrapper.rollback()
    wrapper.set_autocommit(True)


def _taken_by_someone(path):
    """True while another holder has the lock (tried without waiting)."""
    probe = os.open(path, os.O_RDWR)
    try:
        fcntl.flock(probe, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(probe)
    return False


@pytest.mark.parametrize("commit", [True, False])
def test_a_transaction_holds_the_lock_until_it_ends(database, commit):
    writer = database("writer")
    _begin(writer)
    with writer.cursor() as cursor:
        cursor.execute("INSERT INTO t VALUES (1)")
    path = writer.writer_lock_path()
    assert _taken_by_someone(path)
    _end(writer, commit=commit)
    assert not _taken_by_someone(path)


def test_a_writer_waits_while_another_process_holds_the_lock(database):
    writer = database("writer")
    path = f"{writer.settings_dict['NAME']}-writer.lock"
    other = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)  # as another process would
    fcntl.flock(other, fcntl.LOCK_EX)
    began = threading.Event()

    def write():
        _begin(writer)  # SQLite itself is free: only the lock file holds this back
        began.set()
        with writer.cursor() as cursor:
            cursor.execute("INSERT INTO t VALUES (2)")
        _end(writer)

    writer.inc_thread_sharing()  # the thread writes through this test's connection
    thread = threading.Thread(target=write)
    thread.start()
    try:
        assert not began.wait(0.5), "the writer began while the lock was held"
    finally:
        fcntl.flock(other, fcntl.LOCK_UN)
        os.close(other)
    thread.join(10)
    writer.dec_thread_sharing()
    assert began.is_set()
    with writer.cursor() as cursor:
        cursor.execute("SELECT x FROM t")
        assert cursor.fetchall() == [(2,)]


def test_a_transaction_that_cannot_begin_lets_the_lock_go(database):
    holder, writer = database("holder"), database("writer")
    # Another program holds SQLite's own write lock and ignores the lock file.
    with holder.cursor() as cursor:
        cursor.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(OperationalError, match="locked"):
            _begin(writer)
        assert not _taken_by_someone(writer.writer_lock_path())
    finally:
        with holder.cursor() as cursor:
            cursor.execute("ROLLBACK")
    writer.set_autocommit(True)
    _begin(writer)
    with writer.cursor() as cursor:
        cursor.execute("INSERT INTO t VALUES (3)")
    _end(writer)


def test_an_in_memory_database_takes_no_lock():
    config = {**settings.DATABASES["default"], "ENGINE": settings.SQLITE_ENGINE}
    config["NAME"] = ":memory:"
    assert DatabaseWrapper(config, alias="memory").writer_lock_path() is None
