"""A reviewer writes a rationale, their session ends (OPENIMR_SESSION_SECONDS after logging
in), and they press Save: the login page says nothing was saved and why; once logged in
again the rationale is back in its box on the workspace, unsaved, and saving it works.
Before, the login page said nothing and the text was gone."""

import pytest
from django.conf import settings

from openimr.cases.models import Case
from openimr.review.tests.conftest import CASE, PASSWORD
from tests.browser.conftest import PT_RATIONALE, click_and_load, log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_rationale_is_back_in_its_box_after_logging_in_again(
    browser, live_server, demo_case_in_review
):
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    log_in(page, live_server, "jroe", PASSWORD)
    page.goto(f"{live_server.url}/review/{CASE}/")
    page.select_option("#id_item-0-decision", "upheld")
    page.select_option("#id_item-0-basis", "mtus-chronic-pain")
    page.fill("#id_item-0-rationale", PT_RATIONALE)
    kept = [c for c in context.cookies() if c["name"] != settings.SESSION_COOKIE_NAME]
    context.clear_cookies()  # the session ended; the CSRF cookie outlives it
    context.add_cookies(kept)
    click_and_load(page, "#item-0 button[value=item]")
    assert "Your session had ended: nothing was saved" in page.inner_text("main")
    screenshot(page, "review-session-ended-login")
    log_in(page, live_server, "jroe", PASSWORD)
    page.goto(f"{live_server.url}/review/{CASE}/")
    assert "item 1 was not saved: your session had ended" in page.inner_text("#item-0")
    assert page.input_value("#id_item-0-rationale") == PT_RATIONALE
    assert Case.objects.get(case_number=CASE).items.get(position=0).rationale is None
    page.click("#item-0 button[value=item]")
    page.wait_for_selector("text=Item 1 was saved.")
    assert Case.objects.get(case_number=CASE).items.get(position=0).rationale == PT_RATIONALE
    context.close()
