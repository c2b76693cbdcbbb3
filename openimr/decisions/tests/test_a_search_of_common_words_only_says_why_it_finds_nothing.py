"""On PostgreSQL a search made only of common words ("the", "of", "not") finds nothing, as
its English configuration leaves them out of the index; the page says so and asks for a more
specific word, instead of an empty list with no reason. SQLite searches them, so its page
shows results and no such notice."""

import pytest
from django.db import connection

from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = pytest.mark.django_db
NOTICE = 'id="common-words-only"'


@pytest.fixture
def corpus() -> None:
    make_decision(case_number="CM16-0000101", items=[item("The MRI of the lumbar spine")])


def test_the_page_says_why_a_search_of_common_words_finds_nothing(client, corpus):
    body = client.get("/decisions/", {"q": "the of"}).content.decode()
    if connection.vendor == "postgresql":
        assert NOTICE in body and "add a more specific word" in body
    else:
        assert NOTICE not in body and "CM16-0000101" in body


def test_a_search_with_one_specific_word_has_no_such_notice(client, corpus):
    body = client.get("/decisions/", {"q": "the lumbar"}).content.decode()
    assert NOTICE not in body and "CM16-0000101" in body
