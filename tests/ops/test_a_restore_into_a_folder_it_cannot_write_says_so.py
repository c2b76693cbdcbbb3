"""A restore into a data folder it cannot write (a read-only disk, a folder of another user)
is refused in one line, exit 2, saying the database was not changed: it ended in an
OSError traceback from placing the first stored file."""

import os
import subprocess
import sys

from tests.ops.backups import ROOT, openimr
from tests.read_only import read_only_run

KEY = "k" * 50


def _backup(tmp_path):
    source = tmp_path / "source"
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=ROOT, env={**env, "OPENIMR_DATA_DIR": str(source)}, check=True, timeout=300,
    )  # fmt: skip
    (source / "media" / "letters").mkdir(parents=True)
    (source / "media" / "letters" / "CM16-0400101.pdf").write_bytes(b"%PDF-1.4 a letter")
    done = openimr(source, "backup", str(tmp_path / "backup"))
    assert done.returncode == 0, done.stderr
    return tmp_path / "backup"


def test_a_restore_into_a_read_only_folder_is_refused_in_one_line(tmp_path):
    backup = _backup(tmp_path)
    target = tmp_path / "target"
    target.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env = {**env, "OPENIMR_DATA_DIR": str(target), "OPENIMR_SECRET_KEY": KEY}
    done = read_only_run(target, [sys.executable, "-m", "openimr.cli", "restore", str(backup)], env)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("error: the stored files could not be restored (")
    assert f"{target / 'media'}): the database was not changed" in done.stderr
    assert done.stderr.count("\n") == 1
    assert list(target.iterdir()) == []
