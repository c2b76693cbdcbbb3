"""PostgreSQL reads filters alone from their posting lists (migration 0006), and words
either by walking the ids newest first or through the GIN index, by the words' estimated
share of the letters. Whichever way, a visitor gets the same letters, newest first, and the
posting lists follow every write to the corpus."""

import datetime as dt

import pytest
from django.db import connection

from openimr.decisions import search_index
from openimr.decisions.models import Decision, DecisionItem, DecisionSpecialty
from openimr.decisions.search_terms import parse
from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="SQLite's FTS5 holds its tags itself"
    ),
]


def ids_of(**params: str) -> list[int]:
    with connection.cursor() as cursor:
        return search_index.pg_matches(cursor, parse(params), 100)


def ids(*numbers: str) -> list[int]:
    found = dict(Decision.objects.values_list("case_number", "id"))
    return sorted((found[n] for n in numbers), reverse=True)


def postings_differ_from_documents() -> set[tuple[int, int]]:
    """(tag, id) pairs in the posting lists or in the documents' filter lexemes, not both."""
    with connection.cursor() as cursor:
        cursor.execute(
            "(SELECT tag, decision_id FROM decisions_search_posting EXCEPT SELECT "
            "unnest(decisions_search_posting_tags(document)), decision_id FROM decisions_search) "
            "UNION ALL (SELECT unnest(decisions_search_posting_tags(document)), decision_id "
            "FROM decisions_search EXCEPT SELECT tag, decision_id FROM decisions_search_posting)"
        )
        return set(cursor.fetchall())


def some_letters() -> None:
    make_decision(case_number="CM16-0000001", decided=dt.date(2016, 1, 4), summary="Knee brace.")
    make_decision(
        case_number="CM17-0000002",
        decided=dt.date(2017, 2, 1),
        summary="Shoulder arthroscopy, knee pain.",
        items=[item("Shoulder arthroscopy", category="surgery", outcome="overturned")],
        priority="expedited",
    )
    make_decision(
        case_number="CM17-0000003",
        decided=dt.date(2017, 3, 1),
        summary="Knee arthroscopy.",
        items=[item("Knee arthroscopy", category="surgery", outcome="overturned")],
        specialties=("Pain Medicine",),
    )
    make_decision(case_number="CM17-0000004", decided=dt.date(2017, 4, 1), summary="Neck pain.")


def test_filters_alone_are_merged_from_their_posting_lists_newest_first():
    some_letters()
    assert ids_of(year="2017") == ids("CM17-0000002", "CM17-0000003", "CM17-0000004")
    assert ids_of(year="2017", category="surgery", outcome="overturned") == ids(
        "CM17-0000002", "CM17-0000003"
    )
    assert ids_of(year="2017", category="surgery", priority="expedited") == ids("CM17-0000002")
    assert ids_of(category="surgery", specialty="pain medicine", year="2017") == ids("CM17-0000003")
    assert ids_of(year="2017", category="surgery", outcome="upheld") == []


@pytest.mark.parametrize("dense_share", [-1.0, 2.0], ids=["walked", "through the GIN index"])
def test_words_find_the_same_letters_whichever_way_they_are_read(monkeypatch, dense_share):
    some_letters()
    monkeypatch.setattr(search_index, "PG_DENSE_SHARE", dense_share)
    monkeypatch.setattr(search_index, "PG_FIRST_RANGE", 1)
    assert ids_of(q="knee") == ids("CM16-0000001", "CM17-0000002", "CM17-0000003")
    assert ids_of(q="knee arthroscopy", year="2017") == ids("CM17-0000002", "CM17-0000003")
    assert ids_of(q="pain", category="surgery") == ids("CM17-0000002")
    assert ids_of(q="ankle") == []
    assert ids_of(q="-knee", year="2017") == ids("CM17-0000004")
    assert ids_of(q="-arthroscopy -brace", category="rehabilitation") == ids("CM17-0000004")


def test_the_posting_lists_follow_every_write():
    some_letters()
    assert postings_differ_from_documents() == set()
    first = Decision.objects.get(case_number="CM16-0000001")
    Decision.objects.filter(pk=first.pk).update(year=2019, priority="expedited")
    DecisionItem.objects.filter(decision__case_number="CM17-0000003").update(outcome="upheld")
    DecisionSpecialty.objects.create(decision=first, specialty="Chiropractic")
    Decision.objects.filter(case_number="CM17-0000004").delete()
    assert postings_differ_from_documents() == set()
    assert ids_of(year="2019", specialty="chiropractic") == [first.pk]
    assert ids_of(category="surgery", outcome="overturned") == ids("CM17-0000002")
    Decision.objects.all().delete()
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM decisions_search_posting")
        assert cursor.fetchone()[0] == 0


def test_a_words_share_is_read_from_the_statistics_of_the_documents():
    some_letters()
    with connection.cursor() as cursor:
        assert search_index.pg_share(cursor, parse({"q": "knee"})) == 0.0  # never analyzed
        cursor.execute("ANALYZE decisions_search")
        knee = search_index.pg_share(cursor, parse({"q": "knee"}))
        both = search_index.pg_share(cursor, parse({"q": "knee", "year": "2017"}))
    assert knee == pytest.approx(0.75)
    assert both == pytest.approx(0.75 * 0.75)


def test_a_word_left_out_lowers_the_share_by_the_letters_holding_it():
    # "-knee" within 2017 keeps the 2017 letters without a knee: a quarter of 3/4, not 3/4.
    some_letters()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE decisions_search")
        share = search_index.pg_share(cursor, parse({"q": "-knee", "year": "2017"}))
    assert share == pytest.approx(0.75 * 0.25)


def test_words_the_parser_drops_are_read_through_the_index_and_find_nothing():
    some_letters()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE decisions_search")
        assert search_index.pg_share(cursor, parse({"q": "the"})) == 0.0
    assert ids_of(q="the") == []
