"""Every file an ingest is given is counted, never dropped: the letters of a zip inside a
zip are read; a zip a level deeper, a zip with no letter in it, a symbolic link that leads
nowhere (a loop, a missing target) and a file that vanishes between being listed and being
read are each stored as failed with why, and listed for staff. Before, the first four were
passed over without a word and the last ended the whole ingest with a traceback, the files
after it unread."""

import io
import json
import os
import zipfile
from pathlib import Path

import pytest

from openimr.cli import main
from openimr.decisions.models import Decision, SourceFile
from openimr.decisions.services import corpus_ingest
from openimr.decisions.tests.ingest_files import real_pdfs, write_zip

pytestmark = pytest.mark.django_db


def _reason(name: str) -> str:
    return SourceFile.objects.get(name__endswith=name, status="failed").error


def _zip_of(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.fixture
def odd(tmp_path: Path) -> Path:
    folder = tmp_path / "odd"
    folder.mkdir()
    first, second, third = real_pdfs(3)
    deepest = _zip_of({third.name: third.read_bytes()})
    inner = _zip_of({first.name: first.read_bytes(), "deeper.zip": deepest})
    members = {"inner.zip": inner, second.name: second.read_bytes(), "bad.zip": b"PK\x03\x04"}
    write_zip(folder / "outer.zip", members)
    write_zip(folder / "empty.zip", {})
    write_zip(folder / "pictures.zip", {"scan.jpg": b"\xff\xd8\xff not a letter"})
    (folder / "loop.pdf").symlink_to("loop.pdf")
    (folder / "gone.txt").symlink_to(folder / "nowhere.txt")
    (folder / "empty folder").mkdir()
    return folder


def test_each_file_that_holds_no_letter_it_can_read_is_failed_with_why(odd):
    summary = corpus_ingest([odd], actor="test")
    assert (summary.found, summary.parsed, summary.failed, summary.skipped) == (8, 2, 6, 0)
    assert "a zip archive inside a zip inside a zip" in _reason("outer.zip:inner.zip:deeper.zip")
    assert "not a readable zip archive" in _reason("outer.zip:bad.zip")
    assert "holds no PDF or text file" in _reason("empty.zip")
    assert "holds no PDF or text file (1 other file)" in _reason("pictures.zip")
    assert "symbolic link that leads nowhere" in _reason("loop.pdf")
    assert "symbolic link that leads nowhere" in _reason("gone.txt")
    assert {f for f, _ in summary.failures} == set(
        SourceFile.objects.filter(status="failed").values_list("name", flat=True)
    )


def test_a_letter_in_a_zip_inside_a_zip_is_read_and_named_by_both(odd):
    corpus_ingest([odd], actor="test")
    first = real_pdfs(1)[0]
    parsed = SourceFile.objects.get(name__endswith=f"outer.zip:inner.zip:{first.name}")
    assert parsed.status == "parsed" and parsed.decision.case_number == first.stem


def test_a_second_run_counts_them_as_seen_and_adds_nothing(odd):
    corpus_ingest([odd], actor="test")
    rows = SourceFile.objects.count()
    again = corpus_ingest([odd], actor="test", workers=2)
    assert (again.found, again.parsed, again.failed, again.skipped) == (8, 0, 0, 8)
    assert SourceFile.objects.count() == rows


def test_a_file_that_vanishes_before_it_is_read_fails_alone(tmp_path):
    pdfs = real_pdfs(3)
    for pdf in pdfs:
        (tmp_path / pdf.name).write_bytes(pdf.read_bytes())
    vanishing = tmp_path / pdfs[1].name

    summary = corpus_ingest([tmp_path], actor="test", on_start=lambda _: vanishing.unlink())

    assert (summary.parsed, summary.failed) == (2, 1)
    assert "could not be read: FileNotFoundError" in _reason(pdfs[1].name)
    assert Decision.objects.count() == 2


def test_the_vanished_file_is_read_when_it_is_back(tmp_path):
    pdf = real_pdfs(1)[0]
    target = tmp_path / pdf.name
    target.write_bytes(pdf.read_bytes())
    corpus_ingest([tmp_path], actor="test", on_start=lambda _: target.unlink())
    target.write_bytes(pdf.read_bytes())

    again = corpus_ingest([tmp_path], actor="test")

    assert (again.parsed, again.failed) == (1, 0)
    assert Decision.objects.filter(case_number=pdf.stem).exists()


def test_an_empty_folder_says_it_found_no_file(tmp_path, capsys):
    assert main(["corpus", "ingest", str(tmp_path), "--json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["found"] == 0
    assert f"found no PDF, text or zip file under {tmp_path}" in err


def test_a_zip_inside_a_zip_larger_than_a_reader_may_hold_is_not_opened(tmp_path, settings):
    settings.OPENIMR_PDF_MEMORY_MB = 1
    big = _zip_of({"filler.txt": os.urandom(2 * 1024 * 1024)})
    write_zip(tmp_path / "outer.zip", {"big.zip": big})

    summary = corpus_ingest([tmp_path], actor="test")

    assert (summary.found, summary.failed) == (1, 1)
    assert _reason("outer.zip:big.zip").startswith("too large: 2 MB, more than the 1 MB")
