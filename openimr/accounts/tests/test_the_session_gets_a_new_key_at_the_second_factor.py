"""Passing the second factor gives the session a new key, as the password step does: a key
seen or planted while the session was half logged in (it reached only the code page) opens
no medical record once the code is given. HIPAA 45 CFR 164.312(d); NIST SP 800-63B 7.1."""

import pytest
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import intake_clerk
from openimr.accounts.tests.helpers import totp_code, totp_device

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password"  # intake_clerk's


def _half_logged_in(client):
    client.post("/login/", {"username": "clerk", "password": PASSWORD})
    return client.cookies["sessionid"].value


def _copy_with_key(key):
    other = Client()
    other.cookies["sessionid"] = key
    return other


def test_a_key_from_before_the_code_opens_nothing_after_it(client):
    device = totp_device(intake_clerk())
    before = _half_logged_in(client)
    done = client.post("/accounts/two-factor/", {"code": totp_code(device)})
    assert done.status_code == 302
    assert client.cookies["sessionid"].value != before
    assert client.get("/cases/").status_code == 200
    stale = _copy_with_key(before).get("/cases/")
    assert stale.status_code == 302 and stale["Location"].startswith("/login/")


def test_a_key_from_before_enrolment_opens_nothing_after_it(client):
    intake_clerk()
    before = _half_logged_in(client)
    client.get("/accounts/two-factor/enrol/")
    device = TOTPDevice.objects.get(user__username="clerk", confirmed=False)
    done = client.post("/accounts/two-factor/enrol/", {"code": totp_code(device)})
    assert done.status_code == 302
    assert client.cookies["sessionid"].value != before
    assert client.get("/cases/").status_code == 200
    assert _copy_with_key(before).get("/cases/").status_code == 302
