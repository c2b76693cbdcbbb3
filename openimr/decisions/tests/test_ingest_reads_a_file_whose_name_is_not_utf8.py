"""A file whose name is not UTF-8 (copied from an old Windows share or unpacked from an
archive written in Latin-1: "caf\\xe9.pdf") is ingested like any other, its name stored with
the byte that is not UTF-8 written as \\xe9. Before, the name could not be stored: the
batch holding it failed with a UnicodeEncodeError traceback, and so did every rerun."""

import os
from pathlib import Path

import pytest

from openimr.decisions.models import Decision, SourceFile
from openimr.decisions.services import corpus_ingest
from openimr.decisions.tests.ingest_files import real_pdfs

pytestmark = pytest.mark.django_db


@pytest.fixture
def latin1_named(tmp_path: Path) -> Path:
    folder = tmp_path / "letters"
    folder.mkdir()
    first, second = real_pdfs(2)
    (folder / first.name).write_bytes(first.read_bytes())
    with open(os.fsencode(folder) + b"/caf\xe9 letter.pdf", "wb") as handle:
        handle.write(second.read_bytes())
    return folder


def test_a_letter_named_in_latin1_is_ingested_with_its_name_escaped(latin1_named):
    summary = corpus_ingest([latin1_named], actor="test")
    assert (summary.found, summary.parsed, summary.failed) == (2, 2, 0)
    assert Decision.objects.count() == 2
    names = SourceFile.objects.values_list("name", flat=True)
    assert any(name.endswith("caf\\xe9 letter.pdf") for name in names)


def test_a_second_run_skips_it(latin1_named):
    corpus_ingest([latin1_named], actor="test")
    again = corpus_ingest([latin1_named], actor="test")
    assert (again.found, again.parsed, again.skipped) == (2, 0, 2)
