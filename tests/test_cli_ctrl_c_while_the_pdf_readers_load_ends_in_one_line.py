"""Ctrl-C while a command's PDF readers are starting ends it with one line and exit 130, as
Ctrl-C anywhere else does: the readers' fork server (multiprocessing's) is in the
terminal's process group, so the terminal's Ctrl-C reaches it too, and it ignores one only
once it has imported its preload (Django, pdfium, the parser: about a second). One pressed
before printed the traceback of the import it broke, under the command's own line.

The command runs in a child with a session of its own, and the Ctrl-C is sent to its whole
process group, as a terminal sends it. The fork server's preload starts with a module that
says so on standard error and holds it, so the signal arrives mid-preload every time."""

import contextlib
import os
import signal
import subprocess
import sys
from pathlib import Path

from openimr.decisions.tests.ingest_files import real_pdfs
from tests.terminal import CTRL_C_AS_FROM_A_TERMINAL

ROOT = Path(__file__).resolve().parents[1]
READY = "-- preloading --"
HOLD = f"""
import sys, time
print({READY!r}, file=sys.stderr, flush=True)
time.sleep(2)
"""
COMMAND = (
    CTRL_C_AS_FROM_A_TERMINAL
    + """
import sys
from openimr.core import sandbox_oneshot
preload = ["hold_the_fork_server", *sandbox_oneshot.PRELOAD]
sandbox_oneshot._CONTEXT.set_forkserver_preload(preload)
from openimr.cli import main
sys.exit(main(sys.argv[1:]))
"""
)


def test_ctrl_c_while_the_fork_server_preloads_prints_one_line_and_exits_130(tmp_path):
    (tmp_path / "hold_the_fork_server.py").write_text(HOLD, encoding="utf-8")
    (pdf,) = real_pdfs(1)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(tmp_path)])}
    child = subprocess.Popen(
        [sys.executable, "-c", COMMAND, "letter", "parse", str(pdf)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        assert child.stderr is not None
        held = child.stderr.readline()
        assert held.strip() == READY, held + child.stderr.read()
        os.killpg(child.pid, signal.SIGINT)  # the terminal's Ctrl-C: the whole group
        out, err = child.communicate(timeout=120)
    finally:
        _end_group(child)

    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    assert (child.returncode, err, out) == (130, "error: interrupted\n", "")


def _end_group(child: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(child.pid, signal.SIGKILL)  # the fork server too, if the test failed
    child.wait()
