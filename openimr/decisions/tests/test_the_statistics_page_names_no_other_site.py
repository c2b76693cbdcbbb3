"""The statistics are read where the internet is blocked (a court, a hospital's network): the
page names no other site, neither as a script, a style, an image or a font to fetch nor as a
link, so nothing on it waits on the network or fails without it. The only absolute URL is
the SVG namespace, a name no browser fetches. The browser test of the public corpus watches
the requests; this one reads every address the page's text holds, so a CDN's name added to
a template fails here without a browser."""

import datetime as dt
import re

import pytest
from django.core.cache import cache

from openimr.decisions.tests.public_factories import item, make_decision

pytestmark = pytest.mark.django_db
SVG_NAMESPACE = "http://www.w3.org/2000/svg"
# An absolute or scheme-relative address, anywhere in the text: attributes, CSS url(), text.
ADDRESS = re.compile(r"""(?:[a-z][a-z0-9+.-]*:)?//[^\s"'<>)]+""", re.IGNORECASE)
ATTRIBUTE = re.compile(r"""\b(?:src|href|action|xlink:href|data)\s*=\s*["']([^"']*)""")


@pytest.mark.parametrize("letters", [0, 30])
def test_the_statistics_page_names_no_address_outside_the_site(client, letters):
    cache.clear()
    for n in range(letters):
        outcome = "overturned" if n % 4 == 0 else "upheld"
        make_decision(decided=dt.date(2016, 1 + n % 12, 3), items=[item(outcome=outcome)])
    page = client.get("/decisions/analytics/").content.decode()
    assert set(ADDRESS.findall(page)) <= {SVG_NAMESPACE}
    addresses = ATTRIBUTE.findall(page)
    assert addresses, "the page holds no address at all: the pattern reads nothing"
    assert [a for a in addresses if not a.startswith(("/", "#"))] == []
    assert "@import" not in page and "url(" not in page
