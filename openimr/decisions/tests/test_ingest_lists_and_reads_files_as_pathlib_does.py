"""Ingest lists a folder's files from the folders' own entries and reads a file through one
open handle (a fifth of a text letter's Python outside the parser, docs/benchmarks.md). What
it finds must be what a recursive glob finds, file or link leading nowhere, in the same
order; and a file is read whole, or left unread when larger than a reader may hold, as it
was when it was sized by name and read by a file object."""

import os
from pathlib import Path

import pytest

from openimr.decisions.services.ingest_inputs import (
    Input,
    _expand,
    _leads_nowhere,
    bytes_within,
    inputs_in,
)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "letters"
    (root / "2016" / "nov").mkdir(parents=True)
    (root / "2017").mkdir()
    (root / "elsewhere").mkdir()
    for name in ("a.txt", "2016/b.PDF", "2016/nov/c.text", "2017/d.txt", "2017/notes.doc"):
        (root / name).write_text(f"letter {name}")
    (root / ".hidden.txt").write_text("a hidden letter is still a letter")
    (root / "a-b.txt").write_text("sorts after a folder 'a' by parts, not by string")
    (root / "a").mkdir()
    (root / "a" / "z.txt").write_text("z")
    (root / "elsewhere" / "e.txt").write_text("reached through a link only")
    os.symlink(root / "a.txt", root / "2017" / "link-to-a.txt")  # a link to a file: read
    os.symlink(root / "elsewhere", root / "2017" / "linked-folder")  # read already: not entered
    os.symlink(root / "gone.txt", root / "2017" / "dangling.txt")  # leads nowhere
    os.symlink(root / "2017" / "loop.txt", root / "2017" / "loop.txt")  # a loop
    os.mkfifo(root / "2017" / "pipe.txt")  # no file: never opened (it would block)
    return root


def _as_globbed(root: Path) -> list[Input]:
    """The listing as it was: ``rglob``, each path that is a file or leads nowhere."""
    found = []
    for path in sorted(p for p in root.rglob("*") if p.is_file() or _leads_nowhere(p)):
        if path.suffix.lower() in {".pdf", ".txt", ".text", ".zip"}:
            found += _expand(path)
    return found


def test_a_folder_is_listed_as_a_recursive_glob_lists_it(tree: Path):
    listed = inputs_in([tree])
    assert listed == _as_globbed(tree)
    names = [Path(i.path).relative_to(tree).as_posix() for i in listed]
    assert names[0] == ".hidden.txt"
    assert names.index("a/z.txt") < names.index("a-b.txt") < names.index("a.txt")
    assert "2017/linked-folder/e.txt" not in names and "2017/pipe.txt" not in names
    nowhere = {Path(i.path).name for i in listed if i.problem}
    assert nowhere == {"dangling.txt", "loop.txt"}


def test_a_file_is_read_whole_or_left_unread_over_the_limit(tmp_path: Path):
    letter = tmp_path / "letter.txt"
    letter.write_bytes(b"x" * 5000)
    assert bytes_within(Input(str(letter)), 5000) == (5000, b"x" * 5000)
    assert bytes_within(Input(str(letter)), 4999) == (5000, None)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert bytes_within(Input(str(empty)), 10) == (0, b"")


def test_a_path_that_is_no_file_fails_with_the_error_a_read_by_name_gives(tmp_path: Path):
    folder = tmp_path / "a-folder.txt"
    folder.mkdir()
    with pytest.raises(IsADirectoryError) as read:
        bytes_within(Input(str(folder)), 1 << 20)
    with pytest.raises(IsADirectoryError) as before:
        folder.read_bytes()
    assert str(read.value) == str(before.value)
    with pytest.raises(FileNotFoundError) as missing:
        bytes_within(Input(str(tmp_path / "gone.txt")), 10)
    assert str(missing.value) == f"[Errno 2] No such file or directory: '{tmp_path}/gone.txt'"
