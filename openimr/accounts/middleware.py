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

from openimr.accounts import services
from openimr.accounts.domain.session_timeout import SessionTimes, seen_is_stale, session_ended
from openimr.accounts.selectors import second_factor_passed
from openimr.core.clock import now


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


class SessionTimeoutMiddleware:
    """Ends a signed-in session idle longer than ``OPENIMR_SESSION_IDLE_SECONDS`` or older
    than ``OPENIMR_SESSION_SECONDS`` (openimr.accounts.domain.session_timeout); the request
    then goes on as a visitor's: a page sends it to log in (a reviewer's unsaved writing
    kept, openimr.review.unsaved) and the API answers 401. Django's own expiry alone was
    no idle limit, and each write to the session moved its end later."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            self._check(request)
        return self.get_response(request)

    def _check(self, request: HttpRequest) -> None:
        at = now().timestamp()
        session = request.session
        if services.LOGGED_IN_AT not in session:  # a session from before these limits
            services.session_times_stamp(session, at=at)
            return
        times = SessionTimes(
            logged_in_at=session[services.LOGGED_IN_AT], seen_at=session[services.SEEN_AT]
        )
        ended = session_ended(
            times,
            now=at,
            idle_seconds=settings.OPENIMR_SESSION_IDLE_SECONDS,
            absolute_seconds=settings.SESSION_COOKIE_AGE,
        )
        if ended is not None:
            services.session_end(request=request, ended=ended)
        elif seen_is_stale(times, now=at):
            session[services.SEEN_AT] = at
