"""`openimr corpus ingest` of a folder holding one it may not read (no permission) names
that folder with exit 2 and reads nothing: it skipped it without a word, so the letters in
it were never ingested while the run ended with exit 0 (or, for the folder given itself,
"found no PDF, text or zip file" as if it were empty)."""

import os
import stat

import pytest

from openimr.cli import main
from openimr.decisions.models import SourceFile
from openimr.decisions.services import ingest_inputs
from openimr.decisions.tests.ingest_files import generated_texts

pytestmark = pytest.mark.django_db


@pytest.fixture
def letters(tmp_path, monkeypatch):
    """Two readable letters and a subfolder, `locked`, holding a third, mode 000."""
    texts = generated_texts(3, seed=5)
    folder, locked = tmp_path / "letters", tmp_path / "letters" / "locked"
    locked.mkdir(parents=True)
    for where, (number, text) in zip((folder, folder, locked), texts, strict=True):
        (where / f"{number}.txt").write_text(text, encoding="utf-8")
    locked.chmod(0)
    if os.geteuid() == 0:  # root reads a folder of mode 000: list it as any other user would
        scandir = os.scandir

        def as_a_user(path):
            if not os.stat(path).st_mode & stat.S_IRUSR:
                raise PermissionError(13, "Permission denied", str(path))
            return scandir(path)

        monkeypatch.setattr(ingest_inputs.os, "scandir", as_a_user)
    yield folder, locked
    locked.chmod(0o755)


def test_a_folder_inside_that_cannot_be_read_is_named_and_nothing_is_read(letters, capsys):
    folder, locked = letters
    assert main(["corpus", "ingest", str(folder), "--workers", "1"]) == 2
    out, err = capsys.readouterr()
    assert err == (
        f"error: nothing was read\n  {locked}: cannot read this folder: Permission denied\n"
    )
    assert out == ""
    assert not SourceFile.objects.exists()


def test_a_folder_given_that_cannot_be_read_is_named(letters, capsys):
    _, locked = letters
    assert main(["corpus", "ingest", str(locked), "--workers", "1"]) == 2
    assert f"{locked}: cannot read this folder: Permission denied" in capsys.readouterr().err
    assert not SourceFile.objects.exists()


def test_once_readable_every_letter_is_ingested(letters, capsys):
    folder, locked = letters
    locked.chmod(0o755)
    assert main(["corpus", "ingest", str(folder), "--workers", "1"]) == 0
    assert "found 3: parsed 3" in capsys.readouterr().out
