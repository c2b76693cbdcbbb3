"""The filters list every value of seven facets (some sixty links) before the results. On a
phone they stack above the results: with the demo's 2,003 letters the first letter stood
2,570 pixels down at 320 wide, and from the search box the keyboard took 62 Tabs to reach
it (3 now). A link at the top of the
filters skips them: shown on a phone, shown on a wide screen when the keyboard reaches it
(WCAG 2.4.1). Measured in a real Chromium."""

import datetime as dt
import re

import pytest
from django.core.cache import cache

from openimr.decisions.tests.public_factories import item, make_decision
from tests.browser.conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SKIP = "a.skip-filters"


@pytest.fixture
def corpus() -> None:
    cache.clear()
    categories = ["injections", "surgery", "pharmaceuticals", "diagnostics", "acupuncture"]
    specialties = ["Orthopedic Surgery", "Pain Medicine", "Neurology", "Psychiatry"]
    for n in range(12):
        make_decision(
            case_number=f"CM16-00001{n:02d}",
            decided=dt.date(2014 + n % 6, 1 + n % 12, 10),
            specialties=(specialties[n % 4],),
            priority=["standard", "expedited", "formulary"][n % 3],
            items=[item(f"Treatment {n}", category=categories[n % 5], family="odg")],
        )


def _first_result_top(page) -> float:
    return float(page.evaluate("document.querySelector('.hit a').getBoundingClientRect().top"))


def test_on_a_phone_the_link_above_the_filters_brings_the_first_result_into_view(
    live_server, page, corpus
):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(live_server.url + "/decisions/")
    assert _first_result_top(page) > 640  # below the filters, out of sight
    skip = page.locator(SKIP)
    assert skip.is_visible()
    assert skip.bounding_box()["y"] < 640
    assert skip.inner_text() == "Skip the filters to the 12 results"
    skip.click()
    page.wait_for_function("document.querySelector('.hit a').getBoundingClientRect().top < 640")
    screenshot(page, "search-320-results")


def test_from_the_search_box_the_keyboard_reaches_a_result_in_three_steps(
    live_server, page, corpus
):
    page.goto(live_server.url + "/decisions/")
    assert not page.locator(SKIP).is_visible() or page.locator(SKIP).bounding_box()["height"] <= 1
    page.focus("input[name=q]")
    page.keyboard.press("Tab")  # the Search button
    page.keyboard.press("Tab")  # the skip link, shown now
    assert page.evaluate("document.activeElement.className") == "skip-filters"
    assert page.locator(SKIP).bounding_box()["height"] > 10
    page.keyboard.press("Enter")
    # The keyboard does not wait for the link to be followed, as a click does; a Tab
    # pressed before would start from the skip link, not from the results.
    page.wait_for_url(re.compile("#results$"))
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.closest('#results') !== null")
    assert focused, page.evaluate("document.activeElement.outerHTML")
