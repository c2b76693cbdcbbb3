"""Whoever has the admin site must not be able to clone a user's authenticator: no page of
it (the device list, its change and delete pages, its history, the plugin's own key and
QR code pages) shows a TOTP device's key, as hex, as base32 or inside a QR code, and no
device can be added with a key of the admin's choosing. The admin still finds a user's
device and deletes it when the phone is lost."""

import re
from base64 import b32encode

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import User
from django_otp.models import Device
from django_otp.plugins.otp_totp.models import TOTPDevice

from openimr.accounts.admin import SecondFactorDeviceAdmin

pytestmark = pytest.mark.django_db
DEVICES = "/admin/otp_totp/totpdevice"


@pytest.fixture
def device():
    clerk = User.objects.create_user("clerk", password="a-long-test-password")
    return TOTPDevice.objects.create(user=clerk, name="clerk's phone", confirmed=True)


def _secrets(device: TOTPDevice) -> list[str]:
    base32 = b32encode(device.bin_key).decode()
    return [device.key, device.key.upper(), base32, base32.rstrip("="), "otpauth://"]


def _assert_shows_no_secret(response, device: TOTPDevice) -> None:
    body = response.content.decode()
    for secret in _secrets(device):
        assert secret not in body, f"{response.request['PATH_INFO']} shows {secret[:8]}..."
    # The QR code encodes the otpauth URI: neither the image nor a link to it.
    assert not response["Content-Type"].startswith("image/")
    assert not re.search(r'href="[^"]*/(qrcode|config)/"', body) and "QR Code" not in body


@pytest.mark.parametrize(
    "page",
    ["/", "/{pk}/change/", "/{pk}/delete/", "/{pk}/history/", "/{pk}/config/", "/{pk}/qrcode/"],
)
def test_no_page_of_a_device_shows_its_key_or_qr_code(admin_client, device, page):
    response = admin_client.get(DEVICES + page.format(pk=device.pk), follow=True)
    assert response.status_code in (200, 404)
    _assert_shows_no_secret(response, device)


def test_the_list_still_names_each_device_its_user_and_whether_it_is_confirmed(
    admin_client, device
):
    response = admin_client.get(DEVICES + "/")
    body = response.content.decode()
    assert "clerk&#x27;s phone" in body and "clerk" in body
    assert response.context["cl"].list_display[1:] == ["name", "user", "confirmed", "last_used_at"]


def test_a_device_cannot_be_added_with_a_key_the_admin_chose(admin_client, device):
    chosen = "3132333435363738393031323334353637383930"
    response = admin_client.post(
        DEVICES + "/add/", {"user": device.user_id, "name": "clone", "key": chosen}
    )
    assert response.status_code == 403
    assert not TOTPDevice.objects.filter(key=chosen).exists()


def test_a_posted_key_is_ignored_by_the_change_form(admin_client, device):
    key = device.key
    response = admin_client.post(
        f"{DEVICES}/{device.pk}/change/", {"name": "old phone", "key": "00" * 20}
    )
    assert response.status_code == 302
    device.refresh_from_db()
    assert (device.name, device.key) == ("old phone", key)


def test_a_lost_device_is_deleted_from_the_admin(admin_client, device):
    response = admin_client.post(f"{DEVICES}/{device.pk}/delete/", {"post": "yes"}, follow=True)
    assert response.status_code == 200
    assert not TOTPDevice.objects.filter(pk=device.pk).exists()


def test_every_installed_device_model_is_served_by_the_admin_that_hides_secrets():
    installed = [m for m in apps.get_models() if issubclass(m, Device)]
    assert TOTPDevice in installed
    for model in installed:
        assert isinstance(admin.site._registry[model], SecondFactorDeviceAdmin), model
