"""A number is searched as the letters write it, and both databases answer the same letters.
SQLite's tokenizer splits "12.5" into "12" and "5": "12.5" had found "12-5"; PostgreSQL's
parser reads "12.5" as one number and "10-325" as '10' '-325', so there "10/325" had missed
"Norco 10-325", and "12.5 mg" the letters writing "12.5mg" on SQLite only. SQLite's index answers a number by
its runs of digits ("5%" had also found "0.5%"); each letter's numbers are now kept whole
beside it (migration 0016) and asked too, so both databases answer exactly the same
letters. Run on each database (DATABASE_URL for PostgreSQL)."""

import csv
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from openimr.core.errors import InvalidInput
from openimr.decisions.search import search
from openimr.decisions.search_numbers import sqlite_condition
from openimr.decisions.search_terms import parse
from openimr.decisions.tests.public_factories import make_decision

pytestmark = pytest.mark.django_db

LETTERS = {
    1: "Zolpidem 12.5 mg at night.",
    2: "Zolpidem 12.5mg nightly.",
    3: "12 visits, then 5 more visits.",
    4: "Levels 12-5 reviewed.",
    5: "Lidocaine 5% cream twice daily.",
    6: "Topical lidocaine 5%.",
    7: "Lidocaine 0.5% solution.",
    8: "Take 1/2 tab.",
    9: "Norco 10/325 #90.",
    10: "Norco 10-325 #60.",
    11: "Discectomy at C5-6.",
    12: "Fracture at T12.",
    13: "Tramadol 50 mg daily.",
    14: "Tramadol 50mg daily.",
    15: "Zolpidem range 10-12.5 mg.",
    16: "Ratio 0.5 reported; L5 radiculopathy.",
    17: "Norco 10/325mg #60.",
    18: "Norco 10/325 mg #90.",
    19: "Norco 10 / 325mg #30.",
    20: "Norco 1.10/325mg #30.",
    21: "Norco10/325mg #30.",
    22: "Tramadol 37.5 mg daily.",
    23: "Tramadol 37-5 mg daily.",
    24: "Physical therapy for the knee 2x6.",
}

TABLE = [
    # A decimal is one number, however its unit is written.
    ("12.5", {1, 2, 15}),
    ("12.5 mg", {1, 2, 15}),
    ("12.5mg", {1, 2, 15}),
    ('"12.5 mg"', {1, 2, 15}),
    ("0.5%", {7, 16}),
    # A whole number is never the half of a decimal ("0.5", "12.5"), nor the end of a word
    # ("L5", "T12"); a dash before it is a separator ("12-5"), as a slash or a comma is.
    ("5%", {3, 4, 5, 6, 23}),
    ("lidocaine 5%", {5, 6}),
    ("5% cream", {5}),
    ("12", {3, 4}),
    ("1/2", {8}),
    ("10/325", {9, 10, 17, 18, 19}),
    ("10-325", {9, 10, 17, 18, 19}),
    ('"10/325"', {9, 10, 17, 18, 19}),
    # A dose with its unit, however the letter spaces it; "1.10/325mg" is not 10/325, and
    # "Norco10/325mg" is found by the drug and the dose typed apart, not by "10/325mg".
    ("Norco 10/325mg", {17, 18, 19}),
    ("10/325 mg", {17, 18, 19}),
    ("10 / 325mg", {17, 18, 19}),
    ("Norco 10/325", {9, 10, 17, 18, 19, 21}),
    ('"Norco 10/325"', {9, 10, 17, 18, 19, 21}),
    ("325mg", {17, 18, 19, 20, 21}),
    ("C5-6", {11}),
    ("T12", {12}),
    ("50 mg", {13, 14}),
    ("50mg", {13, 14}),
    # A number left out leaves out the letters a search of it finds, no others.
    ("lidocaine -5", {7}),
    ("lidocaine -0.5", {5, 6}),
    # A phrase with a decimal, searched or left out, is the decimal beside its words: SQLite
    # had left out "37-5" with "37.5" (FTS5's phrase of "37" "5").
    ('"Tramadol 37.5 mg"', {22}),
    ('tramadol -"Tramadol 37.5 mg"', {13, 14, 23}),
    ('tramadol -"Tramadol 37-5 mg"', {13, 14, 22}),
    # A unit is letters alone: "2x6" (twice a week for six weeks) is no 2, as "3250" is no
    # 325; PostgreSQL's prefix `2x:*` had found it. A common word at the end of a word of
    # several runs is left out on both ("knee:A" is "knee"), as PostgreSQL's phrase drops it.
    ("knee 2", set()),
    ("knee:A", {24}),
    ("knee's", {24}),
]


