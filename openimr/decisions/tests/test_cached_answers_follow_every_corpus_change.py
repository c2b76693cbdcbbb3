"""The search page and the precedent panel keep their answers until the corpus changes
(openimr.decisions.corpus): a letter published, changed or removed after a visitor's
search shows in the very next identical search, and a panel follows its cohort."""

import pytest
from django.db import connection

from openimr.decisions import corpus
from openimr.decisions.models import Decision, DecisionItem
from openimr.decisions.precedents import precedents_for_case
from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = pytest.mark.django_db

CASE = {
    "case_number": "CM26-0000001",
    "diagnoses": ["M54.16 Radiculopathy, lumbar region"],
    "clinical_summary": "Radiculopathy after lifting cartons.",
    "items": [{"treatment": "Physical therapy, lumbar spine", "category": "rehabilitation"}],
}


def _search(client, words: str) -> str:
    return client.get("/decisions/", {"q": words}).content.decode()


def test_a_letter_published_after_a_search_shows_in_the_same_search_again(client):
    make_decision(case_number="CM16-0000001", summary="Lumbar strain after a fall.")
    assert "CM16-0000001" in _search(client, "lumbar")
    assert "CM16-0000002" not in _search(client, "lumbar")  # answered from the cache

    make_decision(case_number="CM16-0000002", summary="Lumbar strain at work.")

    assert "CM16-0000002" in _search(client, "lumbar")


def test_a_changed_or_removed_letter_changes_the_cached_search(client):
    make_decision(case_number="CM16-0000001", summary="Lumbar strain after a fall.")
    make_decision(case_number="CM16-0000002", summary="Lumbar strain at work.")
    assert "CM16-0000002" in _search(client, "lumbar")

    DecisionItem.objects.filter(decision__case_number="CM16-0000002").update(outcome="overturned")
    assert '<span class="badge overturned">Overturned</span>' in _search(client, "lumbar")

    Decision.objects.filter(case_number="CM16-0000002").delete()
    assert "CM16-0000002" not in _search(client, "lumbar")


def test_the_same_search_is_answered_from_the_cache_while_the_corpus_stands_still(client):
    make_decision(case_number="CM16-0000001", summary="Lumbar strain after a fall.")
    before = corpus.STATS["search page hit"]
    first = _search(client, "lumbar strain")
    again = _search(client, "lumbar strain")
    assert again == first
    assert corpus.STATS["search page hit"] == before + 1


def test_a_logged_in_users_search_page_is_written_for_them(admin_client):
    make_decision(case_number="CM16-0000001", summary="Lumbar strain after a fall.")
    body = _search(admin_client, "lumbar")
    assert "Log out" in body and "CM16-0000001" in body


def test_the_precedent_panel_follows_a_new_letter_of_its_cohort():
    make_decision(items=[item("Physical therapy 2x6 lumbar", outcome="upheld")])
    [before] = precedents_for_case(CASE)
    assert before.cohort_size == 1

    make_decision(items=[item("Physical therapy 2x6 lumbar", outcome="overturned")])

    [after] = precedents_for_case(CASE)
    assert (after.cohort_size, after.overturned) == (2, 1)


def test_every_write_moves_the_written_stamp_and_only_changes_move_the_removal_stamp():
    stamps = [corpus.corpus_stamps()]
    decision = make_decision(case_number="CM16-0000001")
    stamps.append(corpus.corpus_stamps())
    DecisionItem.objects.filter(decision=decision).update(outcome="overturned")
    stamps.append(corpus.corpus_stamps())
    Decision.objects.filter(pk=decision.pk).update(priority="expedited")
    stamps.append(corpus.corpus_stamps())
    Decision.objects.filter(pk=decision.pk).delete()
    stamps.append(corpus.corpus_stamps())
    assert None not in stamps
    written = [s.written for s in stamps]  # type: ignore[union-attr]
    removal = [s.removal for s in stamps]  # type: ignore[union-attr]
    assert len(set(written)) == len(written)
    assert removal[0] == removal[1]  # a letter added: no removal
    assert len(set(removal[1:])) == len(removal[1:])  # each change or delete: a new one


def test_the_stamps_triggers_are_there_after_every_migration():
    """A later migration that rebuilt a corpus table on SQLite would drop them silently."""
    corpus._checked.clear()
    assert corpus._triggers_installed()


def test_without_its_triggers_nothing_is_cached(client):
    make_decision(case_number="CM16-0000001", summary="Lumbar strain after a fall.")
    key = f"{connection.vendor}:{connection.settings_dict.get('NAME')}"
    corpus._checked[key] = False
    try:
        assert corpus.corpus_stamps() is None
        before = dict(corpus.STATS)
        _search(client, "lumbar")
        _search(client, "lumbar")
        assert corpus.STATS["search page hit"] == before.get("search page hit", 0)
    finally:
        corpus._checked.clear()


def test_cases_sharing_a_treatment_share_its_cohort_but_each_sees_its_condition_first():
    drug = "pharmaceuticals"
    make_decision(summary="Knee osteoarthritis.", items=[item("Norco 10/325mg #60", category=drug)])
    make_decision(summary="Lumbar radiculopathy.", items=[item("Norco 5/325mg #30", category=drug)])
    # A drug is for no body part: its cohort is the whole treatment's, for both cases.
    therapy = [{"treatment": "Norco 10/325mg #90", "category": drug}]
    lumbar = {**CASE, "items": therapy}
    knee = {
        **CASE,
        "case_number": "CM26-0000002",
        "diagnoses": ["M17.11 Osteoarthritis, knee"],
        "items": therapy,
    }
    before = corpus.STATS["cohorts hit"]

    [lumbar_panel] = precedents_for_case(lumbar)
    [knee_panel] = precedents_for_case(knee)

    assert corpus.STATS["cohorts hit"] == before + 1
    assert lumbar_panel.cohort_size == knee_panel.cohort_size == 2
    assert lumbar_panel.decisions[0].treatment == "Norco 5/325mg #30"
    assert knee_panel.decisions[0].treatment == "Norco 10/325mg #60"
    assert lumbar_panel.decisions[0].match == knee_panel.decisions[0].match
