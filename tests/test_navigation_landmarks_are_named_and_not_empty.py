"""A screen reader lists a page's navigation landmarks by name: on every page each <nav> has
a name of its own (aria-label) when there are several, and none is an empty landmark (the
header's, for a visitor who is not logged in)."""

import pytest

from tests.a11y_html import parse, text
from tests.a11y_pages import every_page
from tests.authz_world import build_world

pytestmark = pytest.mark.django_db


def _nav_problems(html: str) -> list[str]:
    navs = parse(html).all("nav")
    names = [nav.attrs.get("aria-label", "") for nav in navs]
    problems = [
        f"an empty <nav> named {n!r}" for nav, n in zip(navs, names, strict=True) if not text(nav)
    ]
    if len(navs) > 1:
        problems += [f"{len(navs)} <nav> landmarks named {names}" for n in names if not n][:1]
        problems += [f"two <nav> landmarks named {n!r}" for n in set(names) if names.count(n) > 1]
    return problems


def test_every_navigation_landmark_has_a_name_and_links():
    world = build_world()
    problems = {where: found for where, html in every_page(world) if (found := _nav_problems(html))}
    assert problems == {}


def test_the_public_search_names_its_pager_and_the_header_menu_apart():
    world = build_world()
    html = world.client("intake").get("/decisions/").content.decode()
    assert [nav.attrs.get("aria-label") for nav in parse(html).all("nav")] == [
        "Main",
        "Pages of results",
    ]


def test_the_check_finds_unnamed_and_empty_landmarks():
    assert _nav_problems("<nav>\n</nav>") == ["an empty <nav> named ''"]
    assert _nav_problems('<nav><a href="/">a</a></nav><nav><a href="/b">b</a></nav>') == [
        "2 <nav> landmarks named ['', '']",
        "two <nav> landmarks named ''",
    ]
