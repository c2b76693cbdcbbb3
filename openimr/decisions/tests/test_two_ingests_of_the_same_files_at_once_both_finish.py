"""Two ingests of the same files at once (two terminals, or two machines sharing a
PostgreSQL database) both finish: the one that stores a batch second skips the files the
other stored meanwhile instead of ending on a unique-key error, and nothing is doubled
(found in a QA pass on PostgreSQL)."""

import pytest

from openimr.decisions.models import Decision, SourceFile
from openimr.decisions.services import corpus_ingest
from openimr.decisions.services import ingest as ingest_module
from openimr.decisions.tests.ingest_files import generated_texts

pytestmark = pytest.mark.django_db


def _folder(tmp_path, count, seed):
    folder = tmp_path / f"letters-{seed}"
    folder.mkdir()
    for name, text in generated_texts(count, seed=seed):
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def test_files_another_ingest_stored_meanwhile_are_skipped_and_the_rest_stored(
    tmp_path, monkeypatch
):
    first = _folder(tmp_path, 4, seed=21)
    assert corpus_ingest([first], actor="test").parsed == 4
    later = _folder(tmp_path, 3, seed=22)
    # The second run listed what was stored before the first run committed: it sees nothing.
    monkeypatch.setattr(ingest_module, "seen_hashes", set)
    summary = corpus_ingest([first, later], actor="test")
    assert (summary.parsed, summary.skipped, summary.failed) == (3, 4, 0)
    assert SourceFile.objects.count() == 7
    assert Decision.objects.count() == 7
