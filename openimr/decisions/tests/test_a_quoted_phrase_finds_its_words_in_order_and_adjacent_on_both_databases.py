"""A quoted phrase (`"lumbar spine"`) finds the letters holding its words in that order and
adjacent, on the page, in the API, the facet counts and an export, on both databases; before,
quotes were dropped and the words were found anywhere in a letter. `-"physical therapy"`
leaves out the phrase, not each word. Unbalanced or empty quotes, a phrase of common words
alone and curly quotes are read sensibly, and no text ever surfaces a query-syntax error."""

import csv
import datetime as dt
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from openimr.decisions.search_terms import excluded_words, typed_words, words
from openimr.decisions.tests.public_factories import item, make_decision
from openimr.decisions.tests.test_a_word_typed_with_a_dash_leaves_out_the_letters_holding_it_on_both_databases import (
    _api,
    _found,
)

pytestmark = pytest.mark.django_db

SPINE, APART, REVERSED, THERAPY, PHYSICAL = (f"CM16-000010{n}" for n in range(1, 6))


@pytest.fixture
def corpus() -> None:
    make_decision(
        case_number=SPINE,
        summary="Chronic lumbar spine pain after a fall.",
        items=[item("Physical therapy, 6 visits")],
    )
    make_decision(
        case_number=APART,
        summary="Lumbar strain; the cervical spine is normal.",
        items=[item("Lumbar MRI")],
    )
    make_decision(
        case_number=REVERSED,
        summary="Spine surgery consult; lumbar pain.",
        items=[item("Therapy with a physical trainer")],
    )
    make_decision(
        case_number=THERAPY,
        summary="Knee pain; lumbar spine normal.",
        items=[item("Aquatic therapy")],
        decided=dt.date(2017, 5, 2),
    )
    make_decision(
        case_number=PHYSICAL, summary="Shoulder pain.", items=[item("Physical exam and x-ray")]
    )


@pytest.mark.parametrize(
    ("text", "searched", "left_out", "shown"),
    [
        (
            '"lumbar spine" fusion',
            (("lumbar", "spine"), ("fusion",)),
            (),
            ["lumbar spine", "fusion"],
        ),
        ('lumbar -"physical therapy"', (("lumbar",),), (("physical", "therapy"),), ["lumbar"]),
        ("\u201clumbar spine\u201d", (("lumbar", "spine"),), (), ["lumbar spine"]),
        ('"lumbar spine', (("lumbar",), ("spine",)), (), ["lumbar", "spine"]),
        ('"" knee -""', (("knee",),), (), ["knee"]),
        ('"of the" knee', (("knee",),), (), ["knee"]),
    ],
)
def test_quotes_make_one_word_of_the_phrase(text, searched, left_out, shown):
    assert (words(text), excluded_words(text), list(typed_words(text)[0])) == (
        searched,
        left_out,
        shown,
    )


@pytest.mark.parametrize(
    ("q", "found"),
    [
        ('"lumbar spine"', {SPINE, THERAPY}),
        ("lumbar spine", {SPINE, APART, REVERSED, THERAPY}),
        ('"spine lumbar"', set()),
        ('"physical therapy"', {SPINE}),
        ('"physical therapy" lumbar', {SPINE}),
        ('lumbar -"physical therapy"', {APART, REVERSED, THERAPY}),
        ('"lumbar spine" -"physical therapy"', {THERAPY}),
        ('"lumbar spine', {SPINE, APART, REVERSED, THERAPY}),
        ('lumbar "" ""', {SPINE, APART, REVERSED, THERAPY}),
        ('"Lumbar Spines"', {SPINE, THERAPY}),
    ],
)
def test_the_api_finds_the_phrase_in_order_and_adjacent(client, corpus, q, found):
    assert _found(client, q) == found


def test_the_api_lists_the_phrase_as_one_searched_word(client, corpus):
    body = _api(client, '"lumbar spine" pain -"physical therapy" "of the"')
    assert (body["searched_words"], body["excluded_words"], body["common_words_left_out"]) == (
        ["lumbar spine", "pain"],
        ["physical therapy"],
        ["of the"],
    )
    assert body["total"] == 1


def test_the_facets_count_the_phrase_matches(client, corpus):
    years = {f["value"]: f["count"] for f in _api(client, '"lumbar spine"')["facets"]["year"]}
    assert years["2017"] == 1 and sum(years.values()) == 2


def test_the_snippet_marks_the_phrase_and_the_page_names_it(client, corpus):
    page = client.get("/decisions/", {"q": '"lumbar spine"'}).content.decode()
    assert "<strong>lumbar spine</strong>" in page
    assert "<mark>lumbar</mark> <mark>spine</mark>" in page.lower() or (
        "<mark>lumbar spine</mark>" in page.lower()
    )
    assert APART not in page and REVERSED not in page


def test_an_export_holds_the_phrase_matches(client, corpus):
    response = client.get("/decisions/export.csv", {"q": '"lumbar spine" -knee'})
    assert response.status_code == 200
    rows = csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")))
    assert {row["case_number"] for row in rows} == {SPINE}


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(alphabet=st.sampled_from('"\u201c\u201d- lumbar*():^NEAR/10%'), max_size=30))
def test_any_quotes_and_dashes_answer_without_a_syntax_error(client, corpus, q):
    response = client.get("/api/v1/decisions", {"q": q, "year": "2017"})
    assert response.status_code in (200, 422), response.content
