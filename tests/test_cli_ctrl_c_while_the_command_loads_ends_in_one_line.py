"""Ctrl-C in the first moments of any `openimr` command, while its modules load, ends it
with one line and exit 130, as Ctrl-C during the command does: it printed a Python
traceback ending in KeyboardInterrupt (the console script imported `openimr.cli`, Django's
settings and rich, about 0.6 s, before anything could catch it).

The console script is run as pip's launcher runs it, from the entry point that
pyproject.toml's [project.scripts] names; an import hook holds it while `openimr.cli` is
loading (at `openimr.core.errors`, which the command line imports) and says so, so a real
SIGINT arrives mid-import every time."""

import signal
import subprocess
import sys
import tomllib
from pathlib import Path

from tests.terminal import CTRL_C_AS_FROM_A_TERMINAL

ROOT = Path(__file__).resolve().parents[1]
READY = "-- loading --"


def _launcher() -> str:
    """What pip writes into the `openimr` script: import the entry point, exit with it."""
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    module, function = scripts["project"]["scripts"]["openimr"].split(":")
    return (
        CTRL_C_AS_FROM_A_TERMINAL
        + f"""
import sys, time

class Hold:
    def find_spec(self, name, path=None, target=None):
        if name == "openimr.core.errors":
            sys.meta_path.remove(self)
            print({READY!r}, file=sys.stderr, flush=True)
            time.sleep(120)
        return None

sys.meta_path.insert(0, Hold())
from {module} import {function}
sys.exit({function}())
"""
    )


def test_ctrl_c_while_the_command_loads_prints_one_line_and_exits_130():
    child = subprocess.Popen(
        [sys.executable, "-c", _launcher(), "corpus", "stats", "--by", "year"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stderr is not None
        held = child.stderr.readline()
        assert held.strip() == READY, held + child.stderr.read()
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=120)
    finally:
        child.kill()
        child.wait()

    assert (child.returncode, err, out) == (130, "error: interrupted\n", "")
