"""While an ingest runs, the objects made before it are out of the cycle collector's reach
(gc.freeze: its full collections walked them all); afterwards they are collectable again,
and a process that froze objects itself (a server worker) keeps them frozen as they were."""

import gc
from pathlib import Path

import pytest

from openimr.decisions.services import corpus_ingest
from openimr.decisions.tests.ingest_files import generated_texts

pytestmark = pytest.mark.django_db


def _collectable(thing: object) -> bool:
    """In one of the collector's generations (the frozen are in none of them)."""
    return any(o is thing for o in gc.get_objects())


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for number, text in generated_texts(2):
        (tmp_path / f"{number}.txt").write_text(text, encoding="utf-8")
    return tmp_path


def test_the_objects_frozen_during_an_ingest_are_collectable_again_after_it(folder):
    made_before: list[object] = [object()]
    assert gc.get_freeze_count() == 0 and _collectable(made_before)
    seen: list[bool] = []
    summary = corpus_ingest(
        [folder], actor="test", on_read=lambda: seen.append(_collectable(made_before))
    )
    assert summary.parsed == 2
    assert seen == [False, False], "out of the collector's reach while the letters were read"
    assert gc.get_freeze_count() == 0 and _collectable(made_before)


def test_objects_frozen_before_an_ingest_stay_frozen_after_it(folder):
    made_before: list[object] = [object()]
    gc.freeze()
    try:
        assert corpus_ingest([folder], actor="test").parsed == 2
        assert gc.get_freeze_count() > 0 and not _collectable(made_before)
    finally:
        gc.unfreeze()
