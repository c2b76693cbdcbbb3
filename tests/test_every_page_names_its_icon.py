"""Every page names its icon, a file the app ships: with none named, browsers asked for
/favicon.ico on a first visit, which answered 404 (a "Not Found" warning in the server's
log each time, seen in a real Chromium against gunicorn) and showed no icon on the tab."""

import pytest
from django.contrib.staticfiles import finders

from tests.a11y_html import parse
from tests.a11y_pages import every_page
from tests.authz_world import build_world

pytestmark = pytest.mark.django_db


def _icons(html: str) -> list[str]:
    links = parse(html).all("link")
    return [link.attrs.get("href", "") for link in links if link.attrs.get("rel") == "icon"]


def test_every_page_names_one_icon_that_the_app_ships():
    # A notice shown as HTML is a document to print, not a page of the site: no header.
    pages = [(where, html) for where, html in every_page(build_world()) if "<header" in html]
    icons = {where: _icons(html) for where, html in pages}
    assert {where: found for where, found in icons.items() if len(found) != 1} == {}
    (href,) = {found[0] for found in icons.values()}
    assert href.startswith("/static/")
    assert finders.find(href.removeprefix("/static/")) is not None
