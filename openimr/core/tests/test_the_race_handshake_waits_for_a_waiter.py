"""The race tests' handshake (`lock_waits`) goes on only once another transaction is seen
waiting for the holder's lock, and fails, naming the wait, when the other finished without
waiting: a race test can no longer pass without racing."""

import threading

import pytest
from django.db import connection, connections, transaction

from openimr.core.db import held_until_commit
from openimr.core.tests.lock_waits import NeverBlocked, until_waited_for, waiting_for_me

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite shows no transaction waiting for a lock"
)


def _in_thread(name: str, ended: threading.Event) -> threading.Thread:
    def run() -> None:
        try:
            with transaction.atomic():
                held_until_commit(name)
        finally:
            connections.close_all()
            ended.set()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


@pytest.mark.django_db(transaction=True)
def test_the_holder_goes_on_once_the_other_waits_for_its_lock():
    ended = threading.Event()
    with transaction.atomic():
        held_until_commit("the file")
        other = _in_thread("the file", ended)
        until_waited_for("the other never waited", done=ended.is_set)
        assert waiting_for_me() == 1
        assert not ended.is_set()
    other.join(timeout=60)
    assert ended.is_set()


@pytest.mark.django_db(transaction=True)
def test_the_holder_fails_naming_the_wait_when_the_other_never_waited():
    ended = threading.Event()
    with transaction.atomic():
        held_until_commit("the file")
        other = _in_thread("another file", ended)
        with pytest.raises(NeverBlocked, match="the other never waited: it finished without"):
            until_waited_for("the other never waited", done=ended.is_set)
    other.join(timeout=60)
