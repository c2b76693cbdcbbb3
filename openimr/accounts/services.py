"""The second factor: enrolling a TOTP authenticator and proving a code from it.

django-otp holds the devices and checks the codes (RFC 6238, one step of clock drift either
way, a code never accepted twice, growing delays after wrong codes). What is added here is
the audit trail: each enrolment and each refused code is recorded with who and when."""

import logging
from base64 import b32encode
from dataclasses import dataclass
from typing import Any

import qrcode
import qrcode.image.svg
from django.db import transaction
from django_otp import devices_for_user, match_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from openimr.audit.services import audit_record

log = logging.getLogger("openimr.security")

DEVICE_NAME = "authenticator"


@dataclass(frozen=True)
class Enrolment:
    """What a person copies into an authenticator app: the secret, as a base32 text and as
    an otpauth:// URI, and the URI drawn as a QR code (SVG)."""

    device: TOTPDevice
    secret_base32: str
    uri: str
    qr_svg: str


def user_has_authenticator(user: Any) -> bool:
    return any(True for _ in devices_for_user(user, confirmed=True))


def totp_enrolment_start(*, user: Any) -> Enrolment:
    """The user's unconfirmed device, made on first call: reloading the page shows the same
    secret, so a code from an app set up a moment ago still works."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    uri = device.config_url
    image = qrcode.make(uri, image_factory=qrcode.image.svg.SvgPathImage)
    return Enrolment(
        device=device,
        secret_base32=b32encode(device.bin_key).decode("ascii"),
        uri=uri,
        qr_svg=image.to_string(encoding="unicode"),
    )


def totp_enrolment_confirm(*, user: Any, device: TOTPDevice, code: str) -> bool:
    """Confirm the device when ``code`` comes from it; an audit row either way."""
    if device.user_id != user.pk or device.confirmed:
        return False
    with transaction.atomic():
        accepted = device.verify_token(code)
        if accepted:
            device.confirmed = True
            device.save(update_fields=["confirmed"])
        _audit(user, "two_factor.enrolled" if accepted else "two_factor.refused", "enrol")
    return bool(accepted)


def totp_verify(*, user: Any, code: str) -> TOTPDevice | None:
    """The confirmed device that produced ``code``, or None (logged and audited)."""
    with transaction.atomic():
        device = match_token(user, code)
        _audit(user, "two_factor.verified" if device else "two_factor.refused", "verify")
    return device


def _audit(user: Any, action: str, step: str) -> None:
    if action == "two_factor.refused":
        log.warning("second factor refused for %s at %s", user.get_username(), step)
    audit_record(
        actor=user,
        action=action,
        object_type="user",
        object_id=user.get_username(),
        detail={"step": step},
    )
