"""The pause after wrong second-factor codes doubles (1, 2, 4 ... seconds) but stops at
256 seconds, the last doubling within five minutes: django-otp's own pause has no cap, so
someone holding only the password could shut the owner out of the code step for hours
with a dozen wrong codes. HIPAA 45 CFR 164.308(a)(5)(ii)(D), 164.312(d); NIST SP 800-63B
5.2.2 (rate limiting must not deny the subscriber)."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group, User
from django.test import override_settings
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from openimr.accounts.domain.code_pause import NO_CAP, wrong_codes_counted
from openimr.accounts.tests.helpers import totp_code, totp_device

PASSWORD = "a-long-test-password"


@pytest.fixture
def clock():
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        yield traveller


def _wrong_codes(client, device, how_many):
    """``how_many`` wrong codes, each after the pause the one before it set has passed."""
    for _ in range(how_many):
        assert client.post("/accounts/two-factor/", {"code": "000000"}).status_code == 422
        device.refresh_from_db()
        device.throttling_failure_timestamp = timezone.now() - timedelta(hours=10)
        device.save(update_fields=["throttling_failure_timestamp"])
    client.post("/accounts/two-factor/", {"code": "000000"})


@pytest.mark.django_db
def test_after_a_dozen_wrong_codes_the_owner_waits_at_most_256_seconds(client, clock):
    user = User.objects.create_user("clerk", password=PASSWORD)
    user.groups.add(Group.objects.get_or_create(name="intake")[0])
    device = totp_device(user)
    client.post("/login/", {"username": "clerk", "password": PASSWORD})
    _wrong_codes(client, device, 14)  # django-otp alone would pause 2**14 s: 4.5 hours

    paused = client.post("/accounts/two-factor/", {"code": totp_code(device)})

    assert paused.status_code == 429
    assert "wait 256 seconds" in paused.content.decode()
    clock.shift(timedelta(seconds=256))
    assert client.post("/accounts/two-factor/", {"code": totp_code(device)}).status_code == 302
    assert client.get("/cases/").status_code == 200
    assert TOTPDevice.objects.get(pk=device.pk).throttling_failure_count == 0


@pytest.mark.parametrize(
    ("factor", "most", "counted"),
    [
        (1, 300, 9),  # 256 s; a tenth would be 512
        (1, 256, 9),
        (1, 255, 8),
        (2, 300, 8),  # 2 * 128 = 256 s
        (1, 1, 1),
        (0, 300, NO_CAP),  # throttling off: nothing to cut
    ],
)
def test_the_count_kept_is_the_last_doubling_within_the_cap(factor, most, counted):
    assert wrong_codes_counted(factor, most) == counted


@pytest.mark.django_db
@override_settings(OTP_TOTP_THROTTLE_FACTOR=2)
def test_a_larger_throttle_factor_is_capped_at_five_minutes_too(client, clock):
    user = User.objects.create_user("clerk", password=PASSWORD)
    user.groups.add(Group.objects.get_or_create(name="intake")[0])
    device = totp_device(user)
    client.post("/login/", {"username": "clerk", "password": PASSWORD})
    _wrong_codes(client, device, 12)

    paused = client.post("/accounts/two-factor/", {"code": totp_code(device)})

    assert "wait 256 seconds" in paused.content.decode()
