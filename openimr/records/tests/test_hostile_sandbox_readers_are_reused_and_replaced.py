"""The sandbox's readers are persistent processes: a reader serves call after call, a reader
killed at a deadline or dead of a crash is replaced and the next call is read as usual, the
CPU limit counts each call's time alone, threads share the readers, and a forked child
starts readers of its own."""

import os
from concurrent.futures import ThreadPoolExecutor

import pytest

from openimr.core import sandbox
from openimr.records.tests import hostile

# For a hostile call, meant to meet its limit: a short one, so the test is quick.
QUICK = sandbox.Limits(seconds=0.5, memory_bytes=256 * sandbox.MB)
# For a call that answers at once: a wall-clock deadline a loaded 2-core CI box cannot miss
# (a fresh reader's first call waits for the process to be scheduled); it costs nothing
# when the call answers, and a call that hangs still fails at it.
ROOMY = sandbox.Limits(seconds=20, memory_bytes=256 * sandbox.MB)


@pytest.fixture
def readers():
    with sandbox.Readers(1) as pool:
        yield pool


def _pid(pool: sandbox.Readers) -> int:
    data, _, pid = pool.run(hostile.echoes, b"ping", limits=ROOMY)
    assert data == b"ping"
    return int(pid)


def test_one_reader_serves_one_call_after_another(readers):
    assert _pid(readers) == _pid(readers) != os.getpid()


def test_a_reader_killed_at_the_deadline_is_replaced_and_the_next_call_works(readers):
    before = _pid(readers)
    with pytest.raises(sandbox.SandboxFailed, match=r"within 0\.5 s"):
        readers.run(hostile.sleeps, b"data", 30, limits=QUICK)
    assert _pid(readers) != before


@pytest.mark.parametrize(
    ("function", "reason", "limits"),
    [
        # A crash and the memory limit are not about time: a 0.5 s deadline met first on a
        # loaded box would call them a timeout.
        (hostile.aborts, "crashed", ROOMY),
        (hostile.hoards, "memory", ROOMY),
        (hostile.spins, "timeout", QUICK),
    ],
)
def test_after_a_reader_fails_the_next_call_is_read_as_usual(readers, function, reason, limits):
    with pytest.raises(sandbox.SandboxFailed) as caught:
        readers.run(function, b"data", limits=limits)
    assert caught.value.reason == reason
    assert readers.run(hostile.echoes, b"next", 1, limits=ROOMY)[:2] == (b"next", (1,))


def test_the_cpu_limit_counts_each_call_alone(readers, monkeypatch):
    # What this checks is the reader's CPU cap (RLIMIT_CPU: 2 s on top of what the reader
    # has used). The parent's wall-clock deadline is the same 2 s, and on a loaded 2-core
    # box half a second of CPU took longer than that to get: the call was killed as a
    # timeout. The parent now waits a minute of wall time; the CPU cap stays 2 s, so a cap
    # that counted the reader's lifetime still kills the fifth call (2.5 s in all).
    ask = sandbox._Reader.ask
    monkeypatch.setattr(
        sandbox._Reader, "ask", lambda reader, task, count, _: ask(reader, task, count, 60.0)
    )
    limits = sandbox.Limits(seconds=2, memory_bytes=256 * sandbox.MB)
    used = [readers.run(hostile.burns, b"", 0.5, limits=limits) for _ in range(5)]
    assert used[-1] > 2.4, "the reader's lifetime CPU passed the limit, each call stayed under"


def test_a_reader_is_replaced_after_its_quota_of_calls(readers, monkeypatch):
    monkeypatch.setattr(sandbox, "RECYCLE_AFTER", 2)
    first = [_pid(readers), _pid(readers)]
    assert first[0] == first[1] != _pid(readers)


def test_calls_from_four_threads_at_once_all_come_back_right():
    with sandbox.Readers(2) as pool, ThreadPoolExecutor(4) as threads:
        answers = list(
            threads.map(lambda n: pool.run(hostile.echoes, b"%d" % n, n, limits=ROOMY), range(40))
        )
    assert [(data, args) for data, args, _ in answers] == [(b"%d" % n, (n,)) for n in range(40)]
    assert len({pid for _, _, pid in answers}) <= 2


def test_the_process_pool_serves_threads_too():
    with ThreadPoolExecutor(4) as threads:
        answers = list(threads.map(lambda n: sandbox.run(hostile.echoes, b"x", n), range(12)))
    assert [args for _, args, _ in answers] == [(n,) for n in range(12)]


def test_a_forked_child_reads_with_readers_of_its_own():
    parent_reader = sandbox.run(hostile.echoes, b"parent", limits=ROOMY)[2]
    receive, send = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover (runs in the child; the parent checks what it wrote)
        try:
            pid = sandbox.run(hostile.echoes, b"child", limits=ROOMY)[2]
            os.write(send, str(pid).encode())
        finally:
            os._exit(0)
    os.close(send)
    child_reader = int(os.read(receive, 100) or 0)
    os.close(receive)
    _, status = os.waitpid(child, 0)
    assert os.WIFEXITED(status)
    assert child_reader not in {0, parent_reader}
    assert sandbox.run(hostile.echoes, b"parent again", limits=ROOMY)[0] == b"parent again"
