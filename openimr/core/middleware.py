"""Requests refused before any view runs."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.http.response import HttpResponseBase
from django.middleware.http import ConditionalGetMiddleware

from openimr.core.text import has_control_character

# The public search reads a NUL as a space (decisions.search_terms); the API refuses in its
# own error shape (openimr.api.params).
_OWN_RULES = ("/api/", "/decisions/")


class ControlCharacterPathMiddleware:
    """An address holding a control character ("/decisions/CM%00/") is refused with 400 and
    a reason. No case number, record id or page holds one, and PostgreSQL cannot compare text
    holding a NUL byte: the view's lookup (and the audit row of its refusal) failed on the
    database, a server error. The API refuses them itself, in its error shape
    (``openimr.api.params``).

    So is a NUL in a query parameter of a staff page (the case list's search, a notice's
    id, the case file's search): the database can neither compare it nor store it in the
    audit row that records the request, and no search or id holds one."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith("/api/"):
            return self.get_response(request)
        if has_control_character(request.path):
            return _refused("This address holds a control character, which no page of openimr has.")
        if not request.path.startswith(_OWN_RULES) and (name := _nul_parameter(request)):
            return _refused(
                f"The parameter {name} holds a NUL character, which no field of openimr takes."
            )
        return self.get_response(request)


def _nul_parameter(request: HttpRequest) -> str | None:
    """The first query parameter (its name or a value) holding a NUL. A posted form's
    fields refuse one themselves, at the field."""
    for name, values in request.GET.lists():
        if "\x00" in name or any("\x00" in value for value in values):
            return name.replace("\x00", "")
    return None


def _refused(message: str) -> HttpResponse:
    return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")


# Browser features no page of openimr uses, denied to every origin ("()"), frames included:
# a script slipped into a page, or a page framing ours, cannot ask for them. interest-cohort
# and browsing-topics keep visitors' reading of medical decisions out of advertising
# cohorts. Only names Chromium knows: it reports each unknown one as an error in the header
# (test_the_browser_denies_the_features_the_site_does_not_use). Allow one only when a page
# needs it.
_DENIED_FEATURES = (
    "accelerometer", "autoplay", "browsing-topics", "camera", "display-capture",
    "geolocation", "gyroscope", "hid", "interest-cohort", "magnetometer", "microphone", "midi",
    "payment", "publickey-credentials-get", "serial", "usb", "xr-spatial-tracking",
)  # fmt: skip
PERMISSIONS_POLICY = ", ".join(f"{name}=()" for name in _DENIED_FEATURES)


class PermissionsPolicyMiddleware:
    """The Permissions-Policy header on every response, refusals and errors included; first
    in MIDDLEWARE, so that no earlier middleware answers without it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


class PrivateAnswersNotStoredMiddleware:
    """Every answer to a signed-in user or to an API token says ``Cache-Control: private,
    no-store`` unless its view set a cache policy of its own. Staff pages, the reviewer's
    workspace, the outbox and the API's answers carry protected health information, and
    without the header a browser (or a shared machine's disk cache, or a proxy) may keep a
    copy after the user signs out. HIPAA's Security Rule asks covered entities to limit who
    can reach ePHI (45 CFR §164.312(a)(1), access control); a copy left in a browser's cache
    is reachable by the next person at that desk. Anonymous visitors' public pages keep
    their validators (ConditionalGetMiddleware): they hold de-identified text only."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        signed_in = user is not None and user.is_authenticated
        if (signed_in or "HTTP_AUTHORIZATION" in request.META) and not response.has_header(
            "Cache-Control"
        ):
            response["Cache-Control"] = "private, no-store"
        return response


# What an answer says of the request rather than of its body (openimr.api.rate_limit's
# count), which the 304 or 412 standing in for the answer must say too.
_KEPT_ON_CONDITIONAL = ("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset")


class ConditionalGetKeepingCountsMiddleware(ConditionalGetMiddleware):
    """Django's ETag and 304 (RFC 9110 13.1, 15.4.5), If-Unmodified-Since ignored where it
    cannot be checked (13.1.4), the 304 or 412 keeping the client's
    rate count: Django builds them anew with the validators alone, and a client polling
    with If-None-Match, most of whose answers are 304s, read no count on any of them
    (draft-ietf-httpapi-ratelimit-headers: the fields go on every answer the limit
    counted)."""

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        # RFC 9110 13.1.4: a recipient MUST ignore If-Unmodified-Since when the resource has
        # no modification date. No page or API answer carries Last-Modified, and Django
        # answered 412 to every request sending the header.
        unmodified = None
        if not response.has_header("Last-Modified"):
            unmodified = request.META.pop("HTTP_IF_UNMODIFIED_SINCE", None)
        try:
            answer = super().process_response(request, response)
        finally:
            if unmodified is not None:
                request.META["HTTP_IF_UNMODIFIED_SINCE"] = unmodified
        if answer is not response:
            for header in _KEPT_ON_CONDITIONAL:
                if header in response:
                    answer[header] = response[header]
        return answer
