"""Every page of the app has one <h1> and no heading that skips a level below the one
before it (WCAG 1.3.1, 2.4.6): a screen reader lists headings to move through a page. The QA
page had set the letter, with its own <h1>, under an <h2>."""

import itertools
import re

import pytest

from tests.a11y_pages import every_page
from tests.authz_world import build_world

pytestmark = pytest.mark.django_db
_HEADING = re.compile(r"<h([1-6])\b")


def heading_problem(html: str) -> str | None:
    levels = [int(level) for level in _HEADING.findall(html)]
    if levels.count(1) != 1:
        return f"{levels.count(1)} <h1>"
    for before, after in itertools.pairwise(levels):
        if after > before + 1:
            return f"an <h{after}> right after an <h{before}>"
    return None


def test_every_page_has_one_h1_and_no_skipped_level():
    world = build_world()
    problems = {
        where: found for where, html in every_page(world) if (found := heading_problem(html))
    }
    assert problems == {}


@pytest.mark.parametrize(
    ("html", "problem"),
    [
        ("<h1>a</h1><h2>b</h2><h1>c</h1>", "2 <h1>"),
        ("<h1>a</h1><h3>b</h3>", "an <h3> right after an <h1>"),
        ("<h1>a</h1><h2>b</h2><h3>c</h3><h2>d</h2>", None),
    ],
)
def test_the_check_finds_a_second_h1_and_a_skipped_level(html, problem):
    assert heading_problem(html) == problem
