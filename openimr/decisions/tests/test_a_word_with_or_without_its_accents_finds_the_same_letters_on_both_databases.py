"""A word typed with or without its accents finds the same letters on both databases,
however a letter writes it: precomposed ("Lidocaína"), with a combining accent
("Lidocai\u0301na", as some PDFs extract it), without ("Lidocaina"), or glued to its dose
("Lidocaína5%"). PostgreSQL had kept the accents in its index (only the accented spelling
found those letters), and on both databases the lookup of the forms glued to a number
skipped any word outside ASCII. Both fold a word the same way (`glued_sql.fold`: accents,
not strokes, are dropped). A trademark sign is no part of a word ("Toradol®60mg")."""

import datetime as dt

import pytest

from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = pytest.mark.django_db

PRECOMPOSED, COMBINING, PLAIN, GLUED, OTHER, TORADOL, TORADOL_GLUED = (
    f"CM16-000000{n}" for n in range(1, 8)
)
LIDOCAINE = {PRECOMPOSED, COMBINING, PLAIN, GLUED}


def _letter(number: str, treatment: str, summary: str = "Neuropathic pain.") -> None:
    make_decision(
        case_number=number,
        summary=summary,
        decided=dt.date(2016, 5, 1),
        items=[item(treatment, category="pharmaceuticals")],
    )


@pytest.fixture
def corpus() -> None:
    _letter(PRECOMPOSED, "Lidocaína 5% patch", "Neuropathic pain; Lidocaína was tried.")
    _letter(COMBINING, "Lidocai\u0301na patch #30")
    _letter(PLAIN, "Lidocaina 5% patch")
    _letter(GLUED, "Lidocaína5% patch #30")
    _letter(OTHER, "Lidoderm 5% patch")
    _letter(TORADOL, "Toradol® 60mg IM")
    _letter(TORADOL_GLUED, "Toradol®60mg IM")


def _found(client, **params: str) -> set[str]:
    response = client.get("/api/v1/decisions", params)
    assert response.status_code == 200, response.content
    return {hit["case_number"] for hit in response.json()["results"]}


@pytest.mark.parametrize(
    "typed", ["lidocaina", "Lidocaína", "LIDOCAÍNA", "lidocai\u0301na", "Lidocaína patch"]
)
def test_every_spelling_finds_every_letter_writing_the_word(client, corpus, typed):
    assert _found(client, q=typed) == LIDOCAINE


@pytest.mark.parametrize("typed", ["-lidocaína", "-lidocaina"])
def test_a_word_left_out_leaves_out_every_spelling(client, corpus, typed):
    assert _found(client, q=typed, category="pharmaceuticals") == {
        OTHER,
        TORADOL,
        TORADOL_GLUED,
    }


@pytest.mark.parametrize("typed", ["toradol", "Toradol®", "TORADOL® 60mg"])
def test_a_trademark_sign_is_no_part_of_the_word(client, corpus, typed):
    assert _found(client, q=typed) == {TORADOL, TORADOL_GLUED}


def test_the_page_lists_them_as_the_api_does(client, corpus):
    page = client.get("/decisions/", {"q": "lidocaina"}).content.decode()
    assert all(number in page for number in LIDOCAINE) and OTHER not in page
