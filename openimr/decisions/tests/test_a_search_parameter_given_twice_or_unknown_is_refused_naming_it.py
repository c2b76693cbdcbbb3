"""A search parameter given twice, or one the search does not know, is refused naming it, on
the page (400, in words: "The Year filter"), in the API (422, the one error shape) and in
every export (400, by its path: "$.year"). The last
of two values had silently won (`year=2016&year=2017` listed 2017 alone, as if the visitor
had asked for both years), and a misspelt filter (`categroy=surgery`) was ignored: the
whole corpus came back as if it had been filtered."""

import pytest

from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = pytest.mark.django_db

SURFACES = ("/decisions/", "/decisions/export.csv", "/decisions/export.jsonl")
# How the page names each parameter these tests give twice; the exports name its path.
ON_THE_PAGE = {
    "year": "The Year filter",
    "q": "The search box",
    "outcome": "The Decision filter",
    "specialty": "The Reviewer specialty filter",
    "categroy": "The address’s “categroy”",
}


@pytest.fixture
def letters() -> None:
    make_decision(items=[item("Lumbar fusion", category="surgery")])
    make_decision(items=[item("Knee brace", category="dmepos")])


def named(path: str, name: str) -> str:
    return ON_THE_PAGE[name] if path == "/decisions/" else f"$.{name}"


def refusal(client, path: str, query: str) -> str:
    response = client.get(f"{path}?{query}")
    assert response.status_code == 400, response.status_code
    return response.content.decode()


@pytest.mark.parametrize("path", SURFACES)
@pytest.mark.parametrize("name", ["year", "q", "outcome", "specialty"])
def test_a_parameter_given_twice_is_refused_on_the_page_and_the_exports(
    client, letters, path, name
):
    values = {"year": "2016", "q": "lumbar", "outcome": "upheld", "specialty": "Psychiatry"}[name]
    body = refusal(client, path, f"{name}={values}&{name}={values}")
    assert f"{named(path, name)}: given 2 times; give it once" in body


@pytest.mark.parametrize("path", SURFACES)
def test_a_misspelt_filter_is_refused_with_the_names_the_search_knows(client, letters, path):
    body = refusal(client, path, "categroy=surgery")
    known = "not a search parameter; one of: q, outcome, category,"
    assert f"{named(path, 'categroy')}: {known}" in body


def test_the_api_names_a_repeated_and_an_unknown_parameter_in_one_error(client, letters):
    response = client.get("/api/v1/decisions?year=2016&year=2017&categroy=surgery")
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert {f["path"] for f in error["fields"]} == {"$.year", "$.categroy"}


def test_a_very_long_unknown_name_is_shortened_in_the_message(client, letters):
    response = client.get("/api/v1/decisions", {"x" * 5000: "1"})
    assert response.status_code == 422
    [field] = response.json()["error"]["fields"]
    assert field["path"] == "$." + "x" * 40 + "…"


def test_a_parameter_given_once_still_searches(client, letters):
    response = client.get("/api/v1/decisions", {"category": "surgery", "year": "2016"})
    assert response.status_code == 200
    assert response.json()["total"] == 1


def test_a_page_given_twice_is_refused_on_the_search_page(client, letters):
    body = refusal(client, "/decisions/", "page=1&page=2")
    assert "The page number: given 2 times; give it once" in body


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ("q%00=1", "The address’s “q\\x00”:"),
        ("%E2%80%AEq=1", "The address’s “\\u202eq”:"),
        ("=1", "The address’s “(empty)”:"),
    ],
)
def test_an_unknown_name_is_shown_with_its_invisible_characters_spelled_out(
    client, letters, query, shown
):
    body = refusal(client, "/decisions/", query)
    assert f"{shown} not a search parameter" in body
    assert "\x00" not in body and "\u202e" not in body
