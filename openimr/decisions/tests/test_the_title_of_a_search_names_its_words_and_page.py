"""A search's page title names what was searched and which page this is, so that browser
tabs and history tell searches apart and a screen reader announces the result on arrival
(WCAG 2.4.2): every search, every page and every refusal was titled "Published decisions"."""

import pytest
from django.core.cache import cache

from openimr.decisions.tests.public_factories import make_decision
from tests.a11y_html import parse, text

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def letters() -> None:
    cache.clear()
    for _ in range(3):
        make_decision(summary="Knee pain after a fall.")


def _title(client, query: dict[str, str]) -> str:
    return text(parse(client.get("/decisions/", query).content.decode()).all("title")[0])


def test_the_whole_corpus_keeps_its_title(client):
    assert _title(client, {}) == "Published decisions · openimr"


def test_a_search_names_its_words(client):
    assert _title(client, {"q": "knee"}) == "“knee”: published decisions · openimr"


def test_a_quoted_phrase_is_named_in_its_own_quotes_not_quoted_again(client):
    assert (
        _title(client, {"q": '"lumbar spine"'}) == '"lumbar spine": published decisions · openimr'
    )
    assert _title(client, {"q": "“lumbar spine” -knee"}) == (
        "“lumbar spine” -knee: published decisions · openimr"
    )


def test_the_count_names_a_quoted_phrase_in_its_own_quotes(client):
    page = parse(client.get("/decisions/", {"q": '"lumbar spine"'}).content.decode())
    assert 'matching "lumbar spine"' in text(page.by_id("summary"))


def test_a_page_past_the_first_names_its_number(client):
    title = _title(client, {"q": "knee", "per_page": "1", "page": "2"})
    assert title == "“knee”: published decisions, page 2 of 3 · openimr"


def test_a_refused_search_says_so(client):
    assert _title(client, {"page": "0"}) == "Search refused: published decisions · openimr"
