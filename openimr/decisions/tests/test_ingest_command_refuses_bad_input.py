"""`openimr corpus ingest` with a bad option or path: exit 2, what is wrong, nothing stored."""

import pytest

from openimr.cli import main
from openimr.decisions.models import SourceFile
from openimr.decisions.tests.ingest_files import real_pdfs

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--workers", "0"], "--workers: must be 1 or more"),
        (["--batch", "0"], "--batch: must be 1 or more"),
    ],
)
def test_a_bad_option_is_refused(options, message, capsys):
    pdf = str(real_pdfs(1)[0])
    assert main(["corpus", "ingest", pdf, *options]) == 2
    assert message in capsys.readouterr().err
    assert not SourceFile.objects.exists()


def test_a_missing_path_is_named_and_nothing_is_read(tmp_path, capsys):
    pdf = str(real_pdfs(1)[0])
    assert main(["corpus", "ingest", pdf, str(tmp_path / "nowhere")]) == 2
    assert f"{tmp_path / 'nowhere'}: no such file or folder" in capsys.readouterr().err
    assert not SourceFile.objects.exists()


@pytest.mark.parametrize("target", ["itself.pdf", "nowhere.pdf"])
def test_a_link_given_that_loops_or_leads_nowhere_is_named_so(tmp_path, capsys, target):
    link = tmp_path / "itself.pdf"
    link.symlink_to(tmp_path / target)
    assert main(["corpus", "ingest", str(link)]) == 2
    assert capsys.readouterr().err == (
        f"error: {link}: a symbolic link that leads nowhere (its target is missing, or it "
        "points to itself)\n"
    )
    assert not SourceFile.objects.exists()


def test_an_empty_path_is_refused_not_read_as_the_current_folder(tmp_path, capsys, monkeypatch):
    pdf = real_pdfs(1)[0]
    (tmp_path / pdf.name).write_bytes(pdf.read_bytes())
    monkeypatch.chdir(tmp_path)  # `openimr corpus ingest "$UNSET"` run where letters lie
    assert main(["corpus", "ingest", ""]) == 2
    assert capsys.readouterr().err == (
        'error: PATH: an empty path (an unset variable?): name a file or folder, or "." for '
        "this one\n"
    )
    assert not SourceFile.objects.exists()


def test_the_summary_counts_what_was_done(tmp_path, capsys):
    (tmp_path / "list.txt").write_text("not a letter", encoding="utf-8")
    pdf = real_pdfs(1)[0]
    (tmp_path / pdf.name).write_bytes(pdf.read_bytes())
    assert main(["corpus", "ingest", str(tmp_path), "--workers", "1"]) == 0
    out, err = capsys.readouterr()
    assert "parsed 1 (with warnings 0), failed 1, skipped (already seen) 0" in out
    assert "fdl-2016: 1" in out
    assert "list.txt: not a letter" in err
