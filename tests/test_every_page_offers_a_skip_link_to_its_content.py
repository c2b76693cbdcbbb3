"""A keyboard or screen reader user reaches a page's content without stepping through the
header's links first: the first link of every page of the app goes to its <main>
(WCAG 2.4.1)."""

import pytest

from tests.a11y_html import parse, text
from tests.a11y_pages import every_page
from tests.authz_world import build_world

pytestmark = pytest.mark.django_db


def _skip_problem(html: str) -> str | None:
    page = parse(html)
    links = page.all("a")
    if not links:
        return None  # a page with no link has no header to skip (a notice as HTML)
    first = links[0]
    target = first.attrs.get("href", "")
    if not target.startswith("#"):
        return f"the first link is {text(first)!r} ({target}), not a skip link"
    main = page.by_id(target[1:])
    if main is None or main.tag != "main":
        return f"the skip link goes to {target}, which is not the page's <main>"
    return None


def test_the_first_link_of_every_page_skips_to_its_content():
    world = build_world()
    pages = list(every_page(world))
    problems = {where: found for where, html in pages if (found := _skip_problem(html))}
    assert problems == {}
    skip_names = {text(parse(html).all("a")[0]) for _, html in pages if "<header" in html}
    assert skip_names == {"Skip to the content"}


def test_the_check_finds_a_page_whose_first_link_is_the_header():
    header_first = '<header><a href="/">openimr</a></header><main id="content"></main>'
    assert _skip_problem(header_first) == "the first link is 'openimr' (/), not a skip link"
    nowhere = '<a href="#nothing">Skip</a><main id="content"></main>'
    assert (
        _skip_problem(nowhere) == "the skip link goes to #nothing, which is not the page's <main>"
    )
