"""The sanctioned ways for tests to get past the second factor, with real TOTP devices and
codes: nothing here turns two-factor checking off.

``verified_login`` is what ``client.force_login`` does in this suite (the root conftest):
like force_login skipping the password, it skips typing a code, recording in the session
the confirmed device django_otp.login would. ``form_login`` goes the way a person does:
the login form, then the code computed from the device's key."""

import time
from typing import Any

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP, hotp
from django_otp.plugins.otp_totp.models import TOTPDevice

from openimr.accounts.selectors import needs_second_factor


def totp_device(user: Any) -> TOTPDevice:
    """The user's confirmed authenticator, made on first use."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="test phone", confirmed=True)


# A code of a step already past is good only until the current step ends: one handed out
# in its last seconds could expire before a busy browser test submits it.
_MARGIN_SECONDS = 10


def totp_code(device: TOTPDevice) -> str:
    """A code the device accepts now: the earliest step within the tolerance not used yet
    (django-otp takes no code twice). A step already past is good only until the current
    one ends, so in the current step's last seconds the current step is taken instead."""
    device.refresh_from_db()
    now_t = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).t()
    step = max(now_t - device.tolerance, device.last_t + 1)
    left = device.step - (time.time() - device.t0) % device.step
    if step < now_t and left < _MARGIN_SECONDS:
        step = now_t
    if step > now_t + device.tolerance:
        raise AssertionError("this device's codes for now are used up; wait for the next step")
    return str(hotp(device.bin_key, step, digits=device.digits)).zfill(device.digits)


def verified_login(client: Client, user: Any) -> None:
    """Mark the client's (already logged-in) session as having passed the second factor."""
    if not needs_second_factor(user):
        return
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = totp_device(user).persistent_id
    session.save()


def form_login(client: Client, username: str, password: str, **extra: Any) -> Any:
    """Log in through the pages: password, then a code on the verify page (enrolling a
    device first, from the secret the page shows, when the user has none). Follows the
    redirects and answers the last response."""
    response = client.post(
        "/login/", {"username": username, "password": password}, follow=True, **extra
    )
    path = response.redirect_chain[-1][0] if response.redirect_chain else ""
    if "/accounts/two-factor/" not in path:
        return response
    user = response.wsgi_request.user
    if "/enrol/" in path:
        device = TOTPDevice.objects.get(user=user, confirmed=False)
    else:
        device = totp_device(user)
    return client.post(path, {"code": totp_code(device)}, follow=True)
