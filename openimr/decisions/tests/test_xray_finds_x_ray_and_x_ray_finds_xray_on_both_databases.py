"""A compound the letters write joined, hyphened or spaced ("Xray", "X-ray", "x ray") is
found by any of its spellings, on both databases, searched or left out: each index cuts
"x-ray" into two tokens and keeps "xray" as one, so each spelling had found only itself."""

import pytest

from openimr.decisions.domain.compound_spellings import other_spellings
from openimr.decisions.tests.public_factories import item, make_decision

HYPHEN, JOINED, SPACED, PLURAL, NEITHER = (f"CM16-000020{n}" for n in range(1, 6))


@pytest.fixture
def corpus() -> None:
    make_decision(case_number=HYPHEN, summary="Knee pain.", items=[item("X-ray of the knee")])
    make_decision(case_number=JOINED, summary="Knee pain; xray reviewed.", items=[item("MRI")])
    make_decision(case_number=SPACED, summary="Knee pain.", items=[item("Knee x ray, 3 views")])
    make_decision(case_number=PLURAL, summary="Knee pain; prior X-rays.", items=[item("MRI")])
    make_decision(case_number=NEITHER, summary="Knee pain.", items=[item("Ray splint")])


@pytest.mark.parametrize(
    ("parts", "others"),
    [
        (("Xray",), [("x", "ray")]),
        (("X", "rays"), [("xrays",)]),
        (("E", "stim"), [("estim",)]),
        (("ray",), []),
        (("x",), []),
        (("x", "ray", "knee"), []),
    ],
)
def test_a_compound_has_its_other_spelling(parts, others):
    assert other_spellings(parts) == others


def _api(client, q: str) -> set[str]:
    response = client.get("/api/v1/decisions", {"q": q})
    assert response.status_code == 200, response.content
    return {hit["case_number"] for hit in response.json()["results"]}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("q", "found"),
    [
        ("xray", {HYPHEN, JOINED, SPACED, PLURAL}),
        ("X-ray", {HYPHEN, JOINED, SPACED, PLURAL}),
        ('"x ray"', {HYPHEN, JOINED, SPACED, PLURAL}),
        ("xrays knee", {HYPHEN, JOINED, SPACED, PLURAL}),
        ("knee -xray", {NEITHER}),
        ("knee -x-ray", {NEITHER}),
    ],
)
def test_each_spelling_finds_the_others(client, corpus, q, found):
    assert _api(client, q) == found


@pytest.mark.django_db
def test_the_snippet_marks_the_other_spelling(client, corpus):
    page = client.get("/decisions/", {"q": "xray"}).content.decode().lower()
    # FTS5 marks a phrase found as one span, PostgreSQL each of its words.
    assert "<mark>x-ray</mark>" in page or "<mark>x</mark>-<mark>ray</mark>" in page
