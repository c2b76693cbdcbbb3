"""A reviewer with the workspace open in two tabs saves an item's rationale in one, then a
shorter one in the other, opened before: the second save is refused with the reason, the
text typed in the second tab stays in its box, and the rationale saved first is the one
kept. Before, the second tab silently replaced it."""

import pytest

from openimr.cases.models import Case
from openimr.review.tests.conftest import CASE, PASSWORD
from tests.browser.conftest import PT_RATIONALE, click_and_load, log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _save(tab, rationale):
    tab.select_option("#id_item-0-decision", "upheld")
    tab.select_option("#id_item-0-basis", "mtus-chronic-pain")
    tab.fill("#id_item-0-rationale", rationale)
    click_and_load(tab, "#item-0 button[value=item]")


def test_the_second_tabs_save_is_refused_and_keeps_its_text(
    browser, live_server, demo_case_in_review
):
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    first = context.new_page()
    log_in(first, live_server, "jroe", PASSWORD)
    second = context.new_page()
    for tab in (first, second):
        tab.goto(f"{live_server.url}/review/{CASE}/")
    _save(first, PT_RATIONALE)
    assert "Item 1 was saved." in first.inner_text("main")
    _save(second, "Not necessary.")
    screenshot(second, "review-item-saved-in-another-tab")
    assert "item 1 was saved after this page was opened" in second.inner_text("#item-0")
    assert second.input_value("#id_item-0-rationale") == "Not necessary."
    assert Case.objects.get(case_number=CASE).items.get(position=0).rationale == PT_RATIONALE
    context.close()
