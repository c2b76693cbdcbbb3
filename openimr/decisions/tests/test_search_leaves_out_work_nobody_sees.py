"""Over a million letters the search leaves out work whose result a visitor would not see:
a word found in most letters does not rank (bm25 weighs it at little or nothing, after a
pass over most of the index), the newest matches come first however the index is walked,
and a filter most letters hold is asked as the absence of its complement. The thresholds
are shrunk here to a handful of letters."""

import datetime as dt

import pytest
from django.db import connection

from openimr.decisions import search_index
from openimr.decisions.models import Decision, DecisionItem
from openimr.decisions.search import search
from openimr.decisions.search_terms import parse
from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = pytest.mark.django_db


def found(**params: str) -> list[str]:
    return [h.case_number for h in search(parse(params)).hits]


def letters_naming_therapy() -> None:
    """Eight letters name therapy; the oldest names it most, two name ice."""
    make_decision(case_number="CM14-0000001", decided=dt.date(2014, 1, 1), summary="Therapy, " * 6)
    make_decision(case_number="CM15-0000002", decided=dt.date(2015, 1, 1), summary="Therapy, ice.")
    make_decision(
        case_number="CM16-0000003", decided=dt.date(2016, 1, 1), summary="Therapy, ice, ice, ice."
    )
    for n in range(4, 9):
        make_decision(
            case_number=f"CM17-000000{n}", decided=dt.date(2017, 1, n), summary="Therapy."
        )


def test_in_a_small_corpus_every_word_ranks():
    letters_naming_therapy()
    assert found(q="therapy")[0] == "CM14-0000001"


def test_a_word_in_most_letters_does_not_rank_and_the_newest_come_first(monkeypatch):
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL ranks its window by ts_rank")
    monkeypatch.setattr(search_index, "COMMON_LETTERS", 0)
    letters_naming_therapy()
    assert found(q="therapy")[:3] == ["CM17-0000008", "CM17-0000007", "CM17-0000006"]


def test_a_rarer_word_still_ranks_beside_a_common_one(monkeypatch):
    monkeypatch.setattr(search_index, "COMMON_LETTERS", 0)
    letters_naming_therapy()
    assert found(q="therapy ice") == ["CM16-0000003", "CM15-0000002"]


def letters_naming_right_and_first() -> None:
    """Eight letters write "right" and "first", two of them as the phrase "right first": the
    oldest three times."""
    make_decision(
        case_number="CM14-0000001", decided=dt.date(2014, 1, 1), summary="Right first. " * 3
    )
    make_decision(case_number="CM15-0000002", decided=dt.date(2015, 1, 1), summary="Right first.")
    for n in range(3, 9):
        make_decision(
            case_number=f"CM17-000000{n}",
            decided=dt.date(2017, 1, n),
            summary="First visit; right knee.",
        )


def test_a_phrase_ranks_while_its_words_are_together_in_few_letters():
    letters_naming_right_and_first()
    assert found(q='"right first"') == ["CM14-0000001", "CM15-0000002"]


def test_a_phrase_whose_words_are_together_in_most_letters_lists_the_newest_first(monkeypatch):
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL ranks its window by ts_rank")
    # As if the corpus held millions: "right" and "first" are then together in more than
    # COMMON_LETTERS letters, and bm25 would walk them all to count the phrase's letters,
    # though the phrase itself is in a quarter of them (not a common word).
    monkeypatch.setattr(search_index, "COMMON_LETTERS", 0)
    letters_naming_right_and_first()
    results = search(parse({"q": '"right first"'}))
    assert results.ranked is False
    assert [hit.case_number for hit in results.hits] == ["CM15-0000002", "CM14-0000001"]


def test_the_newest_matches_come_first_however_the_index_is_walked(monkeypatch):
    for n in range(1, 6):
        make_decision(case_number=f"CM16-000000{n}", summary="Shoulder arthroscopy.")
    make_decision(case_number="CM16-0000006", summary="Knee brace.")
    ids = dict(Decision.objects.values_list("case_number", "id"))
    newest = sorted((ids[f"CM16-000000{n}"] for n in range(1, 6)), reverse=True)
    query = parse({"q": "shoulder"})
    if connection.vendor == "sqlite":
        matches = search_index.sqlite_matches
        # The newest letter does not match: the sample expects few, the walk goes oldest
        # first, reaches the limit, and is made again newest first.
        monkeypatch.setattr(search_index, "SAMPLE", 1)
    else:
        matches = search_index.pg_matches
        monkeypatch.setattr(search_index, "PG_FIRST_RANGE", 2)
    with connection.cursor() as cursor:
        assert matches(cursor, query, 10) == newest
        assert matches(cursor, query, 3) == newest[:3]


def test_a_specialty_filter_ignores_case():
    make_decision(case_number="CM16-0000001", specialties=("Physical Medicine & Rehabilitation",))
    make_decision(case_number="CM16-0000002", specialties=("Internal Medicine",))
    assert found(specialty="physical medicine & rehabilitation") == ["CM16-0000001"]
    assert found(specialty="INTERNAL MEDICINE") == ["CM16-0000002"]


@pytest.mark.parametrize("share", [0.0, 1.0])
def test_a_filter_most_letters_hold_finds_the_same_letters_asked_by_its_complement(
    monkeypatch, share
):
    """share 0: every such filter is asked as NOT its complement; 1: never."""
    monkeypatch.setattr(search_index, "COMPLEMENT_SHARE", share)
    make_decision(case_number="CM16-0000001", summary="Knee.", items=[item(outcome="upheld")])
    make_decision(
        case_number="CM16-0000002",
        summary="Knee.",
        items=[item(outcome="overturned"), item("Brace", outcome="upheld", family="odg")],
    )
    make_decision(case_number="CM16-0000003", summary="Knee.", items=[item(outcome="overturned")])
    make_decision(
        case_number="CM16-0000004",
        summary="Knee.",
        priority="expedited",
        items=[item(outcome="upheld", family="acoem", mtus_based=False)],
    )
    assert sorted(found(q="knee", outcome="upheld")) == [
        "CM16-0000001",
        "CM16-0000002",
        "CM16-0000004",
    ]
    assert sorted(found(q="knee", priority="standard", family="mtus")) == [
        "CM16-0000001",
        "CM16-0000002",
        "CM16-0000003",
    ]
    assert sorted(found(outcome="upheld", mtus_based="yes")) == ["CM16-0000001"]
    # A letter whose last upheld item is overturned gains the complement and drops out.
    DecisionItem.objects.filter(decision__case_number="CM16-0000001").update(outcome="overturned")
    assert sorted(found(q="knee", outcome="upheld")) == ["CM16-0000002", "CM16-0000004"]
