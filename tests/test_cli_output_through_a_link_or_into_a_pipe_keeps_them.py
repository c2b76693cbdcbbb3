"""`-o` naming a symbolic link writes the file it names and keeps the link, and `-o`
naming what is not a regular file (a named pipe; /dev/null, /dev/full) writes into it.
Both used to be replaced by a regular file: the rename that keeps a half-written file from
showing put a file in the link's place, and `-o /dev/full` said "wrote 303 decisions"
with exit 0 and left a file where the device had been (as root, `-o /dev/null` replaced
/dev/null for the whole machine). A named pipe stands in for the devices here: a test of
/dev/full itself would replace it wherever it failed."""

import datetime as dt
import os
import stat
import threading

import pytest

from conftest import SEED_FILE
from openimr.cli import main
from openimr.decisions.tests.public_factories import item, make_decision


def _rendered(capsys) -> str:
    assert main(["letter", "render", str(SEED_FILE)]) == 0
    return capsys.readouterr().out


def test_a_letter_rendered_through_a_link_replaces_the_file_it_names(tmp_path, capsys):
    letter = _rendered(capsys)
    (tmp_path / "letters").mkdir()
    named = tmp_path / "letters" / "seed.txt"
    named.write_text("last week's letter")
    link = tmp_path / "latest.txt"
    link.symlink_to(named)
    assert main(["letter", "render", str(SEED_FILE), "-o", str(link)]) == 0
    assert link.is_symlink() and os.readlink(link) == str(named)
    assert named.read_text() == letter
    assert sorted(p.name for p in (tmp_path / "letters").iterdir()) == ["seed.txt"]


def test_a_link_to_a_file_not_yet_written_creates_it(tmp_path, capsys):
    letter = _rendered(capsys)
    link = tmp_path / "latest.txt"
    link.symlink_to(tmp_path / "new.txt")
    assert main(["letter", "render", str(SEED_FILE), "-o", str(link)]) == 0
    assert link.is_symlink() and (tmp_path / "new.txt").read_text() == letter


def _read_pipe(path, into: list[bytes]) -> threading.Thread:
    """A reader at the pipe's other end, as `openimr ... -o pipe` expects one."""

    def read() -> None:
        with open(path, "rb") as pipe:
            into.append(pipe.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    return reader


def _pipe(tmp_path):
    path = tmp_path / "pipe"
    os.mkfifo(path)
    return path


def _unblock(path, reader: threading.Thread) -> None:
    """A reader still waiting (the pipe was replaced, never opened) is let go."""
    if reader.is_alive() and stat.S_ISFIFO(os.stat(path).st_mode):
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
    reader.join(timeout=10)


def test_a_letter_rendered_into_a_named_pipe_goes_down_the_pipe(tmp_path, capsys):
    letter = _rendered(capsys)
    path, read = _pipe(tmp_path), list[bytes]()
    reader = _read_pipe(path, read)
    try:
        assert main(["letter", "render", str(SEED_FILE), "-o", str(path)]) == 0
    finally:
        _unblock(path, reader)
    assert stat.S_ISFIFO(os.lstat(path).st_mode)
    assert read == [letter.encode("utf-8")]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


@pytest.mark.django_db(transaction=True)
def test_a_corpus_export_into_a_named_pipe_goes_down_the_pipe(tmp_path, capsys):
    make_decision(decided=dt.date(2016, 3, 1), items=[item("Knee brace")])
    path, read = _pipe(tmp_path), list[bytes]()
    reader = _read_pipe(path, read)
    try:
        assert main(["corpus", "export", "--format", "jsonl", "-o", str(path)]) == 0
    finally:
        _unblock(path, reader)
    assert stat.S_ISFIFO(os.lstat(path).st_mode)
    assert len(read) == 1 and read[0].count(b"\n") == 1 and b"Knee brace" in read[0]
    assert capsys.readouterr().err.startswith(f"wrote 1 decision to {path} (")
