"""A command prints a file name, and a reason read from a file, as it is spelled: each
control and text-direction character as its code (``\\u202e``). Printed as it was, a name
holding an escape sequence cleared or re-coloured the terminal, and "letter<U+202E>txt.pdf"
read "letterfdp.txt", a file that is not there (ingest, letter parse, case validate and
import all printed the name raw)."""

import shutil
from pathlib import Path

import pytest

from conftest import SEED_FILE
from openimr.cli import main

REVERSED = "letter\u202etxt.pdf"
CLEARING = "two\nlines\x1b[2J.txt"


def _raw_free(text: str) -> None:
    assert "\u202e" not in text and "\x1b" not in text


@pytest.fixture
def odd_names(tmp_path: Path) -> Path:
    folder = tmp_path / "odd"
    folder.mkdir()
    (folder / REVERSED).write_bytes(b"%PDF-1.7 not really a PDF")
    (folder / CLEARING).write_text("eggs, milk and flour", encoding="utf-8")
    return folder


@pytest.mark.django_db
def test_ingest_names_each_failed_file_by_its_codes(odd_names, capsys):
    assert main(["corpus", "ingest", str(odd_names), "--workers", "1"]) == 0
    err = capsys.readouterr().err
    _raw_free(err)
    assert "letter\\u202etxt.pdf: " in err
    assert "two\\u000alines\\u001b[2J.txt: " in err


def test_letter_parse_names_each_unreadable_file_by_its_codes(odd_names, capsys):
    assert main(["letter", "parse", *(str(p) for p in sorted(odd_names.iterdir()))]) == 2
    err = capsys.readouterr().err
    _raw_free(err)
    assert "letter\\u202etxt.pdf: " in err
    assert "two\\u000alines\\u001b[2J.txt: " in err
    assert len(err.splitlines()) == 2  # one line a file: the line break did not run on


def test_case_validate_names_a_good_and_a_bad_file_by_their_codes(tmp_path, capsys):
    good = tmp_path / "\x1b[31mseed\u202e.json"
    shutil.copy(SEED_FILE, good)
    bad = tmp_path / "\x1b[2Jbad.json"
    bad.write_text("{}", encoding="utf-8")
    assert main(["case", "validate", str(good), str(bad)]) == 2
    out, err = capsys.readouterr()
    _raw_free(out + err)
    assert "\\u001b[31mseed\\u202e.json: valid openimr.case/1" in out
    assert "\\u001b[2Jbad.json: invalid" in err


def test_a_file_that_cannot_be_read_is_named_by_its_codes(tmp_path, capsys):
    missing = tmp_path / "gone\x1b]0;owned\x07.json"
    assert main(["case", "import", str(missing)]) == 2
    err = capsys.readouterr().err
    _raw_free(err)
    assert "\x07" not in err
    assert "gone\\u001b]0;owned\\u0007.json" in err


def test_a_name_of_plain_letters_and_accents_is_printed_as_it_is(tmp_path, capsys):
    good = tmp_path / "Résumé médical.json"
    shutil.copy(SEED_FILE, good)
    assert main(["case", "validate", str(good)]) == 0
    assert "Résumé médical.json: valid" in capsys.readouterr().out
