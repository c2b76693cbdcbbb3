"""Many files sent to a reader in one round trip (``Readers.run_each``, as corpus ingest does)
are each read under their own limits: a file that crashes the reader, loops, needs too
much memory or raises fails alone, with its own reason, and every other file of the batch
gets its answer."""

import os

import pytest

from openimr.core import sandbox
from openimr.core.errors import InvalidInput, Problem
from openimr.records.tests import hostile

# Two seconds, not the half second of the single-file tests: the files after a hostile one
# wait for a fresh reader to start, which a loaded CI machine can take more than 0.5 s to do.
QUICK = sandbox.Limits(seconds=2, memory_bytes=256 * sandbox.MB)


def behaves(data: bytes) -> tuple[bytes, int]:
    """What each file of a test batch does, by its bytes; the others answer with their pid."""
    actions = {
        b"abort": hostile.aborts,
        b"spin": hostile.spins,
        b"hoard": hostile.hoards,
        b"bug": hostile.breaks,
    }
    if data in actions:
        actions[data](data)
    if data == b"invalid":
        raise InvalidInput([Problem("$.file", "not a letter")])
    return data, os.getpid()


@pytest.fixture
def readers():
    with sandbox.Readers(1) as pool:
        yield pool


def test_every_file_of_a_batch_is_answered_in_order_by_one_reader(readers):
    answers = readers.run_each(behaves, [b"one", b"two", b"three"], limits=QUICK)
    assert [data for data, _ in answers] == [b"one", b"two", b"three"]
    assert len({pid for _, pid in answers}) == 1
    assert answers[0][1] != os.getpid()


@pytest.mark.parametrize(
    ("hostile_file", "reason"),
    [(b"abort", "crashed"), (b"spin", "timeout"), (b"hoard", "memory")],
)
def test_a_file_that_costs_the_reader_fails_alone_and_the_rest_are_read(
    readers, hostile_file, reason
):
    answers = readers.run_each(behaves, [b"before", hostile_file, b"after"], limits=QUICK)
    assert answers[0][0] == b"before"
    assert isinstance(answers[1], sandbox.SandboxFailed)
    assert answers[1].reason == reason
    assert answers[2][0] == b"after"
    assert answers[2][1] != answers[0][1], "a fresh reader reads the files after it"


def test_a_file_that_raises_gets_its_error_and_the_reader_goes_on(readers):
    answers = readers.run_each(behaves, [b"bug", b"invalid", b"fine"], limits=QUICK)
    assert isinstance(answers[0], sandbox.SandboxFailed)
    assert str(answers[0]) == "could not be read: ValueError: an unexpected bug"
    assert isinstance(answers[1], InvalidInput)
    assert answers[1].problems[0].message == "not a letter"
    assert answers[2][0] == b"fine"


def test_the_time_limit_is_per_file_not_per_batch(readers):
    # Six files of 0.2 s each take longer than one file's 0.5 s, and none is late.
    answers = readers.run_each(hostile.sleeps, [b"x"] * 6, 0.2, limits=QUICK)
    assert answers == [b"x"] * 6
