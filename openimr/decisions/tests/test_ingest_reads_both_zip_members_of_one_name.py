"""A zip may hold two members of the same name (an archive appended to, a tool that adds
rather than replaces). Each is a letter: both are read, under names told apart
(``letters.zip:letter.txt`` and ``letters.zip:letter.txt#2``), where the second used to be
read twice and the first counted as "already seen", a letter silently dropped."""

import io
import warnings
import zipfile
from pathlib import Path

import pytest

from openimr.decisions.models import Decision, SourceFile
from openimr.decisions.services import corpus_ingest
from openimr.decisions.tests.ingest_files import generated_texts

pytestmark = pytest.mark.django_db


def _zip_of(members: list[tuple[str, str]]) -> bytes:
    buffer = io.BytesIO()
    with warnings.catch_warnings():  # zipfile warns of a duplicate name: that is the case
        warnings.simplefilter("ignore", UserWarning)
        with zipfile.ZipFile(buffer, "w") as archive:
            for name, text in members:
                archive.writestr(name, text)
    return buffer.getvalue()


@pytest.mark.parametrize("workers", [1, 2])
def test_both_letters_of_one_name_are_stored(tmp_path: Path, workers: int):
    (one_case, one), (two_case, two) = generated_texts(2)
    path = tmp_path / "letters.zip"
    path.write_bytes(_zip_of([("letter.txt", one), ("letter.txt", two)]))
    summary = corpus_ingest([path], actor="test", workers=workers)
    assert (summary.found, summary.parsed, summary.skipped) == (2, 2, 0)
    assert set(Decision.objects.values_list("case_number", flat=True)) == {one_case, two_case}
    assert sorted(SourceFile.objects.values_list("name", flat=True)) == [
        f"{path}:letter.txt",
        f"{path}:letter.txt#2",
    ]


def test_both_letters_of_one_name_in_a_zip_inside_a_zip_are_stored(tmp_path: Path):
    (one_case, one), (two_case, two), (three_case, three) = generated_texts(3)
    month = _zip_of([("letter.txt", one), ("letter.txt", two)])
    other = _zip_of([("letter.txt", three)])
    path = tmp_path / "year.zip"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("month.zip", month)
            archive.writestr("month.zip", other)
    summary = corpus_ingest([path], actor="test")
    assert (summary.found, summary.parsed, summary.skipped) == (3, 3, 0)
    assert set(Decision.objects.values_list("case_number", flat=True)) == {
        one_case,
        two_case,
        three_case,
    }
    assert sorted(SourceFile.objects.values_list("name", flat=True)) == [
        f"{path}:month.zip#2:letter.txt",
        f"{path}:month.zip:letter.txt",
        f"{path}:month.zip:letter.txt#2",
    ]


def test_a_rerun_skips_both(tmp_path: Path):
    (_, one), (_, two) = generated_texts(2)
    path = tmp_path / "letters.zip"
    path.write_bytes(_zip_of([("letter.txt", one), ("letter.txt", two)]))
    corpus_ingest([path], actor="test")
    again = corpus_ingest([path], actor="test")
    assert (again.parsed, again.skipped) == (0, 2)
