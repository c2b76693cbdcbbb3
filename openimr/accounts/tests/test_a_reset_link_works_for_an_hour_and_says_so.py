"""A password-reset link works for an hour (Django's default was three days), and the
e-mail and the "Check your email" page say how long: a link read later from a mailbox
broken into, or from a forwarded message, must not open the account. HIPAA 45 CFR
164.308(a)(5)(ii)(D) (password management); NIST SP 800-63B 6.1.2.1."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client, override_settings
from django.utils import timezone

from openimr.core.words import duration_words

pytestmark = pytest.mark.django_db
LINK = re.compile(r"http://testserver(/accounts/password-reset/[^/\s]+/[^/\s]+/)")


@pytest.fixture
def worker():
    return User.objects.create_user("pat", email="pat@example.org", password="old-long-pw-1")


def _ask(client):
    return client.post("/accounts/password-reset/", {"email": "pat@example.org"}, follow=True)


def _opens_the_form(link):
    return 'name="new_password1"' in Client().get(link, follow=True).content.decode()


def test_the_setting_is_an_hour():
    assert settings.PASSWORD_RESET_TIMEOUT == 3600


def test_the_link_works_within_the_hour_and_not_after_it(worker):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        page = _ask(Client())
    link = LINK.search(mail.outbox[0].body).group(1)
    assert "for 1 hour from now" in page.content.decode()
    assert "it works once, for 1 hour from when it was sent" in mail.outbox[0].body
    with time_machine.travel(start + timedelta(minutes=59), tick=False):
        assert _opens_the_form(link)
    with time_machine.travel(start + timedelta(minutes=61), tick=False):
        assert not _opens_the_form(link)


@override_settings(PASSWORD_RESET_TIMEOUT=90 * 60)
def test_the_page_and_mail_follow_the_setting(worker):
    page = _ask(Client())
    assert "for 90 minutes from now" in page.content.decode()
    assert "for 90 minutes from when it was sent" in mail.outbox[0].body


@pytest.mark.parametrize(
    ("seconds", "said"),
    [
        (3600, "1 hour"),
        (7200, "2 hours"),
        (5400, "90 minutes"),
        (60, "1 minute"),
        (86_400, "1 day"),
        (259_200, "3 days"),
        (90, "90 seconds"),
    ],
)
def test_the_lifetime_is_said_in_the_largest_whole_unit(seconds, said):
    assert duration_words(seconds) == said
