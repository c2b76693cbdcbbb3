"""The one place that holds a half-logged-in session back: an account that needs a second
factor (openimr.accounts.selectors) and has not proved one in this session is sent to verify
its code, or to enrol an authenticator if it has none, whatever page it asked for.

Left alone: logging in and out, the second-factor and password-reset pages themselves,
static files, and the API, whose session authentication refuses such a session with 401
in the API's own error shape (openimr.api.auth)."""

from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from openimr.accounts.selectors import second_factor_passed


class SecondFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self._open: tuple[str, ...] | None = None

    def open_paths(self) -> tuple[str, ...]:
        if self._open is None:
            self._open = (
                reverse("login"),
                reverse("logout"),
                reverse("accounts:verify"),
                reverse("accounts:enrol"),
                reverse("accounts:password_reset"),
                reverse("api:openapi-json").rsplit("/", 2)[0] + "/",
                "/" + settings.STATIC_URL.lstrip("/"),
            )
        return self._open

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path_info.startswith(self.open_paths()) and not second_factor_passed(
            request.user
        ):
            query = urlencode({"next": request.get_full_path()})
            return HttpResponseRedirect(f"{reverse('accounts:verify')}?{query}")
        return self.get_response(request)
