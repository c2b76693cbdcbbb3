"""Every page of logging in, as a person meets it on a phone or at 400% zoom (320 CSS
pixels), passes axe-core's WCAG 2.1 A and AA rules and best practices (tests/browser/axe.py)
and fits the width without scrolling sideways (WCAG 1.4.10): the login page blank, after a
wrong password, with a username too long and after the session ended; the lockout; the
second factor's enrolment (its QR code, key and setup address) and code pages, each with a
wrong code and during the pause after one, and locked after 100 wrong codes; "Your
sessions" with another session and after signing out everywhere else; the password reset's
request, sent, link, mismatch, done and unavailable pages."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import User
from django.contrib.auth.tokens import default_token_generator
from django.test import Client
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from openimr.accounts.models import SecondFactorLock
from openimr.accounts.tests.helpers import totp_code, totp_device
from openimr.review.tests.conftest import PASSWORD, person
from tests.browser.axe import violations
from tests.browser.conftest import click_and_load

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
WIDTH = 320


class Pages:
    """A phone-sized browser page, and what each account page it was shown broke."""

    def __init__(self, browser, live_server) -> None:
        self.url = live_server.url
        context = browser.new_context(viewport={"width": WIDTH, "height": 640})
        self.page = context.new_page()
        self.broken: dict[str, list[str]] = {}
        self.seen: list[str] = []

    def check(self, where: str, says: str = "") -> None:
        self.page.wait_for_load_state()
        if not where:
            return
        assert says in self.page.inner_text("main"), f"{where}: no {says!r}"
        self.seen.append(where)
        found = violations(self.page)
        wide = int(self.page.evaluate("document.documentElement.scrollWidth")) - WIDTH
        if wide > 0:
            found.append(f"reaches {wide} px past the window's right edge")
        if found:
            self.broken[where] = found

    def go(self, path: str, where: str, says: str = "") -> None:
        self.page.goto(self.url + path)
        self.check(where, says)

    def send(self, fields: dict[str, str], button: str, where: str, says: str = "") -> None:
        for selector, value in fields.items():  # as typed or pasted, past any maxlength
            self.page.eval_on_selector(selector, "(e, v) => { e.value = v; }", value)
        # The server's answer is what is checked, not the browser's own refusal.
        self.page.evaluate(
            "() => document.querySelectorAll('form').forEach(f => f.noValidate = true)"
        )
        click_and_load(self.page, button)
        self.check(where, says)

    def log_in(self, username: str, password: str = PASSWORD) -> None:
        self.page.goto(self.url + "/login/")
        self.send({"#id_username": username, "#id_password": password}, "main button", "")


def _logging_in(pages: Pages) -> None:
    pages.go("/login/", "login")
    pages.log_in("newcomer", "not the password")
    pages.check("login with a wrong password", "did not match")
    pages.log_in("x" * 300)
    pages.check("login with a username too long", "at most 150 characters")
    pages.log_in("newcomer")
    pages.check("second factor enrolment", "Set up two-step verification")
    pages.send({"#id_code": "000000"}, "main button", "enrolment with a wrong code", "match")
    pages.send({"#id_code": "000000"}, "main button", "enrolment paused", "Too many wrong codes")


def _second_factor(pages: Pages, browser, live_server) -> None:
    totp_device(person("clerk", "intake"))
    pages.log_in("clerk")
    pages.check("second factor", "Two-step verification")
    pages.send({"#id_code": "000000"}, "main button", "second factor with a wrong code", "match")
    pages.send({"#id_code": "000000"}, "main button", "code paused", "Too many wrong codes")


def _your_sessions(pages: Pages) -> None:
    device = totp_device(person("roamer", "intake"))
    Client().force_login(device.user)  # signed in elsewhere too
    pages.log_in("roamer")
    pages.send({"#id_code": totp_code(device)}, "main button", "")
    pages.go("/accounts/sessions/", "your sessions", "(this session)")
    click_and_load(pages.page, "text=Sign out everywhere else")
    pages.check("your sessions after signing out elsewhere", "1 other session ended")


def _second_factor_locked(pages: Pages) -> None:
    clerk = User.objects.get(username="clerk")  # made with an authenticator by _second_factor
    locked = {"wrong_codes": 100, "locked_at": timezone.now()}
    SecondFactorLock.objects.update_or_create(user=clerk, defaults=locked)
    pages.log_in("clerk")
    pages.check("second factor locked", "Contact your IMR organization")
    SecondFactorLock.objects.filter(user=clerk).delete()


def _session_ended(pages: Pages, settings) -> None:
    later = timezone.now() + timedelta(seconds=settings.OPENIMR_SESSION_IDLE_SECONDS + 120)
    with time_machine.travel(later):
        pages.go("/cases/", "login after the session ended", "without activity")


def _locked_out(pages: Pages, settings) -> None:
    for _ in range(settings.AXES_FAILURE_LIMIT):
        pages.log_in("clerk", "wrong")
    pages.check("locked out", "Too many failed logins")


def _password_reset(pages: Pages, settings) -> None:
    pages.go("/accounts/password-reset/", "password reset")
    pages.send({"#id_email": "not an address"}, "main button", "reset with a bad address")
    pages.send({"#id_email": "somebody@example.org"}, "main button", "reset sent", "Check")
    user = person("forgetful", "intake")
    user.refresh_from_db()
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    pages.go(f"/accounts/password-reset/{uid}/{default_token_generator.make_token(user)}/", "")
    pages.check("the reset link's form", "Set a new password")
    mismatch = {"#id_new_password1": "a-long-new-passphrase", "#id_new_password2": "another"}
    pages.send(mismatch, "main button", "the reset link with passwords that differ")
    same = {
        "#id_new_password1": "a-long-new-passphrase",
        "#id_new_password2": "a-long-new-passphrase",
    }
    pages.send(same, "main button", "the reset done", "Your new password is set")
    settings.EMAIL_BACKEND = "openimr.core.mail.NoServerBackend"
    pages.go("/accounts/password-reset/", "reset unavailable", "not available")


def test_every_account_page_passes_axe_core_and_fits_320_css_pixels(browser, live_server, settings):
    person("newcomer", "intake")  # no authenticator yet: enrols one
    pages = Pages(browser, live_server)
    _logging_in(pages)
    _session_ended(pages, settings)
    pages.page.context.clear_cookies()
    _second_factor(pages, browser, live_server)
    pages.page.context.clear_cookies()
    _your_sessions(pages)
    pages.page.context.clear_cookies()
    _second_factor_locked(pages)
    pages.page.context.clear_cookies()
    _locked_out(pages, settings)
    pages.page.context.clear_cookies()
    _password_reset(pages, settings)
    assert len(pages.seen) == 21, pages.seen
    assert pages.broken == {}
