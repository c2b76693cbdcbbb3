"""The admin site's accounts: Django's user admin, plus what an administrator does for a
person who cannot: end all of an account's sessions (a lost laptop, a departure), unlock its
second factor after wrong codes, and set its password, which now also revokes its API
tokens and says so. Each is audited by the service it calls (openimr.accounts.services,
openimr.accounts.services) as well as in the admin's own trail."""

from typing import Any

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.auth import admin as auth_admin  # registers the User admin to replace
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse

from openimr.accounts import selectors, services

ADMIN_PASSWORD_WHY = "admin site"


def tokens_revoked_words(names: list[str]) -> str:
    """What a password set by an administrator did, for the admin page and the command line."""
    ended = "Its open sessions have ended"
    if not names:
        return f"{ended}; it had no API token to revoke."
    listed = ", ".join(names)
    return (
        f"{ended}, and its {len(names)} API token(s) were revoked ({listed}): a client that "
        "used one needs a new token (openimr tokens create)."
    )


class SecondFactorLockedFilter(admin.SimpleListFilter):
    """The accounts whose second factor wrong codes have locked: the people waiting for an
    administrator to unlock it (who should first check that the owner asks)."""

    title = "two-step verification"
    parameter_name = "second_factor"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("locked", "Locked after wrong codes"), ("unlocked", "Not locked")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if self.value() in ("locked", "unlocked"):
            return queryset.filter(second_factor_locked_at__isnull=self.value() == "unlocked")
        return queryset


class AccountAdmin(auth_admin.UserAdmin):
    actions = ["end_sessions", "unlock_second_factor"]
    # Django's own columns and filters, and the second factor's lock.
    list_display = (
        "username",
        "email",
        "first_name",
        "last_name",
        "is_staff",
        "second_factor_locked",
    )
    list_filter = ("is_staff", "is_superuser", "is_active", "groups", SecondFactorLockedFilter)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        locked_since = selectors.second_factor_locked_since()
        return super().get_queryset(request).annotate(second_factor_locked_at=locked_since)

    @admin.display(
        description="Two-step verification locked since", ordering="second_factor_locked_at"
    )
    def second_factor_locked(self, user: Any) -> Any:
        return user.second_factor_locked_at  # None (not locked) is shown as the empty value

    @admin.action(description="End all sessions of the selected accounts", permissions=["change"])
    def end_sessions(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        for user in queryset:
            count = services.user_sessions_end(
                user=user,
                why="ended by an administrator",
                actor=request.user,
                keep_key=request.session.session_key,  # the administrator's own, if selected
            )
            self.message_user(request, f"{count} session(s) of {user.get_username()} ended.")

    @admin.action(
        description="Unlock two-step verification of the selected accounts",
        permissions=["change"],
    )
    def unlock_second_factor(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        for user in queryset:
            done = services.second_factor_unlock(user=user, actor=request.user)
            said = "unlocked" if done else "was not locked; nothing changed"
            level = messages.SUCCESS if done else messages.WARNING
            name = user.get_username()
            self.message_user(request, f"Two-step verification of {name} {said}.", level)

    def user_change_password(
        self, request: HttpRequest, id: str, form_url: str = ""
    ) -> HttpResponse:
        with transaction.atomic():  # the new password and the tokens' revocation together
            response = super().user_change_password(request, id, form_url)
            user = self.get_object(request, unquote(id))
            set_now = request.method == "POST" and response.status_code == 302
            if set_now and user is not None and user.pk != request.user.pk:
                revoked = services.password_set_by_administrator(
                    user=user, actor=request.user, via=ADMIN_PASSWORD_WHY
                )
                self.message_user(request, tokens_revoked_words(revoked), messages.WARNING)
        return response


def users_register(site: admin.AdminSite) -> None:
    user_model = get_user_model()
    if site.is_registered(user_model):
        site.unregister(user_model)
    site.register(user_model, AccountAdmin)


users_register(admin.site)
