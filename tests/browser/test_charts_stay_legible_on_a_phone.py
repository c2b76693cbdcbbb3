"""A researcher on a phone reads the statistics charts: each chart is drawn at least at the
size it was designed for (760 units wide, its labels 10 to 12 pixels), scrolling sideways
inside its own frame, which the keyboard can reach and scroll, while the page itself still
fits 320 CSS pixels (WCAG 1.4.4, 1.4.10: a chart is two-dimensional content; 2.1.1).
Shrunk to the card's width, a label 12 units high was drawn 3.6 pixels high. Measured in a
real Chromium."""

import pytest
from django.core.cache import cache

from openimr.decisions.tests.public_factories import make_decision
from tests.browser.conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
WIDTH = 320

# The smallest height, in CSS pixels, at which any chart draws a label.
_SMALLEST_LABEL = """() => Math.min(...[...document.querySelectorAll('svg.chart text')]
  .map(t => t.getBoundingClientRect().height))"""
_FRAMES = """() => [...document.querySelectorAll('svg.chart')].map(svg => {
  const frame = svg.parentElement;
  return {tabindex: frame.getAttribute('tabindex'), scrolls: frame.scrollWidth > frame.clientWidth};
})"""


def test_chart_labels_keep_their_size_on_a_phone_and_their_frame_scrolls(live_server, page):
    cache.clear()
    make_decision(case_number="CM16-0000001")
    page.set_viewport_size({"width": WIDTH, "height": 640})
    page.goto(live_server.url + "/decisions/analytics/")
    screenshot(page, "charts-320")
    assert page.evaluate(_SMALLEST_LABEL) >= 10
    frames = page.evaluate(_FRAMES)
    assert len(frames) >= 4
    assert all(f == {"tabindex": "0", "scrolls": True} for f in frames), frames
    assert page.evaluate("document.documentElement.scrollWidth") == WIDTH
    # The keyboard scrolls a chart: Tab to its frame, then the right arrow.
    frame = page.locator("svg.chart").first.locator("xpath=..")
    frame.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("f => f.scrollLeft > 0", arg=frame.element_handle())


def test_on_a_wide_screen_a_chart_fills_its_card_without_scrolling(live_server, page):
    cache.clear()
    make_decision(case_number="CM16-0000001")
    page.goto(live_server.url + "/decisions/analytics/")
    frames = page.evaluate(_FRAMES)
    assert frames and not any(f["scrolls"] for f in frames)
