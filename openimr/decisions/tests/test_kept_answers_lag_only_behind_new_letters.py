"""With ``OPENIMR_CORPUS_LAG_SECONDS`` set, a public search page or a precedent panel kept
before new letters were published goes on being served until its lease ends (half the lag
to all of it), then is computed again; a letter changed or withdrawn leaves every kept
answer at once; a signed-in user's search is never kept (openimr.decisions.corpus)."""

import importlib
import time

import pytest
from django.test import Client

from config import settings as module
from config.env import SettingError
from openimr.decisions import corpus, precedents
from openimr.decisions.corpus import StampedCache
from openimr.decisions.corpus_shelf import Shelf, decode_page, encode_page
from openimr.decisions.models import Decision, DecisionItem
from openimr.decisions.precedents import precedents_for_case
from openimr.decisions.tests.public_factories import item, make_decision
from openimr.decisions.views import _PAGES

pytestmark = pytest.mark.django_db
LAG = 600
CASE = {
    "case_number": "CM26-0000001",
    "diagnoses": ["M54.16 Radiculopathy, lumbar region"],
    "clinical_summary": "Radiculopathy after lifting cartons.",
    "items": [{"treatment": "Physical therapy, lumbar spine", "category": "rehabilitation"}],
}


@pytest.fixture(autouse=True)
def _lag(settings, tmp_path):
    """Every test's database starts from the same stamps (its writes are rolled back): the
    pages an earlier test kept, in memory or on the shelf, are put out of reach."""
    settings.OPENIMR_CORPUS_LAG_SECONDS = LAG
    settings.DATA_DIR = tmp_path
    for cache in (_PAGES, precedents._PANELS, precedents._COHORTS):
        cache.clear()


@pytest.fixture
def clock(monkeypatch):
    """The kept answers' clock, moved by hand."""
    now = [time.time()]
    monkeypatch.setattr(corpus.time, "time", lambda: now[0])
    return now


def _search(client, words: str) -> str:
    return client.get("/decisions/", {"q": words}).content.decode()


def test_a_new_letter_shows_in_a_kept_search_only_after_its_lease(client, clock):
    make_decision(case_number="CM16-0000001", summary="Lumbar strain after a fall.")
    assert "CM16-0000001" in _search(client, "lumbar")

    make_decision(case_number="CM16-0000002", summary="Lumbar strain at work.")
    clock[0] += LAG * 0.5 - 1
    assert "CM16-0000002" not in _search(client, "lumbar")  # within every lease

    clock[0] += LAG * 0.5 + 2
    assert "CM16-0000002" in _search(client, "lumbar")  # past every lease


def test_staff_see_a_new_letter_in_their_search_at_once(admin_client):
    visitor = Client()  # admin_client is pytest-django's ``client``, signed in
    make_decision(case_number="CM16-0000001", summary="Lumbar strain after a fall.")
    _search(visitor, "lumbar")
    _search(admin_client, "lumbar")

    make_decision(case_number="CM16-0000002", summary="Lumbar strain at work.")

    assert "CM16-0000002" in _search(admin_client, "lumbar")
    assert "CM16-0000002" not in _search(visitor, "lumbar")


def test_a_withdrawn_letter_leaves_a_kept_search_at_once(client):
    make_decision(case_number="CM16-0000001", summary="Lumbar strain after a fall.")
    make_decision(case_number="CM16-0000002", summary="Lumbar strain at work.")
    assert "CM16-0000002" in _search(client, "lumbar")

    Decision.objects.filter(case_number="CM16-0000002").delete()

    assert "CM16-0000002" not in _search(client, "lumbar")


def test_a_corrected_outcome_shows_in_a_kept_search_at_once(client):
    make_decision(case_number="CM16-0000001", summary="Lumbar strain after a fall.")
    assert "badge overturned" not in _search(client, "lumbar")

    DecisionItem.objects.filter(decision__case_number="CM16-0000001").update(outcome="overturned")

    assert '<span class="badge overturned">Overturned</span>' in _search(client, "lumbar")


def test_another_process_serves_a_leased_answer_then_replaces_it_when_due(tmp_path, clock):
    shelf = Shelf(lambda: tmp_path, 64, encode_page, decode_page)
    first, second = StampedCache("lag a", 4, shelf), StampedCache("lag b", 4, shelf)
    make_decision(case_number="CM16-0000001")
    first.get_or_compute("q=x", lambda: (200, b"one letter"))
    make_decision(case_number="CM16-0000002")

    assert second.get_or_compute("q=x", lambda: (200, b"two letters")) == (200, b"one letter")

    clock[0] += LAG + 1
    assert second.get_or_compute("q=x", lambda: (200, b"two letters")) == (200, b"two letters")
    third = StampedCache("lag c", 4, shelf)  # a process started later reads the new file
    assert third.get_or_compute("q=x", lambda: (200, b"computed")) == (200, b"two letters")


def test_leases_of_answers_kept_together_end_apart(clock):
    cache = StampedCache("spread", 64)
    make_decision(case_number="CM16-0000001")
    for n in range(40):
        cache.get_or_compute(n, lambda n=n: f"old {n}")
    make_decision(case_number="CM16-0000002")

    clock[0] += LAG * 0.75
    answers = [cache.get_or_compute(n, lambda n=n: f"new {n}") for n in range(40)]

    renewed = sum(answer.startswith("new") for answer in answers)
    assert 0 < renewed < 40


@pytest.mark.parametrize("value", ["-1", "soon", "1.5"])
def test_a_malformed_lag_stops_start_up(monkeypatch, value):
    monkeypatch.setenv("OPENIMR_CORPUS_LAG_SECONDS", value)
    try:
        with pytest.raises(SettingError, match=f"OPENIMR_CORPUS_LAG_SECONDS={value!r}"):
            importlib.reload(module)
    finally:
        monkeypatch.delenv("OPENIMR_CORPUS_LAG_SECONDS")
        importlib.reload(module)


def test_a_panel_computed_again_after_its_lease_counts_the_letters_published_meanwhile(
    clock, monkeypatch
):
    # The panel's cohort and the glued forms it asks are kept exactly (no lease drawn); the
    # panel's own lease is the first drawn: the shortest, so that it falls due first.
    leases = iter([0.5])
    monkeypatch.setattr(corpus.random, "uniform", lambda low, high: next(leases, 1.0))
    make_decision(items=[item("Physical therapy 2x6 lumbar", outcome="upheld")])
    [before] = precedents_for_case(CASE)
    make_decision(items=[item("Physical therapy 2x6 lumbar", outcome="overturned")])
    assert precedents_for_case(CASE)[0].cohort_size == before.cohort_size  # within its lease

    clock[0] += LAG * 0.75
    [after] = precedents_for_case(CASE)
    assert (after.cohort_size, after.overturned) == (before.cohort_size + 1, 1)
