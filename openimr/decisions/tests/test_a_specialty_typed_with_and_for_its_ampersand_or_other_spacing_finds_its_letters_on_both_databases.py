"""A reviewer specialty finds its letters however a researcher writes it: "and" for the "&"
the letters print (the 2016-2017 letters write "Physical Medicine & Rehabilitation", the
2013 notices "Physical Medicine and Rehabilitation"), other spacing, case or punctuation.
On SQLite the filter had found nothing for "Physical Medicine and Rehabilitation" (FTS5
cut the stored tag at the "&"), and on PostgreSQL "&" and "and" were two specialties. Both
now read a specialty as `search_tags.specialty_tag` does, indexing and searching alike."""

import json

import pytest
from django.db import connection

from openimr.decisions.search import search
from openimr.decisions.search_tags import specialty_key, specialty_tag
from openimr.decisions.search_terms import parse
from openimr.decisions.tests.public_factories import make_decision

pytestmark = pytest.mark.django_db

TYPED = [
    "Physical Medicine & Rehabilitation",
    "Physical Medicine and Rehabilitation",
    "physical medicine & rehabilitation",
    "PHYSICAL MEDICINE AND REHABILITATION",
    "Physical  Medicine   &Rehabilitation",
    "physical medicine&rehabilitation",
    "Physical Medicine, and Rehabilitation.",
    "physical-medicine-and-rehabilitation",
]


@pytest.fixture
def letters() -> None:
    make_decision(case_number="CM16-0000001", specialties=("Physical Medicine & Rehabilitation",))
    make_decision(case_number="CM13-0000002", specialties=("Physical Medicine and Rehabilitation",))
    make_decision(case_number="CM16-0000003", specialties=("Physical Medicine",))
    make_decision(case_number="CM16-0000004", specialties=("Rehabilitation",))
    make_decision(case_number="CM16-0000005", specialties=("Internal Medicine, Nephrology",))


def found(client, path: str, specialty: str) -> list[str]:
    response = client.get(path, {"specialty": specialty})
    assert response.status_code == 200, response.content
    if path.startswith("/api/"):
        return sorted(hit["case_number"] for hit in response.json()["results"])
    body = response.content.decode()
    return sorted(n for n in ("CM16-0000001", "CM13-0000002", "CM16-0000003") if n in body)


@pytest.mark.parametrize("typed", TYPED)
def test_the_api_finds_both_spellings_however_the_specialty_is_typed(client, letters, typed):
    assert found(client, "/api/v1/decisions", typed) == ["CM13-0000002", "CM16-0000001"]


@pytest.mark.parametrize("typed", TYPED)
def test_the_page_finds_both_spellings_however_the_specialty_is_typed(client, letters, typed):
    assert found(client, "/decisions/", typed) == ["CM13-0000002", "CM16-0000001"]
    body = client.get("/decisions/", {"specialty": typed}).content
    assert b"unknown-specialty" not in body


def test_a_specialty_is_still_not_found_by_part_of_its_name(letters):
    numbers = [h.case_number for h in search(parse({"specialty": "Physical Medicine"})).hits]
    assert numbers == ["CM16-0000003"]
    assert [h.case_number for h in search(parse({"specialty": "Medicine"})).hits] == []


def test_a_specialty_with_a_comma_is_found_without_it(letters):
    for typed in ("Internal Medicine, Nephrology", "internal medicine nephrology"):
        assert [h.case_number for h in search(parse({"specialty": typed})).hits] == ["CM16-0000005"]


def test_the_facet_counts_both_spellings_as_one_specialty(letters):
    results = search(parse({"specialty": "physical medicine and rehabilitation"}))
    [value] = results.facets["specialty"]
    assert value.count == results.total == 2
    counts = {v.value: v.count for v in search(parse({})).facets["specialty"]}
    # One value for the two spellings, counting both letters, its link finding both.
    spellings = {"Physical Medicine & Rehabilitation", "Physical Medicine and Rehabilitation"}
    [shown] = spellings & set(counts)
    assert counts[shown] == 2
    assert search(parse({"specialty": shown})).total == 2


NAMES = [
    "Physical Medicine & Rehabilitation",
    "Internal Medicine, Nephrology",
    "Surgery (Orthopaedic)",
    "Psychiatry/Neurology",
    " Pain   Medicine ",
    "Pain_Medicine",
    "A+B: C; 'D' \"E\" {F} %s 100% ~`!@#$^*=|\\?<>[]",
    "Médecine Physique – Réadaptation",
    "Ob-Gyn &&",
]


def test_the_index_holds_each_specialty_as_the_search_reads_it():
    """Migration 0010's SQL and `specialty_tag` / `specialty_key` give the same form."""
    for name in NAMES:
        make_decision(specialties=(name,))
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT s.specialty, i.tags FROM decisions_decisionspecialty s "
                "JOIN decisions_search i ON i.rowid = s.decision_id"
            )
            for name, tags in cursor.fetchall():
                assert f" sp_{specialty_tag(name)} " in f" {tags} ", name
        else:
            cursor.execute(
                "SELECT s.specialty, tsvector_to_array(i.document) FROM "
                "decisions_decisionspecialty s JOIN decisions_search i "
                "ON i.decision_id = s.decision_id"
            )
            for name, lexemes in cursor.fetchall():
                assert f"sp_{specialty_key(name)}" in lexemes, name
    for name in NAMES:
        # Typed as stored, and as a researcher might retype it; " Pain   Medicine " and
        # "Pain_Medicine" are one specialty.
        same = sum(specialty_key(n) == specialty_key(name) for n in NAMES)
        retyped = " ".join(name.replace("&", " and ").split()).upper()
        assert search(parse({"specialty": name})).total == same, name
        assert search(parse({"specialty": retyped})).total == same, retyped


def test_a_letter_naming_two_spellings_of_one_specialty_is_counted_once():
    make_decision(specialties=("Pain Medicine", "pain medicine"))
    make_decision(specialties=("Pain  Medicine",))
    [value] = search(parse({})).facets["specialty"]
    assert value.count == 2 == search(parse({"specialty": value.value})).total


def test_an_export_holds_the_letters_the_specialty_finds(client, letters):
    response = client.get("/decisions/export.jsonl", {"specialty": "physical medicine and rehab"})
    assert b"".join(response.streaming_content) == b""
    response = client.get(
        "/decisions/export.jsonl", {"specialty": "PHYSICAL MEDICINE AND REHABILITATION"}
    )
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert sorted(json.loads(line)["case_number"] for line in lines) == [
        "CM13-0000002",
        "CM16-0000001",
    ]
