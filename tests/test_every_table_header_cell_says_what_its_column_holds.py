"""A screen reader announces a cell with its column's header: every <th> of every page has
words (read out, even when not shown), never an empty header (WCAG 1.3.1)."""

import pytest

from tests.a11y_html import parse, text
from tests.a11y_pages import every_page
from tests.authz_world import build_world

pytestmark = pytest.mark.django_db


def _empty_headers(html: str) -> int:
    return sum(1 for th in parse(html).all("th") if not text(th))


def test_no_table_of_any_page_has_an_empty_header_cell():
    world = build_world()
    pages = dict(every_page(world))
    empty = {where: n for where, html in pages.items() if (n := _empty_headers(html))}
    assert any("/review/print-queue/" in where for where in pages)
    assert any("/review/qa/" in where and "amend" not in where for where in pages)
    assert empty == {}


def test_the_check_counts_an_empty_header_cell():
    assert _empty_headers("<table><tr><th>Case</th><th></th></tr></table>") == 1
    assert _empty_headers('<th><span class="visually-hidden">Action</span></th>') == 0
