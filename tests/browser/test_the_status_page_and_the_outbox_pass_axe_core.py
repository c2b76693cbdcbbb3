"""The pages added last: a party's status page (/status/) and each of its answers (the case
found, no case matching, the fields refused, too many wrong tries), and the staff outbox
holding a message and that message, pass axe-core's WCAG 2.1 A and AA rules and best
practices (tests/browser/axe.py) on a wide screen and at 320 CSS pixels. A refused form
puts the keyboard at its first field at fault, as every other form does."""

from datetime import UTC, datetime

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client

from openimr.api.models import RateCount
from openimr.cases import status_views
from openimr.cases.status_views import TRIES_PER_MINUTE
from openimr.cases.tests.conftest import filed
from openimr.review.tests.conftest import person
from tests.a11y_pages import CLAIM, INJURY, an_outbox_message
from tests.browser.axe import violations
from tests.browser.conftest import click_and_load, focus_settled
from tests.browser.test_forms_sent_back_with_problems_pass_axe_core import NO_BROWSER_CHECKS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
WIDTHS = (1280, 320)
FOCUSED = "() => document.activeElement.id"


def _ask(page, number: str, claim: str, injury: str) -> None:
    page.fill("#id_case_number", number)
    page.fill("#id_claim_number", claim)
    page.fill("#id_date_of_injury", injury)
    page.evaluate(NO_BROWSER_CHECKS)
    click_and_load(page, "main form button[type=submit]")


def _status_answers(page, url: str, number: str, width: int, broken: dict) -> None:
    def check(what: str) -> None:
        if found := violations(page):
            broken[f"/status/ {what} at {width}px"] = found

    page.goto(url)
    check("asked")
    _ask(page, number, CLAIM, INJURY)
    assert page.is_visible("#status"), "the case was not found"
    check("answering the case")
    _ask(page, number, "NOT-THE-CLAIM", INJURY)
    assert page.is_visible("#not-found")
    check("answering no case")
    _ask(page, "", CLAIM, "06/14/2023")
    focus_settled(page)
    assert page.evaluate(FOCUSED) == "id_case_number"
    assert page.get_attribute("#id_date_of_injury", "aria-invalid") == "true"
    check("refusing its fields")
    for _ in range(TRIES_PER_MINUTE):
        _ask(page, number, "NOT-THE-CLAIM", INJURY)
    assert page.is_visible("#wait")
    check("holding the address")
    # The next width asks afresh: the wrong tries are counted in the database (one count for
    # every server process), which clearing the cache no longer resets.
    RateCount.objects.all().delete()


def test_the_status_page_and_its_answers_break_no_axe_core_rule(
    browser, live_server, application_doc, monkeypatch
):
    # The wrong tries are counted a minute at a time. On a loaded machine the eleven asks can
    # take longer than is left of the minute, and the count would start again before the
    # page holds the address: the page's clock is held a few seconds into one minute.
    one_minute = datetime(2024, 3, 20, 17, 0, 5, tzinfo=UTC)
    monkeypatch.setattr(status_views, "now", lambda: one_minute)
    number = filed(application_doc).case_number
    cache.clear()
    broken: dict = {}
    for width in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 900})
        _status_answers(context.new_page(), f"{live_server.url}/status/", number, width, broken)
        context.close()
    assert broken == {}


def test_the_outbox_and_a_message_in_it_break_no_axe_core_rule(browser, live_server):
    staff = Client()
    staff.force_login(person("clerk", "intake", is_staff=True))
    session = staff.cookies[settings.SESSION_COOKIE_NAME].value
    broken: dict = {}
    with an_outbox_message() as name:
        for width in WIDTHS:
            context = browser.new_context(viewport={"width": width, "height": 900})
            context.add_cookies(
                [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
            )
            page = context.new_page()
            for url in ("/review/outbox/", f"/review/outbox/{name}/"):
                response = page.goto(live_server.url + url)
                assert response is not None and response.status == 200, url
                if found := violations(page):
                    broken[f"{url} at {width}px"] = found
            context.close()
    assert broken == {}
