"""The server's worker processes share the public search pages they computed through files
under the data folder (openimr.decisions.corpus_shelf): a page one process computed is
served by another without searching again, but only while the corpus stands still."""

from pathlib import Path

import pytest

from openimr.decisions import corpus
from openimr.decisions.corpus import StampedCache
from openimr.decisions.corpus_shelf import (
    Shelf,
    decode_object,
    decode_page,
    encode_object,
    encode_page,
)
from openimr.decisions.tests.public_factories import make_decision
from openimr.decisions.views import _PAGES

pytestmark = pytest.mark.django_db


def _process(folder: Path) -> StampedCache:
    """What one worker process holds: its own memory, the machine's shelf."""
    return StampedCache("shared test", 16, Shelf(lambda: folder, 64, encode_page, decode_page))


def _page(words: str) -> tuple[int, bytes]:
    return 200, f"<p>{words}</p>".encode()


def test_a_page_one_process_computed_is_served_to_another_without_computing(tmp_path):
    make_decision(case_number="CM16-0000001", summary="Lumbar strain after a fall.")
    first, second = _process(tmp_path), _process(tmp_path)
    first.get_or_compute("q=lumbar", lambda: _page("lumbar"))

    def must_not_run() -> tuple[int, bytes]:
        raise AssertionError("computed again")

    assert second.get_or_compute("q=lumbar", must_not_run) == _page("lumbar")


def test_a_page_kept_before_the_corpus_changed_is_not_served_after(tmp_path):
    make_decision(case_number="CM16-0000001", summary="Lumbar strain after a fall.")
    _process(tmp_path).get_or_compute("q=lumbar", lambda: _page("one letter"))

    make_decision(case_number="CM16-0000002", summary="Lumbar strain at work.")

    fresh = _process(tmp_path).get_or_compute("q=lumbar", lambda: _page("two letters"))
    assert fresh == _page("two letters")


def test_a_damaged_shared_file_is_computed_again(tmp_path):
    make_decision(case_number="CM16-0000001", summary="Lumbar strain after a fall.")
    _process(tmp_path).get_or_compute("q=lumbar", lambda: _page("lumbar"))
    for kept in tmp_path.glob("*/*/*"):
        kept.write_bytes(b"garbage")

    again = _process(tmp_path).get_or_compute("q=lumbar", lambda: _page("recomputed"))
    assert again == _page("recomputed")


def test_the_public_search_page_is_shared_through_the_data_folder(client, settings, tmp_path):
    settings.DATA_DIR = tmp_path
    make_decision(case_number="CM16-0000001", summary="Lumbar strain after a fall.")
    page = client.get("/decisions/", {"q": "lumbar"}).content
    _PAGES.clear()  # as another process would start: nothing in its memory
    before = corpus.STATS["search page shared hit"]
    assert client.get("/decisions/", {"q": "lumbar"}).content == page
    assert corpus.STATS["search page shared hit"] == before + 1
    assert list((tmp_path / "cache" / "search-pages").glob("*/*/*"))


def test_a_precedent_panel_is_shared_as_the_same_object(tmp_path):
    make_decision(case_number="CM16-0000001", summary="Lumbar strain after a fall.")
    shelf = Shelf(lambda: tmp_path, 64, encode_object, decode_object)
    first, second = StampedCache("panels a", 4, shelf), StampedCache("panels b", 4, shelf)
    panel = first.get_or_compute(("physical therapy",), lambda: {"shown": ("CM16-0000001",)})

    assert second.get_or_compute(("physical therapy",), dict) == panel
