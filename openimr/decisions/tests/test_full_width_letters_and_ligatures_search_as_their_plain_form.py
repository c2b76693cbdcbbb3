"""A word typed in full-width letters ("ＭＲＩ", as an East Asian keyboard writes it) or with
a ligature ("ﬁndings", pasted from a PDF) finds the letters holding its plain form, on
both databases: the letters' text is stored plain (the parser unfolds ligatures), and
neither index's tokenizer folds them, so such a search had found nothing. The specialty
filter reads them the same way."""

import pytest

from openimr.decisions.search import search
from openimr.decisions.search_terms import parse
from openimr.decisions.tests.public_factories import make_decision

pytestmark = pytest.mark.django_db


@pytest.fixture
def letters() -> None:
    make_decision(summary="An MRI of the knee shows a tear; findings reviewed.")
    make_decision(summary="Knee pain.", specialties=("Pain Medicine",))


@pytest.mark.parametrize(("typed", "plain"), [("ＭＲＩ", "MRI"), ("ﬁndings", "findings")])
def test_a_full_width_or_ligatured_word_finds_what_its_plain_form_finds(letters, typed, plain):
    found = search(parse({"q": typed}))
    assert found.total == search(parse({"q": plain})).total == 1
    assert f"<mark>{plain}</mark>" in found.hits[0].snippet_html


def test_the_api_lists_the_word_searched_in_its_plain_form(client, letters):
    data = client.get("/api/v1/decisions", {"q": "ＭＲＩ"}).json()
    assert (data["total"], data["searched_words"]) == (1, ["MRI"])


def test_a_full_width_specialty_finds_its_letters(letters):
    assert search(parse({"specialty": "Ｐａｉｎ Ｍｅｄｉｃｉｎｅ"})).total == 1
