"""A `q` with no letter or digit in it ("*", a quote, an emoji) is refused naming `$.q` in
the API and the exports, and the search box on the page. Its symbols were dropped and nothing was left to
search, so every letter came back under "3182 decisions matching “*”"."""

import pytest

from openimr.core.errors import InvalidInput
from openimr.decisions.search_terms import parse
from openimr.decisions.tests.public_factories import make_decision

pytestmark = pytest.mark.django_db

NOTHING = ["*", '"', '""', "^", ":", "(((", "%%", "\\", "😀 🦴", "— …", "_"]


@pytest.mark.parametrize("text", NOTHING)
def test_a_query_of_symbols_alone_is_refused_naming_q(text):
    with pytest.raises(InvalidInput) as refused:
        parse({"q": text})
    [problem] = refused.value.problems
    assert problem.path == "$.q"
    assert problem.message == "holds no letter or digit to search for"


# Invisible characters alone (a bidirectional control, a zero-width space) are an empty box.
@pytest.mark.parametrize("text", ["", "   ", "\x00", "\t\n", "\u202e", "\u200b \u00ad"])
def test_an_empty_query_still_lists_every_letter(text):
    assert parse({"q": text}).words == ()


@pytest.mark.parametrize("text", ['"knee', "lum*", "^x", "😀 knee"])
def test_a_word_among_symbols_is_searched(text):
    assert parse({"q": text}).words


@pytest.mark.parametrize(
    ("path", "status", "place"),
    [
        ("/decisions/", 400, "The search box"),
        ("/api/v1/decisions", 422, "$.q"),
        ("/decisions/export.csv", 400, "$.q"),
    ],
)
def test_every_surface_refuses_it(client, path, status, place):
    make_decision(summary="Knee pain.")
    response = client.get(path, {"q": "*"})
    assert response.status_code == status
    assert f"{place}: holds no letter or digit to search for" in response.content.decode()
