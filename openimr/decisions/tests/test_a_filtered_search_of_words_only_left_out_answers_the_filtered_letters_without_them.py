"""A search whose every word is left out ("-knee") is answered when a filter is chosen: the
filtered letters less those holding the word, on the page, in the API, in the facet counts
and in every export, on both databases. It had been refused even with a filter, though a
researcher asking "the 2016 letters that do not mention a knee" asked something definite.
Without any filter it is still refused (it would list nearly the whole corpus), and the
refusal says what to do: give a word, or choose a filter."""

import csv
import datetime as dt
import io
import json
import re

import pytest

from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = pytest.mark.django_db

Y16 = dt.date(2016, 3, 1)
Y15 = dt.date(2015, 3, 1)
KNEE16, LUMBAR16, NORCO16, OVERTURNED16, KNEE15, LUMBAR15 = (f"CM16-000000{n}" for n in range(1, 7))


@pytest.fixture
def corpus() -> None:
    make_decision(case_number=KNEE16, decided=Y16, summary="Knee pain.", items=[item("Brace")])
    make_decision(case_number=LUMBAR16, decided=Y16, summary="Lumbar strain.", items=[item("MRI")])
    make_decision(
        case_number=NORCO16,
        decided=Y16,
        summary="Back pain on medication.",
        items=[item("Norco10/325 #90", category="pharmaceuticals")],
    )
    make_decision(
        case_number=OVERTURNED16,
        decided=Y16,
        summary="Shoulder pain.",
        items=[item("Shoulder MRI", outcome="overturned", category="diagnostics")],
    )
    make_decision(case_number=KNEE15, decided=Y15, summary="Knee strain.", items=[item("Brace")])
    make_decision(case_number=LUMBAR15, decided=Y15, summary="Lumbar pain.", items=[item("MRI")])


def _api(client, params: dict) -> dict:
    response = client.get("/api/v1/decisions", params)
    assert response.status_code == 200, response.content
    return response.json()


@pytest.mark.parametrize(
    ("params", "found"),
    [
        ({"q": "-knee", "year": "2016"}, {LUMBAR16, NORCO16, OVERTURNED16}),
        ({"q": "-knee -norco", "year": "2016"}, {LUMBAR16, OVERTURNED16}),
        ({"q": "-mri", "outcome": "upheld"}, {KNEE16, NORCO16, KNEE15}),
        ({"q": "-knee", "year": "2016", "outcome": "overturned"}, {OVERTURNED16}),
        ({"q": "-pain", "year": "2015"}, {KNEE15}),
    ],
)
def test_the_api_answers_the_filtered_letters_less_those_holding_the_words(
    client, corpus, params, found
):
    body = _api(client, params)
    assert {hit["case_number"] for hit in body["results"]} == found
    assert body["total"] == len(found)
    assert (body["searched_words"], body["excluded_words"]) == ([], params["q"][1:].split(" -"))


def test_the_page_lists_them_with_facet_counts_of_them_alone(client, corpus):
    page = client.get("/decisions/", {"q": "-knee", "year": "2016"})
    assert page.status_code == 200
    html = page.content.decode()
    assert all(n in html for n in (LUMBAR16, NORCO16, OVERTURNED16))
    assert KNEE16 not in html and KNEE15 not in html
    assert (
        '<p class="muted" id="searched">The filtered letters, leaving out those holding any of: '
        '<span class="excluded">knee</span>.</p>'
    ) in html
    # The facets count the three found: two upheld (MRI, Norco), one overturned.
    facets = _api(client, {"q": "-knee", "year": "2016"})["facets"]
    assert {v["value"]: v["count"] for v in facets["outcome"]} == {"upheld": 2, "overturned": 1}
    assert {v["value"]: v["count"] for v in facets["year"]} == {"2016": 3}


@pytest.mark.parametrize("suffix", ["csv", "jsonl"])
def test_every_export_holds_the_letters_the_search_finds(client, corpus, suffix):
    response = client.get(f"/decisions/export.{suffix}", {"q": "-knee", "year": "2016"})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    if suffix == "csv":
        numbers = {row["case_number"] for row in csv.DictReader(io.StringIO(text))}
    else:
        numbers = {json.loads(line)["case_number"] for line in text.splitlines()}
    assert numbers == {LUMBAR16, NORCO16, OVERTURNED16}


PARAMETER_NAMES = "outcome, category, specialty, family, mtus_based, year, priority"
# The page names each filter by the title it shows above the filter's values.
PAGE_TITLES = (
    "Decision, Treatment category, Reviewer specialty, Guideline family, MTUS-based, Year, Priority"
)


@pytest.mark.parametrize(
    ("path", "status", "place", "filters"),
    [
        ("/decisions/", 400, "The search box", PAGE_TITLES),
        ("/api/v1/decisions", 422, "$.q", PARAMETER_NAMES),
        ("/decisions/export.csv", 400, "$.q", PARAMETER_NAMES),
    ],
)
def test_without_a_filter_it_is_refused_saying_what_to_do(
    client, corpus, path, status, place, filters
):
    response = client.get(path, {"q": "-knee -norco"})
    assert response.status_code == status
    assert (
        f"{place}: only leaves words out (each starts with a dash): give a word to search for, "
        f"or choose a filter ({filters}) to leave them out of"
    ) in response.content.decode()


def test_the_filters_it_names_are_the_headings_the_page_shows(client, corpus):
    page = client.get("/decisions/", {"q": "lumbar"}).content.decode()
    headings = set(re.findall(r"<h3>([^<]+?)(?: <a|</h3>)", page))
    assert set(PAGE_TITLES.split(", ")) <= headings
