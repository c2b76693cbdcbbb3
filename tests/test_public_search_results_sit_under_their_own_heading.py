"""A screen reader user moving by headings through the public search finds the results
under a heading of their own, not as more sub-headings of "Filters": each hit's heading
follows the "Results" heading, at the level below it (WCAG 1.3.1)."""

import pytest

from tests.a11y_html import parse, text
from tests.authz_world import PUBLISHED, build_world

pytestmark = pytest.mark.django_db


def _outline(html: str) -> list[tuple[int, str]]:
    page = parse(html)
    return [(int(e.tag[1]), text(e)) for e in page.elements if e.tag in {"h1", "h2", "h3"}]


def _section_of(outline: list[tuple[int, str]], heading: str) -> str:
    """The words of the nearest heading above ``heading`` one level up."""
    position = next(n for n, (_, words) in enumerate(outline) if words.startswith(heading))
    level = outline[position][0]
    return next(words for lvl, words in reversed(outline[:position]) if lvl == level - 1)


def test_each_hit_is_a_heading_under_results():
    world = build_world()
    html = world.client("public").get("/decisions/").content.decode()
    outline = _outline(html)
    assert (2, "Filters") in outline
    assert _section_of(outline, PUBLISHED) == "Results"


def test_the_outline_finds_the_section_a_heading_is_in():
    outline = [(1, "Search"), (2, "Filters"), (3, "Outcome"), (3, "CM16-0000001 01/02/2016")]
    assert _section_of(outline, "CM16-0000001") == "Filters"
