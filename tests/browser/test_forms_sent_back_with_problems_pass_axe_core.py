"""The staff and reviewer forms as a person meets them in the browser, before and after a
refusal, pass axe-core's WCAG 2.1 A and AA rules and best practices (tests/browser/axe.py):
the login page and the second factor (and its enrolment), each with a wrong entry; the
application sent back with its problems; the record upload refused; the reviewer's
workspace refusing an item, the summary and a submit; QA's return without comments."""

import pytest

from openimr.accounts.tests.helpers import totp_device
from openimr.review.tests.conftest import PASSWORD, person
from tests.authz_world import IN_QA, REVIEW_A, build_world
from tests.browser.axe import violations
from tests.browser.conftest import click_and_load, focus_settled, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
# Sent as the browser would with its own checks off: the server's answer is what is checked.
NO_BROWSER_CHECKS = "() => document.querySelectorAll('form').forEach(f => f.noValidate = true)"
# The keyboard is at the first field at fault when the page comes back.
FOCUS_IS_AT_FAULT = (
    """() => [document.activeElement.id, document.querySelector('[aria-invalid=true]').id]"""
)


def _at_fault(page) -> None:
    focus_settled(page)
    focused, first_invalid = page.evaluate(FOCUS_IS_AT_FAULT)
    assert focused == first_invalid, f"{page.url}: the focus is on {focused!r}"


def _check(page, where: str, broken: dict) -> None:
    page.wait_for_load_state()
    found = violations(page)
    if found:
        broken[where] = found


def _signing_in(browser, live_server, broken: dict) -> None:
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(f"{live_server.url}/login/")
    _check(page, "login", broken)
    page.fill("#id_username", "clerk")
    page.fill("#id_password", "not the password")
    click_and_load(page, "button[type=submit]")
    assert page.get_attribute("#id_password", "aria-invalid") == "true"
    _check(page, "login with a wrong password", broken)
    page.fill("#id_username", "clerk")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_selector("#id_code")
    _check(page, "second factor", broken)
    page.fill("#id_code", "000000")
    click_and_load(page, "button:has-text('Verify')")
    _check(page, "second factor with a wrong code", broken)
    page.context.close()
    person("newcomer", "intake")  # no authenticator yet: enrols one
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", "newcomer")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_selector("#id_code")
    _check(page, "second factor enrolment", broken)
    page.context.close()


def _as(browser, live_server, username: str):
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    log_in(page, live_server, username, PASSWORD)
    return page


def test_forms_before_and_after_a_refusal_break_no_axe_core_rule(browser, live_server):
    world = build_world()
    totp_device(world.users["intake"])
    broken: dict = {}
    _signing_in(browser, live_server, broken)

    page = _as(browser, live_server, "clerk")
    page.goto(f"{live_server.url}/cases/new/")
    page.evaluate(NO_BROWSER_CHECKS)
    click_and_load(page, "main form button[type=submit] >> nth=-1")
    _at_fault(page)
    _check(page, "the application sent back", broken)
    page.goto(f"{live_server.url}/records/{REVIEW_A}/")
    page.evaluate(NO_BROWSER_CHECKS)
    click_and_load(page, "form[action$='upload/'] button")
    _at_fault(page)
    _check(page, "the record upload refused", broken)
    page.context.close()

    page = _as(browser, live_server, "jroe")
    page.goto(f"{live_server.url}/review/{REVIEW_A}/")
    page.select_option("#id_item-0-decision", "upheld")
    page.fill("#id_item-0-free_citation", "ODG Low Back")
    page.fill("#id_item-0-rationale", "Upheld. [[99 p1]]")
    click_and_load(page, "#item-0 button[value=item]")
    _at_fault(page)
    assert page.get_attribute("#id_item-0-why_not_mtus", "aria-invalid") == "true"
    _check(page, "an item refused", broken)
    click_and_load(page, "#submit button")
    assert "not ready for QA" in page.inner_text("[role=alert]")
    _check(page, "a submit refused", broken)
    page.context.close()

    page = _as(browser, live_server, "qa-doc")
    page.goto(f"{live_server.url}/review/qa/{IN_QA}/")
    click_and_load(page, "button[value=return]")
    _at_fault(page)
    assert page.get_attribute("#id_comments", "aria-invalid") == "true"
    _check(page, "QA's return without comments", broken)
    page.context.close()
    assert broken == {}
