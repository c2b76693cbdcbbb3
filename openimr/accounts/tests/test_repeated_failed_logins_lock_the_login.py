"""After repeated wrong passwords the login is locked for that username from that address
(django-axes): refused with 429 even with the right password, logged and audited; another
address is not locked, and the lock ends after the cool-off."""

import logging
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import User
from django.utils import timezone

from openimr.audit.models import AuditEvent

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password"


@pytest.fixture
def clerk():
    return User.objects.create_user("clerk", password=PASSWORD)


def _login(client, password, ip="10.0.0.7"):
    return client.post("/login/", {"username": "clerk", "password": password}, REMOTE_ADDR=ip)


def _fail_to_the_limit(client, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = _login(client, "wrong-password")
    return response


def test_the_login_is_locked_after_the_failure_limit_and_the_lock_logged(
    client, clerk, settings, caplog
):
    assert _login(client, "wrong-password").status_code == 200  # the form again, no lock
    with caplog.at_level(logging.WARNING, logger="openimr.security"):
        locked = _fail_to_the_limit(client, settings)
    assert locked.status_code == 429
    assert "Too many failed logins" in locked.content.decode()
    assert any("locked out" in r.getMessage() and "clerk" in r.getMessage() for r in caplog.records)
    event = AuditEvent.objects.filter(action="login.locked_out").last()
    assert event.object_id == "clerk" and event.detail["ip_address"] == "10.0.0.7"


def test_while_locked_even_the_right_password_is_refused(client, clerk, settings):
    _fail_to_the_limit(client, settings)
    response = _login(client, PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_another_address_is_not_locked(client, clerk, settings):
    _fail_to_the_limit(client, settings)
    assert _login(client, PASSWORD, ip="10.0.0.8").status_code == 302


def test_the_lock_ends_after_the_cool_off(client, clerk, settings):
    _fail_to_the_limit(client, settings)
    later = settings.AXES_COOLOFF_TIME + timedelta(minutes=1)
    with time_machine.travel(timezone.now() + later):
        assert _login(client, PASSWORD).status_code == 302
