"""A word typed with a leading "-" leaves out the letters holding it ("lumbar -knee": the
lumbar letters that do not mention a knee), on the page, in the API and in an export, on
both databases. It had been searched as "knee": the opposite of what a researcher meant. A
"-" inside a word ("x-ray", "L4-5") is still part of it; a word left out also leaves out
its glued forms ("-norco": "Norco10/325"); a search of such words alone, without a filter, is
refused, since it would answer nearly every letter as if nothing had been asked."""

import csv
import io

import pytest
from django.db import connection

from openimr.decisions.search_terms import excluded_words, words
from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = pytest.mark.django_db

KNEE, MRI, NORCO, XRAY, KNEE_ONLY = (f"CM16-000000{n}" for n in range(1, 6))


@pytest.fixture
def corpus() -> None:
    make_decision(
        case_number=KNEE, summary="Lumbar strain and knee pain.", items=[item("Knee brace")]
    )
    make_decision(case_number=MRI, summary="Lumbar strain.", items=[item("Lumbar MRI")])
    make_decision(
        case_number=NORCO,
        summary="Lumbar pain on medication.",
        items=[item("Norco10/325 #90", category="pharmaceuticals")],
    )
    make_decision(case_number=XRAY, summary="Lumbar pain; an x-ray at L4-5.", items=[item("X-ray")])
    make_decision(case_number=KNEE_ONLY, summary="Knee pain.", items=[item("Physical therapy")])


def _api(client, q: str) -> dict:
    response = client.get("/api/v1/decisions", {"q": q})
    assert response.status_code == 200, response.content
    return response.json()


def _found(client, q: str) -> set[str]:
    return {hit["case_number"] for hit in _api(client, q)["results"]}


@pytest.mark.parametrize(
    ("text", "searched", "left_out"),
    [
        ("lumbar -knee", (("lumbar",),), (("knee",),)),
        ("-knee lumbar -Knee", (("lumbar",),), (("knee",),)),
        ("x-ray L4-5 -L4-5", (("x", "ray"), ("L4", "5")), (("L4", "5"),)),
        ("lumbar - knee", (("lumbar",), ("knee",)), ()),
        ("lumbar -the", (("lumbar",),), ()),
    ],
)
def test_a_leading_dash_alone_marks_a_word_to_leave_out(text, searched, left_out):
    assert (words(text), excluded_words(text)) == (searched, left_out)


@pytest.mark.parametrize(
    ("q", "found"),
    [
        ("lumbar -knee", {MRI, NORCO, XRAY}),
        ("lumbar -knees", {MRI, NORCO, XRAY}),
        ("lumbar -KNEE -x-ray", {MRI, NORCO}),
        ("lumbar -norco", {KNEE, MRI, XRAY}),
        ("lumbar -L4-5", {KNEE, MRI, NORCO}),
        ("x-ray lumbar", {XRAY}),
    ],
)
def test_the_api_leaves_out_the_letters_holding_the_word(client, corpus, q, found):
    assert _found(client, q) == found


def test_the_api_names_the_words_left_out_apart_from_those_searched(client, corpus):
    body = _api(client, "lumbar -knee")
    assert (body["searched_words"], body["excluded_words"], body["total"]) == (
        ["lumbar"],
        ["knee"],
        3,
    )
    assert body["common_words_left_out"] == []


def test_a_common_word_left_out_excludes_nothing_and_is_named(client, corpus):
    # "-the" would leave out nearly every letter; PostgreSQL's index holds no "not" at all,
    # and neither database searches it (SQLite had left out the letters saying "not").
    body = _api(client, "lumbar -the -not")
    assert body["total"] == 4
    assert (body["excluded_words"], body["common_words_left_out"]) == ([], ["the", "not"])


def test_the_page_says_what_it_left_out_and_marks_only_the_words_searched(client, corpus):
    page = client.get("/decisions/", {"q": "lumbar -knee"}).content.decode()
    assert (
        '<p class="muted" id="searched">Letters holding every one of these words: '
        "<strong>lumbar</strong>; leaving out those holding any of: "
        '<span class="excluded">knee</span>.</p>'
    ) in page
    assert KNEE not in page and KNEE_ONLY not in page and MRI in page
    assert "<mark>lumbar</mark>" in page.lower() and "<mark>knee" not in page.lower()


def test_an_export_holds_the_letters_the_search_finds(client, corpus):
    response = client.get("/decisions/export.csv", {"q": "lumbar -knee"})
    assert response.status_code == 200
    rows = csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")))
    assert {row["case_number"] for row in rows} == {MRI, NORCO, XRAY}


@pytest.mark.parametrize(
    ("path", "status", "place"),
    [
        ("/decisions/", 400, "The search box"),
        ("/api/v1/decisions", 422, "$.q"),
        ("/decisions/export.csv", 400, "$.q"),
    ],
)
@pytest.mark.parametrize("params", [{"q": "-knee"}, {"q": "-knee -norco", "year": ""}])
def test_a_search_that_only_leaves_words_out_is_refused(
    client, corpus, path, status, place, params
):
    # With a filter it is answered (test_a_filtered_search_of_words_only_left_out_...).
    response = client.get(path, params)
    assert response.status_code == status
    message = "only leaves words out (each starts with a dash): give a word to search for"
    assert f"{place}: {message}" in response.content.decode()


def test_a_common_word_searched_with_a_word_left_out_never_answers_every_other_letter(
    client, corpus
):
    # PostgreSQL's index holds no "the": the search asks nothing, and leaving "knee" out of
    # nothing had answered every letter without it. SQLite's index keeps "the".
    body = _api(client, "the -knee")
    if connection.vendor == "postgresql":
        assert body["total"] == 0
        page = client.get("/decisions/", {"q": "the -knee"}).content.decode()
        assert 'id="common-words-only"' in page
    assert {KNEE, KNEE_ONLY}.isdisjoint(hit["case_number"] for hit in body["results"])


def test_the_openapi_document_declares_the_words_left_out(client):
    document = client.get("/api/v1/openapi.json").json()
    answer = document["components"]["schemas"]["SearchOut"]
    assert answer["properties"]["excluded_words"]["type"] == "array"
    assert "excluded_words" in answer["required"]
    description = document["paths"]["/api/v1/decisions"]["get"]["description"]
    assert '`excluded_words`: those typed with a leading "-"' in description
