"""Running a command with a folder read-only: by its mode for a user, by a read-only bind
mount in a mount namespace of its own for root (whom no mode stops). The test is skipped
where neither can be done."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.ops.backups import ROOT


def read_only_run(
    folder: Path, command: list[str], env: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    """``command`` run in the checkout with ``env`` while ``folder`` cannot be written."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            return subprocess.run(
                command, check=False, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
            )
        finally:
            folder.chmod(0o755)
    if shutil.which("unshare") is None:
        pytest.skip("root without unshare: no way to make the folder read-only")
    mount = f"mount --bind {folder} {folder} && mount -o remount,bind,ro {folder} || exit 99"
    done = subprocess.run(
        ["unshare", "-m", "sh", "-c", f'{mount}\nexec "$@"', "sh", *command],
        check=False, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    if done.returncode == 99:
        pytest.skip("no read-only mount here (unshare needs CAP_SYS_ADMIN)")
    return done
