"""`-o` naming a folder or a file in a missing folder is refused with exit 2, naming
`--output`, and leaves no file behind (it used to end in a traceback and leave the rendered
letter in a temporary file beside it); output piped into a reader that stops early
(`openimr letter parse ... | head`) ends quietly, without a traceback."""

import subprocess
import sys
from pathlib import Path

from conftest import SEED_FILE
from openimr.cli import main
from openimr.decisions.tests.ingest_files import real_pdfs

SCRIPT = Path(sys.executable).parent / "openimr"


def test_render_into_a_folder_is_refused_and_leaves_no_file(tmp_path, capsys):
    assert main(["letter", "render", str(SEED_FILE), "--format", "pdf", "-o", str(tmp_path)]) == 2
    assert capsys.readouterr().err == (
        f"error: --output: {tmp_path} is a folder: name a file to write\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_render_into_a_missing_folder_is_refused_naming_it(tmp_path, capsys):
    target = tmp_path / "no" / "letter.txt"
    assert main(["letter", "render", str(SEED_FILE), "-o", str(target)]) == 2
    assert capsys.readouterr().err == f"error: --output: no folder {target.parent}\n"
    assert list(tmp_path.iterdir()) == []


def test_render_to_an_empty_name_is_refused_not_read_as_the_current_folder(
    tmp_path, capsys, monkeypatch
):
    monkeypatch.chdir(tmp_path)  # `-o "$UNSET"`: it said ". is a folder"
    assert main(["letter", "render", str(SEED_FILE), "-o", ""]) == 2
    assert capsys.readouterr().err == (
        "error: --output: an empty path (an unset variable?): name a file to write\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_output_piped_into_a_reader_that_stops_early_ends_without_a_traceback():
    letters = " ".join(str(p) for p in real_pdfs(12))  # far more than a pipe holds
    done = subprocess.run(
        f"{SCRIPT} letter parse --json {letters} | head -c 100",
        shell=True,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert len(done.stdout) == 100
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr
