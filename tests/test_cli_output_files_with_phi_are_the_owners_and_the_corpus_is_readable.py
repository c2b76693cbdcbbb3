"""What `-o` writes is the owner's alone (0600) when it holds PHI, whatever the umask: a
case export (the parties' names and addresses) and a rendered letter (the injured worker's
name). The public corpus export is de-identified and published anyway: it used to be 0600
too, so a researcher sharing a folder with colleagues had to chmod every export; it now
gets the mode any new file gets (0666 less the umask: 0644 under the usual 022)."""

import datetime as dt
import os
import stat

import pytest

from conftest import SEED_FILE, THREE_ITEM_FILE
from openimr.cli import main
from openimr.decisions.tests.public_factories import item, make_decision


@pytest.fixture
def umask():
    """Sets the process's umask for the test, and puts the old one back."""
    old = os.umask(0o022)
    yield os.umask
    os.umask(old)


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600)])
def test_the_corpus_export_is_readable_as_the_umask_allows(tmp_path, umask, mask, mode):
    make_decision(decided=dt.date(2016, 3, 1), items=[item("Knee brace")])
    umask(mask)
    out = tmp_path / "corpus.csv"
    assert main(["corpus", "export", "--format", "csv", "-o", str(out)]) == 0
    assert _mode(out) == mode
    assert "Knee brace" in out.read_text()


@pytest.mark.django_db(transaction=True)
def test_a_case_export_is_the_owners_alone_under_an_open_umask(tmp_path, umask, capsys):
    assert main(["case", "import", str(THREE_ITEM_FILE)]) == 0
    out = tmp_path / "case.json"
    out.write_text("an older export, readable by all")
    out.chmod(0o644)
    assert main(["case", "export", "CM16-0400101", "-o", str(out)]) == 0
    assert _mode(out) == 0o600
    assert '"case_number": "CM16-0400101"' in out.read_text()


@pytest.mark.parametrize("fmt", ["text", "html", "pdf"])
def test_a_rendered_letter_is_the_owners_alone_under_an_open_umask(tmp_path, umask, fmt):
    out = tmp_path / f"letter.{fmt}"
    assert main(["letter", "render", str(SEED_FILE), "--format", fmt, "-o", str(out)]) == 0
    assert _mode(out) == 0o600
    assert out.stat().st_size > 0
