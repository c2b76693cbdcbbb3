"""A code is checked against the logging-in account's own authenticator only: a code from a
colleague's phone (or an attacker's own enrolled account) is refused 422 at both the code
and the enrolment step, audited, and opens nothing. HIPAA 45 CFR 164.312(d)."""

import pytest
from django.test import Client

from conftest import intake_clerk
from openimr.accounts.tests.helpers import totp_code, totp_device
from openimr.audit.models import AuditEvent

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password"  # intake_clerk's


def _password_only(username):
    client = Client()
    client.post("/login/", {"username": username, "password": PASSWORD})
    return client


@pytest.mark.parametrize("step", ["/accounts/two-factor/", "/accounts/two-factor/enrol/"])
def test_another_accounts_code_is_refused(step):
    victim = intake_clerk("victim")
    if step.endswith("/two-factor/"):
        totp_device(victim)
    colleague_code = totp_code(totp_device(intake_clerk("colleague")))
    client = _password_only("victim")
    client.get(step)  # the enrolment page makes the victim's own device
    response = client.post(step, {"code": colleague_code})
    assert response.status_code == 422
    assert "did not match" in response.content.decode()
    assert client.get("/cases/").status_code == 302
    assert AuditEvent.objects.filter(action="two_factor.refused", object_id="victim").exists()
