"""GET /api/v1/decisions?q=CM16-0400101 answers the decision with that number, as the search
page opens its letter for the same words: the index cuts the number into two words no
letter holds as one, so the API had answered an empty list. A number no decision is
published under still finds nothing, and the filters still apply."""

import pytest

from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus() -> None:
    make_decision(
        case_number="CM16-0400101",
        summary="Lumbar strain after a fall.",
        items=[item("Lumbar MRI", category="imaging", outcome="overturned")],
    )
    make_decision(case_number="CM16-0400102", summary="Knee pain.")


def _search(client, **params):
    response = client.get("/api/v1/decisions", params)
    assert response.status_code == 200
    return response.json()


@pytest.mark.parametrize("typed", ["CM16-0400101", "cm16-0400101", "  Cm16-0400101 \t"])
def test_a_case_number_answers_that_decision_alone(client, corpus, typed):
    data = _search(client, q=typed)
    assert (data["total"], data["pages"]) == (1, 1)
    (hit,) = data["results"]
    assert hit["case_number"] == "CM16-0400101"
    assert hit["items"] == [{"treatment": "Lumbar MRI", "outcome": "overturned"}]
    assert hit["snippet_html"].startswith("Lumbar strain")
    assert {"value": "imaging", "count": 1} in data["facets"]["category"]


def test_a_number_no_decision_is_published_under_answers_an_empty_list(client, corpus):
    data = _search(client, q="CM16-0400199")
    assert (data["total"], data["results"]) == (0, [])


def test_the_filters_still_apply_to_the_decision_a_number_names(client, corpus):
    assert _search(client, q="CM16-0400101", outcome="upheld")["results"] == []
    data = _search(client, q="CM16-0400101", outcome="overturned")
    assert [h["case_number"] for h in data["results"]] == ["CM16-0400101"]


def test_a_second_page_of_the_one_decision_is_empty(client, corpus):
    data = _search(client, q="CM16-0400101", page="2")
    assert (data["total"], data["results"]) == (1, [])


def test_a_bad_filter_beside_a_case_number_is_still_refused(client, corpus):
    response = client.get("/api/v1/decisions", {"q": "CM16-0400101", "outcome": "maybe"})
    assert response.status_code == 422
    assert [f["path"] for f in response.json()["error"]["fields"]] == ["$.outcome"]
