"""On a phone, or zoomed to 400%, a page fits 320 CSS pixels: the header's menu wraps,
fields shrink to their box and a wide table scrolls inside its card, so that reading a
page never needs scrolling sideways (WCAG 1.4.10). Measured in a real Chromium."""

import json
from pathlib import Path

import pytest
from django.core.cache import cache

from conftest import THREE_ITEM_FILE, intake_clerk
from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import
from openimr.decisions.tests.public_factories import make_decision
from tests.browser.conftest import log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
WIDTH = 320
PUBLIC = ["/login/", "/decisions/", "/decisions/CM16-0000001/", "/decisions/analytics/"]
CASE = "CM16-0400101"
STAFF = [
    "/cases/",
    "/cases/queue/",
    "/cases/new/",
    f"/cases/{CASE}/",
    f"/cases/{CASE}/timeline/",
    f"/records/{CASE}/",
    "/reviewers/",
    "/guidelines/",
    "/decisions/",
]


def _overflow(page) -> int:
    """How far the page reaches past the window's right edge, in CSS pixels."""
    return int(page.evaluate("document.documentElement.scrollWidth")) - WIDTH


@pytest.fixture
def narrow(page):
    page.set_viewport_size({"width": WIDTH, "height": 640})
    return page


def test_public_pages_fit_a_phone(live_server, narrow):
    cache.clear()
    make_decision(case_number="CM16-0000001")
    wide = {}
    for url in PUBLIC:
        narrow.goto(live_server.url + url)
        wide[url] = _overflow(narrow)
    screenshot(narrow, "reflow-320-analytics")
    assert wide == dict.fromkeys(PUBLIC, 0)


def test_staff_pages_with_the_full_menu_fit_a_phone(live_server, narrow):
    intake_clerk()
    doc = json.loads(Path(THREE_ITEM_FILE).read_text(encoding="utf-8"))
    case_import(case=case_from_document({**doc, "case_number": CASE}), actor="test")
    log_in(narrow, live_server, "clerk", "a-long-test-password")
    wide = {}
    for url in STAFF:
        narrow.goto(live_server.url + url)
        wide[url] = _overflow(narrow)
    screenshot(narrow, "reflow-320-staff-decisions")
    assert wide == dict.fromkeys(STAFF, 0)


# An unbroken word wider than any line (a pasted URL, a run of characters): it must wrap
# inside its block, not push the page sideways (WCAG 1.4.10). The staff letter page uses
# letter.css; the case page and the public decision page site.css.
LONG_WORD = "x" * 3000
LONG = "/cases/CM16-0400102/"
# The right edge of the text holding the word, in CSS pixels: a card that scrolls keeps
# the page itself narrow, so the page's width alone would not see an unwrapped word.
_WORD_RIGHT = """word => {
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let right = -1;
  for (let node = walk.nextNode(); node; node = walk.nextNode()) {
    if (!node.data.includes(word)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    right = Math.max(right, range.getBoundingClientRect().right);
  }
  return right;
}"""


def _word_right(page) -> float:
    return float(page.evaluate(_WORD_RIGHT, LONG_WORD[:200]))


def test_a_word_longer_than_the_line_wraps_instead_of_widening_the_page(live_server, narrow):
    cache.clear()
    make_decision(case_number="CM16-0000002", summary=f"Summary {LONG_WORD} ends.")
    intake_clerk()
    doc = json.loads(Path(THREE_ITEM_FILE).read_text(encoding="utf-8"))
    doc = {**doc, "case_number": "CM16-0400102", "clinical_summary": f"Pain {LONG_WORD}."}
    case_import(case=case_from_document(doc), actor="test")
    right = {}
    narrow.goto(live_server.url + "/decisions/CM16-0000002/")
    right["decision"] = _word_right(narrow)
    log_in(narrow, live_server, "clerk", "a-long-test-password")
    for url in (LONG, f"{LONG}letter/"):
        narrow.goto(live_server.url + url)
        right[url] = _word_right(narrow)
    assert all(0 < edge <= WIDTH for edge in right.values()), right  # 0: word not shown
