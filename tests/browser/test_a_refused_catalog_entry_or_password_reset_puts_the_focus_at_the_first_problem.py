"""The guideline catalog's "Add an entry" form and the password-reset forms, sent back with
problems, put the keyboard at the first field at fault, as the other forms do
(core/form_focus.py; WCAG 2.1 SC 2.4.3, 3.3.1): the page used to come back with the focus
at its top, and a keyboard or screen-reader user had to find the field again."""

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from openimr.review.tests.conftest import PASSWORD, person
from tests.browser.conftest import click_and_load, focus_settled, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
# Sent as the browser would with its own checks off: the server's answer is what is checked.
NO_BROWSER_CHECKS = "() => document.querySelectorAll('form').forEach(f => f.noValidate = true)"
FOCUSED = "() => [document.activeElement.id, document.activeElement.getAttribute('aria-invalid')]"


def _focused(page) -> list:
    focus_settled(page)
    return page.evaluate(FOCUSED)


def test_a_refused_catalog_entry_puts_the_focus_on_its_first_field_at_fault(
    browser, live_server, page
):
    person("clerk", "intake", is_staff=True)
    log_in(page, live_server, "clerk", PASSWORD)
    page.goto(f"{live_server.url}/guidelines/")
    page.fill("#id_id", "mtus-new-chapter")
    page.select_option("#id_family", "mtus")
    page.fill("#id_title", "   ")  # blank once trimmed; the section an MTUS entry needs is missing
    click_and_load(page, "main form button[type=submit]")
    assert page.inner_text("#problems").count("\n") == 1  # two problems: title and section
    assert _focused(page) == ["id_title", "true"]
    assert page.get_attribute("#id_section", "aria-invalid") == "true"


def test_a_refused_reset_request_puts_the_focus_on_the_address(live_server, page):
    page.goto(f"{live_server.url}/accounts/password-reset/")
    page.evaluate(NO_BROWSER_CHECKS)
    page.fill("#id_email", "not an address")
    click_and_load(page, "main form button[type=submit]")
    assert "valid email address" in page.inner_text("[role=alert]")
    assert _focused(page) == ["id_email", "true"]


def test_a_refused_new_password_puts_the_focus_on_the_box_at_fault(live_server, page):
    user = person("pat", "intake", email="pat@example.org")
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    page.goto(f"{live_server.url}/accounts/password-reset/{uid}/{token}/")
    page.wait_for_selector("#id_new_password1")  # the link was exchanged for the form
    page.fill("#id_new_password1", "a-long-new-password-1")
    page.fill("#id_new_password2", "a-long-new-password-2")
    click_and_load(page, "main form button[type=submit]")
    assert "didn’t match" in page.inner_text("[role=alert]")
    assert _focused(page) == ["id_new_password2", "true"]
