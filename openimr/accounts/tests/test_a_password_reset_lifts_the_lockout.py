"""The lockout page sends a person who has forgotten their password to the reset link. Once
the emailed link has set a new password, the failures counted against the old one no longer
guard anything, so the new password logs in at once instead of being refused until the
cool-off ends. The reset is audited."""

import re

import pytest
from django.contrib.auth.models import User
from django.core import mail

from openimr.audit.models import AuditEvent

pytestmark = pytest.mark.django_db
LINK = re.compile(r"http://testserver(/accounts/password-reset/[^/\s]+/[^/\s]+/)")
IP = "10.0.0.7"
NEW = "a-brand-new-long-password"


def _login(client, password):
    return client.post("/login/", {"username": "pat", "password": password}, REMOTE_ADDR=IP)


def _reset(client):
    client.post("/accounts/password-reset/", {"email": "pat@example.org"}, REMOTE_ADDR=IP)
    link = LINK.search(mail.outbox[-1].body).group(1)
    form = client.get(link, follow=True, REMOTE_ADDR=IP)
    return client.post(
        form.redirect_chain[-1][0],
        {"new_password1": NEW, "new_password2": NEW},
        follow=True,
        REMOTE_ADDR=IP,
    )


def test_the_new_password_logs_in_although_the_old_one_was_locked_out(client, settings):
    User.objects.create_user("pat", email="pat@example.org", password="the-old-long-password")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        locked = _login(client, "a-wrong-guess")
    assert locked.status_code == 429
    assert "Forgot your password?" in locked.content.decode()

    done = _reset(client)

    assert done.redirect_chain[-1][0] == "/accounts/password-reset/complete/"
    answer = _login(client.__class__(), NEW)
    assert answer.status_code == 302
    assert AuditEvent.objects.filter(action="password.reset", object_id="pat").exists()


def test_the_old_password_stays_refused_after_the_reset(client, settings):
    User.objects.create_user("pat", email="pat@example.org", password="the-old-long-password")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "a-wrong-guess")
    _reset(client)

    assert _login(client.__class__(), "the-old-long-password").status_code == 200
