"""A letter's public page names the states the reviewer is licensed in as the letter does
("California, Oregon"), not by their postal codes: "OR, IL" read as the word "or" to a
screen reader, and "IL" or "MI" meant nothing to many readers. The API keeps the codes."""

import pytest
from django.core.cache import cache

from openimr.decisions.models import Decision
from openimr.decisions.tests.public_factories import make_decision
from tests.a11y_html import parse, text

pytestmark = pytest.mark.django_db


def _licensed(client, number: str) -> str:
    page = parse(client.get(f"/decisions/{number}/").content.decode())
    terms = page.all("dt")
    (term,) = [t for t in terms if text(t) == "Reviewer licensed in"]
    return text(page.all("dd")[terms.index(term)])


def test_the_page_names_each_state_in_words(client):
    cache.clear()
    letter = make_decision(case_number="CM16-0000001")
    Decision.objects.filter(pk=letter.pk).update(licensed_in=["OR", "IL"])
    assert _licensed(client, "CM16-0000001") == "Oregon, Illinois"
    assert client.get("/api/v1/decisions/CM16-0000001").json()["licensed_in"] == ["OR", "IL"]


def test_a_code_no_state_has_is_shown_as_printed(client):
    cache.clear()
    letter = make_decision(case_number="CM16-0000002")
    Decision.objects.filter(pk=letter.pk).update(licensed_in=["CA", "XQ"])
    assert _licensed(client, "CM16-0000002") == "California, XQ"
