"""After a wrong code django-otp checks no code for a growing pause (1, 2, 4 ... seconds).
A right code typed during that pause is not checked, so the page must say to wait, not
that the code "did not match" (which sends a person to doubt their phone's clock); once the
pause is over the same kind of code is accepted. The paused attempt is audited too."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group, User
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from openimr.accounts.tests.helpers import totp_code, totp_device
from openimr.audit.models import AuditEvent

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password"


def _clerk():
    user = User.objects.create_user("clerk", password=PASSWORD)
    user.groups.add(Group.objects.get_or_create(name="intake")[0])
    return user


@pytest.fixture
def clock():
    """Time stands still between requests, so a slow machine cannot outlast the pause."""
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        yield traveller


def _end_pause(device):
    device.refresh_from_db()
    device.throttling_failure_timestamp = timezone.now() - timedelta(hours=1)
    device.save(update_fields=["throttling_failure_timestamp"])


def test_a_right_code_during_the_pause_is_asked_to_wait_then_accepted(client, clock):
    device = totp_device(_clerk())
    client.post("/login/", {"username": "clerk", "password": PASSWORD})
    assert client.post("/accounts/two-factor/", {"code": "000000"}).status_code == 422

    paused = client.post("/accounts/two-factor/", {"code": totp_code(device)})

    body = paused.content.decode()
    assert paused.status_code == 429
    assert "did not match" not in body
    assert "wait 1 second" in body
    assert client.get("/cases/").status_code == 302
    refused = AuditEvent.objects.filter(action="two_factor.refused", object_id="clerk")
    assert [event.detail.get("paused_seconds") for event in refused.order_by("id")] == [None, 1]

    clock.shift(timedelta(seconds=1))
    accepted = client.post("/accounts/two-factor/", {"code": totp_code(device)})
    assert accepted.status_code == 302
    assert client.get("/cases/").status_code == 200


def test_the_pause_grows_and_its_length_is_said(client, clock):
    device = totp_device(_clerk())
    client.post("/login/", {"username": "clerk", "password": PASSWORD})
    for _ in range(3):
        client.post("/accounts/two-factor/", {"code": "000000"})
        _end_pause(device)
    client.post("/accounts/two-factor/", {"code": "000000"})  # the fourth failure: 8 s

    paused = client.post("/accounts/two-factor/", {"code": totp_code(device)})

    assert paused.status_code == 429
    assert "wait 8 seconds" in paused.content.decode()


def test_enrolling_asks_to_wait_during_the_pause_too(client, clock):
    _clerk()
    client.post("/login/", {"username": "clerk", "password": PASSWORD})
    client.get("/accounts/two-factor/enrol/")
    device = TOTPDevice.objects.get(user__username="clerk", confirmed=False)
    assert client.post("/accounts/two-factor/enrol/", {"code": "000000"}).status_code == 422

    paused = client.post("/accounts/two-factor/enrol/", {"code": totp_code(device)})

    assert paused.status_code == 429
    assert "did not match" not in paused.content.decode()
    assert "wait 1 second" in paused.content.decode()
    clock.shift(timedelta(seconds=1))
    accepted = client.post("/accounts/two-factor/enrol/", {"code": totp_code(device)})
    assert accepted.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
