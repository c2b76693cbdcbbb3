"""A link a page shows leads somewhere its reader may go: followed as the role that saw the
page, it opens (after any redirect) and is neither refused (403), missing (404) nor a server
error. The reviewer panel had shown intake staff links into the Django admin that refused
them, and a record page QA opened led back to the reviewer's workspace, which QA cannot
open."""

from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest

from tests.a11y_pages import every_page
from tests.authz_world import build_world

pytestmark = pytest.mark.django_db
# The outbox's message (tests.a11y_pages.outbox_pages) is opened while its folder exists;
# the folder is gone once the page is read.
TEMPORARY_MESSAGES = "/review/outbox/2"


class _Hrefs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.hrefs.append(href)


def site_links(page_url: str, html: str) -> set[str]:
    """The page's links into the site (path and query), static files and anchors left out."""
    parser = _Hrefs()
    parser.feed(html)
    links = set()
    for href in parser.hrefs:
        parts = urlsplit(urljoin(f"http://testserver{page_url}", href))
        if parts.netloc == "testserver" and not parts.path.startswith("/static/"):
            links.add(parts.path + (f"?{parts.query}" if parts.query else ""))
    return links


def test_every_link_opens_for_the_role_that_sees_it():
    world = build_world()
    links: dict[tuple[str, str], str] = {}
    for where, html in every_page(world):
        page_url, role = where.split(" ", 1)[0], where.rsplit(" as ", 1)[1]
        for link in site_links(page_url, html):
            if not link.startswith(TEMPORARY_MESSAGES):
                links.setdefault((role, link), where)
    broken = {}
    for (role, link), where in sorted(links.items()):
        status = world.client(role).get(link, follow=True).status_code
        if status != 200:
            broken[f"{link} as {role}"] = f"{status}, linked from {where}"
    assert len(links) > 100
    assert broken == {}, "\n".join(f"{k}: {v}" for k, v in broken.items())


def test_the_links_read_are_the_sites_own():
    html = (
        '<a href="/cases/">a</a><a href="?page=2">b</a><a href="#main">c</a>'
        '<a href="https://example.org/">d</a><a href="/static/x.css">e</a>'
    )
    assert site_links("/decisions/", html) == {"/cases/", "/decisions/?page=2", "/decisions/"}
