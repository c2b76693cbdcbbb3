"""`openimr corpus ingest FOLDER` follows a symbolic link to a folder under FOLDER (a share
of last year's letters linked in beside this year's), naming its letters through the link,
and says so in its summary. A link that leads back up (to FOLDER, or a folder holding it) or
to a folder read already is not entered, and the summary says that too: the walk ends, and
no letter is read twice. It used to pass over every link to a folder without a word, so a
linked year of letters was left out of a run that reported success."""

import json
import os
from pathlib import Path

import pytest

from openimr.cli import main
from openimr.decisions.models import Decision, SourceFile
from openimr.decisions.tests.ingest_files import generated_texts

pytestmark = pytest.mark.django_db


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    """``letters`` (one letter of its own) and ``share/2016`` (two), linked in as
    ``letters/2016``; ``letters/again`` links to the share too, ``letters/up`` to ``letters``
    itself and ``share/2016/top`` back to the share: two ways in once, two loops."""
    letters, share = tmp_path / "letters", tmp_path / "share" / "2016"
    letters.mkdir()
    share.mkdir(parents=True)
    (own, own_text), *linked = generated_texts(3, seed=29)
    (letters / f"{own}.txt").write_text(own_text, encoding="utf-8")
    for number, text in linked:
        (share / f"{number}.txt").write_text(text, encoding="utf-8")
    os.symlink(share, letters / "2016")
    os.symlink(share, letters / "again")
    os.symlink(letters, letters / "up")
    os.symlink(share.parent, share / "top")
    return letters, share


def test_a_linked_folder_is_read_once_and_each_link_is_said(folders, capsys):
    letters, share = folders
    assert main(["corpus", "ingest", str(letters), "--workers", "1", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)

    assert (summary["found"], summary["parsed"], summary["failed"]) == (3, 3, 0)
    assert Decision.objects.count() == 3
    names = sorted(SourceFile.objects.values_list("name", flat=True))
    assert sum(n.startswith(f"{letters}/2016/") for n in names) == 2  # named through the link
    assert not any("/again/" in n or "/up/" in n or "/top/" in n for n in names)
    said = {Path(k["link"]).relative_to(letters.parent).as_posix(): k for k in summary["links"]}
    assert said["letters/2016"] == {
        "link": str(letters / "2016"),
        "target": str(share),
        "followed": True,
    }
    assert said["letters/again"]["followed"] is False  # the share is read already
    assert said["letters/up"]["followed"] is False  # a loop back to the folder given
    assert said["letters/2016/top"]["followed"] is False  # holds the share: a loop
    assert said["letters/2016/top"]["target"] == str(share.parent)
    assert len(said) == 4


def test_the_summary_names_the_links_followed_and_not(folders, capsys):
    letters, share = folders
    assert main(["corpus", "ingest", str(letters), "--workers", "1"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("found 3: parsed 3")
    assert f"  followed the link {letters / '2016'} to {share}\n" in out
    assert f"  did not follow the link {letters / 'up'} to {letters}: that folder is read" in out


def test_a_second_run_reads_nothing_again(folders, capsys):
    letters, _ = folders
    assert main(["corpus", "ingest", str(letters), "--workers", "1", "--json"]) == 0
    capsys.readouterr()
    assert main(["corpus", "ingest", str(letters), "--workers", "1", "--json"]) == 0
    second = json.loads(capsys.readouterr().out)
    assert (second["found"], second["skipped"], second["parsed"]) == (3, 3, 0)
