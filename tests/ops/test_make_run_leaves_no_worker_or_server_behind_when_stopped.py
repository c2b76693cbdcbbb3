"""`make run` starts the development server and a background worker through
scripts/run.sh; a SIGTERM (a process manager, `kill`) or SIGINT sent to it stops both. A
SIGTERM used to end only the shell and leave the worker and the server running."""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.ops.backups import ROOT

# A shell ignores for good a SIGINT that was ignored when it started (as pytest's is when it
# runs as a background job): the script is started with SIGINT as a terminal would give it.
WITH_SIGINT = [
    sys.executable,
    "-c",
    "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); "
    "os.execvp(sys.argv[1], sys.argv[1:])",
]


BIN = str(Path(sys.executable).parent)


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory) -> Path:
    """A migrated SQLite data folder: on an empty one the worker exits by itself at once."""
    folder = tmp_path_factory.mktemp("run")
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    migrate = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput"],
        cwd=ROOT,
        env={**env, "OPENIMR_DATA_DIR": str(folder)},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert migrate.returncode == 0, migrate.stderr
    return folder


def _started_with(folder: Path) -> dict[int, str]:
    """Live processes (not zombies) whose environment names this data folder, by command line:
    everything the run script started, wherever it went (the worker has a session of its own)."""
    marker = f"OPENIMR_DATA_DIR={folder}".encode()
    found = {}
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if marker not in (proc / "environ").read_bytes().split(b"\0"):
                continue
            state = (proc / "stat").read_text().rsplit(")", 1)[1].split()[0]
            command = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:  # it ended while we looked
            continue
        if state != "Z":
            found[int(proc.name)] = command
    return found


def _listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def _both_running(port: int, folder: Path) -> bool:
    commands = _started_with(folder).values()
    return _listening(port) and any(" worker" in command for command in commands)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _until(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return condition()


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="reads /proc")
@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_to_the_run_script_stops_the_worker_and_the_server(data_dir, stop):
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(OPENIMR_DATA_DIR=str(data_dir), OPENIMR_TASKS_BACKEND="database")
    script = subprocess.Popen(
        [*WITH_SIGINT, "bash", "scripts/run.sh", BIN, "127.0.0.1", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # a signal meant for the script reaches nothing of ours
    )
    try:
        assert _until(lambda: _both_running(port, data_dir), 60), _started_with(data_dir)
        script.send_signal(stop)  # to the script alone, as `kill` or a process manager sends it
        script.wait(timeout=60)
        assert _until(lambda: not _started_with(data_dir), 30), _started_with(data_dir)
        assert not _listening(port)
    finally:
        for pid in _started_with(data_dir):
            os.kill(pid, signal.SIGKILL)
