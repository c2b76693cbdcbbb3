"""The race tests' handshake (`lock_waits`) goes on only once another transaction is seen
waiting for the holder's lock, and fails, naming the wait, when the other finished without
waiting: a race test can no longer pass without racing."""

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.db import connection, connections, transaction

from openimr.core.db import held_until_commit
from openimr.core.tests.lock_waits import NeverBlocked, until_waited_for, waiting_for_me

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite shows no transaction waiting for a lock"
)


@contextmanager
def _holding_while_another_asks_for(name: str) -> Iterator[threading.Event]:
    """Inside a transaction that holds "the file", another (in a thread) asks for ``name``;
    the event is set once the other has ended, which it can only after this one commits
    when ``name`` is "the file"."""
    ended = threading.Event()

    def other() -> None:
        try:
            with transaction.atomic():
                held_until_commit(name)
        finally:
            connections.close_all()
            ended.set()

    thread = threading.Thread(target=other)
    with transaction.atomic():
        held_until_commit("the file")
        thread.start()
        yield ended
    thread.join(timeout=60)
    assert ended.is_set()


@pytest.mark.django_db(transaction=True)
def test_the_holder_goes_on_once_the_other_waits_for_its_lock():
    with _holding_while_another_asks_for("the file") as ended:
        until_waited_for("the other never waited", done=ended.is_set)
        assert waiting_for_me() == 1
        assert not ended.is_set()


@pytest.mark.django_db(transaction=True)
def test_the_holder_fails_naming_the_wait_when_the_other_never_waited():
    with (
        _holding_while_another_asks_for("another file") as ended,
        pytest.raises(NeverBlocked, match="the other never waited: it finished without"),
    ):
        until_waited_for("the other never waited", done=ended.is_set)
