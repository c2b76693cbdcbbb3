"""GET /api/v1/decisions (public: no token) with the search page's words and filters, facet
counts and paging; GET /api/v1/decisions/{case_number}; bad parameters get the one error
shape."""

import pytest

from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus() -> None:
    make_decision(
        case_number="CM16-0000001",
        summary="Cervical radiculopathy.",
        items=[item("Cervical epidural", category="injections", outcome="overturned")],
    )
    make_decision(case_number="CM16-0000002", summary="Knee pain.")


def test_anyone_searches_without_a_token(client, corpus):
    response = client.get("/api/v1/decisions", {"q": "cervical", "outcome": "overturned"})
    assert response.status_code == 200
    data = response.json()
    assert (data["total"], data["page"], data["pages"]) == (1, 1, 1)
    hit = data["results"][0]
    assert hit["case_number"] == "CM16-0000001"
    assert hit["items"] == [{"treatment": "Cervical epidural", "outcome": "overturned"}]
    assert "<mark>Cervical</mark>" in hit["snippet_html"]
    assert {"value": "injections", "count": 1} in data["facets"]["category"]


def test_paging_through_the_api(client, corpus):
    data = client.get("/api/v1/decisions", {"per_page": "1", "page": "2"}).json()
    assert (data["total"], data["pages"], len(data["results"])) == (2, 2, 1)


def test_bad_parameters_get_the_one_error_shape_with_each_named(client, corpus):
    response = client.get("/api/v1/decisions", {"outcome": "maybe", "per_page": "500"})
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert {f["path"] for f in error["fields"]} == {"$.outcome", "$.per_page"}


def test_one_decision_reads_as_the_public_letter(client, corpus):
    response = client.get("/api/v1/decisions/CM16-0000001")
    assert response.status_code == 200
    data = response.json()
    assert data["items"][0]["rationale"].startswith("The guidelines support")
    assert data["items"][0]["reviewer_basis"] == [{"mtus": True, "citation": "mtus guideline"}]
    assert data["letter_url"] is None
    assert "document" not in data and "name" not in str(data)


def test_an_unknown_decision_is_404_in_the_error_shape(client, corpus):
    response = client.get("/api/v1/decisions/CM99-0000000")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