@pytest.fixture
def corpus() -> None:
    for n, summary in LETTERS.items():
        make_decision(case_number=f"CM16-{n:07d}", summary=summary)


def found(text: str) -> set[int]:
    hits = search(parse({"q": text, "per_page": "100"})).hits
    return {int(hit.case_number[-7:]) for hit in hits}


@pytest.mark.parametrize(("typed", "letters"), TABLE, ids=[typed for typed, _ in TABLE])
def test_a_number_finds_the_letters_writing_it(corpus, typed, letters):
    assert found(typed) == letters


def test_a_number_alone_left_out_within_a_filter_keeps_the_decimals(corpus):
    found = search(parse({"q": "-5", "year": "2016", "per_page": "100"})).hits
    assert {int(hit.case_number[-7:]) for hit in found} == set(LETTERS) - {3, 4, 5, 6, 23}


def test_the_api_and_an_export_answer_the_same_letters(client, corpus):
    api = client.get("/api/v1/decisions", {"q": "0.5%"}).json()
    assert {hit["case_number"] for hit in api["results"]} == {f"CM16-{n:07d}" for n in (7, 16)}
    response = client.get("/decisions/export.csv", {"q": "12.5"})
    rows = csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")))
    exported = {int(row["case_number"][-7:]) for row in rows}
    assert exported == {1, 2, 15}


def test_the_page_counts_only_the_letters_writing_the_number(client, corpus):
    page = client.get("/decisions/", {"q": "0.5%"}).content.decode()
    assert "CM16-0000007" in page and "CM16-0000016" in page
    assert "CM16-0000005" not in page and "CM16-0000006" not in page


def test_the_snippet_marks_the_number_not_half_of_a_decimal(client):
    # SQLite's snippet had marked "0.<mark>5</mark>%" too; PostgreSQL's marks no decimal.
    make_decision(summary="Lidocaine 5% cream; previously 0.5% gel, 12.5 mg, 5.5 units.")
    page = client.get("/decisions/", {"q": "5%"}).content.decode()
    assert "Lidocaine <mark>5</mark>% cream; previously 0.5% gel, 12.5 mg, 5.5 units." in page
    page = client.get("/decisions/", {"q": "12.5"}).content.decode()
    assert "<mark>12.5</mark> mg" in page


def test_only_a_number_typed_asks_sqlites_table_of_numbers():
    # Words alone are answered by the index as before; each number asks the letters' numbers
    # (migration 0016), as whole tokens: the drug typed before a dose also run into it.
    for words in ("lidocaine cream -patch", "T12 Norco", "1x6"):
        assert sqlite_condition(parse({"q": words})) == ("", [])
    assert sqlite_condition(parse({"q": "lidocaine 0.5%"}))[1] == [" 0.5 ", " lidocaine0.5 "]
    # A number glued to its unit, then also beside its unit in the text (`number_phrases`).
    assert sqlite_condition(parse({"q": "Norco 10/325mg"}))[1][:2] == [" 10 325 ", "10 325"]
    # A phrase's words also beside its number (`domain.number_phrases`), after the numbers.
    asked = sqlite_condition(parse({"q": '"continue Tramadol 50"'}))[1]
    assert asked[:2] == [" 50 ", " tramadol50 "]
    assert sqlite_condition(parse({"q": "lidocaine -0.5%"}))[1] == [" 0.5 "]


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.sampled_from(["12.5", "0.5%", "5", "5%", "10/325", "mg", "12", "-5", "L5"])))
def test_any_words_of_numbers_find_only_letters_writing_each_decimal(corpus, typed):
    # Each number typed is asked of the numbers' table (SQLite) or a tsquery (PostgreSQL):
    # none is refused by the database, and a letter found writes each decimal typed.
    try:
        query = parse({"q": " ".join(typed), "per_page": "100"})
    except InvalidInput:  # nothing to search for, or only words left out
        return
    for hit in search(query).hits:
        n = int(hit.case_number[-7:])
        for w in typed:
            if "." in w and not w.startswith("-"):
                assert w.rstrip("%") in LETTERS[n]
