"""A reviewer with the workspace open in two tabs saves an item's rationale in one, then a
shorter one in the other, opened before: the second save is refused with the reason, the
text typed in the second tab stays in its box, and the rationale saved first is the one
kept. Before, the second tab silently replaced it."""

import json
from pathlib import Path

import pytest

from openimr.cases.interchange import case_from_document
from openimr.cases.models import Case
from openimr.cases.services import case_import
from openimr.review.tests.conftest import CASE, PASSWORD, assign, person, undecided
from tests.browser.conftest import log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
DEMO = Path(__file__).resolve().parents[2] / "openimr" / "demo" / "cases" / "cm16-0400101.json"
CAREFUL = (
    "The MTUS Chronic Pain guideline allows up to 10 visits for radiculitis; twelve were "
    "completed, so further therapy is not medically necessary."
)


@pytest.fixture
def review_case():
    doc = undecided(json.loads(DEMO.read_text(encoding="utf-8")))
    case_import(case=case_from_document(doc), actor="test")
    assign(CASE, person("jroe", "reviewer"), "R-1", "Jane Q. Roe")


def _save(tab, rationale):
    tab.select_option("#id_item-0-decision", "upheld")
    tab.select_option("#id_item-0-basis", "mtus-chronic-pain")
    tab.fill("#id_item-0-rationale", rationale)
    tab.click("#item-0 button[value=item]")
    tab.wait_for_load_state()


def test_the_second_tabs_save_is_refused_and_keeps_its_text(browser, live_server, review_case):
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    first = context.new_page()
    log_in(first, live_server, "jroe", PASSWORD)
    second = context.new_page()
    for tab in (first, second):
        tab.goto(f"{live_server.url}/review/{CASE}/")
    _save(first, CAREFUL)
    assert "Item 1 was saved." in first.inner_text("main")
    _save(second, "Not necessary.")
    screenshot(second, "review-item-saved-in-another-tab")
    assert "item 1 was saved after this page was opened" in second.inner_text("#item-0")
    assert second.input_value("#id_item-0-rationale") == "Not necessary."
    assert Case.objects.get(case_number=CASE).items.get(position=0).rationale == CAREFUL
    context.close()
