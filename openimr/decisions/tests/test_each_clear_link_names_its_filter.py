"""With two filters on, the filters list showed two links each read "clear": a screen
reader user moving from link to link (WCAG 2.4.4, 2.4.9) could not tell which filter each
removes. Each names its filter, as the "×" beside the result count does."""

import pytest
from django.core.cache import cache

from openimr.decisions.tests.public_factories import item, make_decision
from tests.a11y_html import parse, text

pytestmark = pytest.mark.django_db


def test_each_clear_link_says_which_filter_it_removes(client):
    cache.clear()
    make_decision(items=[item(category="injections", outcome="overturned")])
    body = client.get("/decisions/", {"outcome": "overturned", "category": "injections"})
    page = parse(body.content.decode())
    clears = {
        text(a): a.attrs["href"] for a in page.all("a") if "clear" in a.attrs.get("class", "")
    }
    assert clears == {
        "clear the Decision filter": "?category=injections",
        "clear the Treatment category filter": "?outcome=overturned",
    }
