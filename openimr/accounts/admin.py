"""Second-factor devices in the admin site, without their secrets.

django-otp's own device admins show a TOTP device's key and its QR code (and offer them as
pages of their own), and take a key on the add form: anyone with admin access could
clone a user's authenticator. Here every installed device model (the TOTP plugin's, and
any other plugin's: backup codes, e-mailed tokens) is served by one admin that shows an
allow-list of fields (who, which device, confirmed, created, last used, throttling), never
the model's own fields (key, token, drift), and adds no device: a person enrols their own
authenticator at login (docs/accounts.md). What the admin is for: find a user's device and
delete it when the phone is lost, so the user enrols a new one."""

from typing import Any

from django.apps import apps
from django.contrib import admin
from django.http import HttpRequest
from django_otp.models import Device

# What the admin shows of a device, where the model has it; nothing else, so that a
# plugin's secret field is never shown by default.
SHOWN = (
    "user",
    "name",
    "confirmed",
    "created_at",
    "last_used_at",
    "throttling_failure_timestamp",
    "throttling_failure_count",
)
LISTED = ("name", "user", "confirmed", "last_used_at")


def _present(model: type[Device], names: tuple[str, ...]) -> list[str]:
    have = {field.name for field in model._meta.get_fields()}
    return [name for name in names if name in have]


class SecondFactorDeviceAdmin(admin.ModelAdmin[Any]):
    list_filter = ("confirmed",)
    search_fields = ("user__username", "name")
    list_select_related = ("user",)

    def get_list_display(self, request: HttpRequest) -> Any:
        return _present(self.model, LISTED)

    def get_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return _present(self.model, SHOWN)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        # The name is the only thing worth changing; the rest is what happened.
        return [name for name in _present(self.model, SHOWN) if name != "name"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


def devices_register(site: admin.AdminSite) -> list[type[Device]]:
    """Serve every installed device model by SecondFactorDeviceAdmin, in place of the
    plugin's own admin."""
    models = [m for m in apps.get_models() if issubclass(m, Device)]
    for model in models:
        if site.is_registered(model):
            site.unregister(model)
        site.register(model, SecondFactorDeviceAdmin)
    return models


devices_register(admin.site)

from openimr.accounts import admin_users  # noqa: E402, F401  (the accounts' admin)
