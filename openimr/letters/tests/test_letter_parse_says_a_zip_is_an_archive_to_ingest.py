"""`openimr letter parse` given a zip archive of letters says it is an archive and which
command reads one: it was read as text, and said "not a letter: no Independent Medical Review
determination ... was found in the text", as if the letters inside were not letters."""

import json
import zipfile
from pathlib import Path

from openimr.cli import main
from openimr.letters.tests.test_parse_support import SEED


def write_zip(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.write(SEED, SEED.name)
    return path


def test_a_zip_of_letters_is_named_an_archive_that_corpus_ingest_reads(tmp_path, capsys):
    archive = write_zip(tmp_path / "letters.zip")

    assert main(["letter", "parse", str(archive), "--json"]) == 2

    error = json.loads(capsys.readouterr().out)["error"]
    assert error.startswith("a zip archive, not a letter")
    assert "openimr corpus ingest" in error


def test_a_zip_named_as_a_pdf_is_named_an_archive_too(tmp_path, capsys):
    archive = write_zip(tmp_path / "letter.pdf")

    assert main(["letter", "parse", str(archive)]) == 2

    assert "letter.pdf: a zip archive, not a letter" in capsys.readouterr().err
