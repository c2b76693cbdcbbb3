"""A spinal level or a range typed with a hyphen or with an en dash ("L4-5", "L4–5", as a
word processor writes it and a researcher pastes it) finds the letters writing either, on
both databases. PostgreSQL's parser reads "L4-5" as 'l4' '-5' (a negative number) and
"L4–5" as 'l4' '5': each spelling had found only the letters writing it the same way, where
SQLite's FTS5, splitting at both, found both."""

import pytest

from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = pytest.mark.django_db

HYPHEN, EN_DASH, APART, CERVICAL = (f"CM16-000000{n}" for n in range(1, 5))


@pytest.fixture
def corpus() -> None:
    make_decision(case_number=HYPHEN, summary="Lumbar pain.", items=[item("L4-5 fusion")])
    make_decision(case_number=EN_DASH, summary="Lumbar pain.", items=[item("L4–5 fusion")])
    make_decision(case_number=APART, summary="Pain at L4 after 5 visits.", items=[item("Therapy")])
    make_decision(case_number=CERVICAL, summary="Neck pain.", items=[item("C5–C6 fusion")])


def _found(client, q: str) -> set[str]:
    response = client.get("/api/v1/decisions", {"q": q})
    assert response.status_code == 200, response.content
    return {hit["case_number"] for hit in response.json()["results"]}


@pytest.mark.parametrize("typed", ["L4-5", "L4–5", "L4—5", "l4‑5 fusion"])
def test_either_dash_finds_both_spellings_and_not_the_words_apart(client, corpus, typed):
    assert _found(client, typed) == {HYPHEN, EN_DASH}


@pytest.mark.parametrize("typed", ["C5-C6", "C5–C6"])
def test_a_level_written_with_an_en_dash_is_found_by_a_hyphen(client, corpus, typed):
    assert _found(client, typed) == {CERVICAL}


def test_a_level_left_out_leaves_out_both_spellings(client, corpus):
    assert _found(client, "fusion -L4-5") == {CERVICAL}
