"""The OpenAPI document says what each search parameter of GET /api/v1/decisions takes (its
choices, or the digits of a number in range), so a client knows a 422 before sending: every
value the document admits is answered 200, and values it does not admit are refused 422 at
that parameter."""

import re

import pytest

from openimr.api.urls import api

pytestmark = pytest.mark.django_db


def _schemas() -> dict[str, dict]:
    operation = api.get_openapi_schema()["paths"]["/api/v1/decisions"]["get"]
    return {p["name"]: p["schema"] for p in operation["parameters"]}


def test_every_choice_the_document_lists_is_answered(client):
    for name, schema in _schemas().items():
        for value in schema.get("enum", []):
            response = client.get("/api/v1/decisions", {name: value})
            assert response.status_code == 200, (name, value, response.content)


@pytest.mark.parametrize(
    ("name", "admitted", "refused"),
    [
        ("year", ("1990", "2016", "2100", ""), ("1989", "2101", "99", "20016")),
        ("per_page", ("1", "20", "100", ""), ("0", "101", "007x")),
        ("page", ("1", "10", "10000", ""), ("0", "10001", "-1")),
    ],
)
def test_a_number_is_admitted_by_the_document_exactly_when_the_api_takes_it(
    client, name, admitted, refused
):
    # fullmatch: JSON Schema's pattern is ECMA-262, whose "$" is the end of the text.
    pattern = re.compile(_schemas()[name]["pattern"])
    extra = {"per_page": "1"} if name == "page" else {}  # past 10,000 results is refused
    for value in admitted:
        assert pattern.fullmatch(value), value
        assert client.get("/api/v1/decisions", {name: value, **extra}).status_code == 200
    for value in refused:
        assert not pattern.fullmatch(value), value
        response = client.get("/api/v1/decisions", {name: value, **extra})
        assert response.status_code == 422
        assert response.json()["error"]["fields"][0]["path"] == f"$.{name}"


def test_a_choice_the_document_does_not_list_is_refused(client):
    response = client.get("/api/v1/decisions", {"family": "guidelines"})
    assert "guidelines" not in _schemas()["family"]["enum"]
    assert response.status_code == 422
    assert response.json()["error"]["fields"][0]["path"] == "$.family"


def test_the_page_and_its_size_a_search_gets_without_them_are_the_documents_defaults(client):
    # per_page's 20 was said in docs/api.md alone: a client generated from the document
    # could not know the size of the page it would get.
    schemas = _schemas()
    answer = client.get("/api/v1/decisions").json()
    assert (schemas["page"]["default"], schemas["per_page"]["default"]) == ("1", "20")
    assert (answer["page"], answer["per_page"]) == (1, 20)
    assert [p for p, s in schemas.items() if "default" in s] == ["page", "per_page"]
