"""The API's one error shape for the answers Django and ninja give before any API code runs:
a path under /api/ that names no endpoint (Django's HTML 404 page), a method the endpoint
does not take (ninja's plain-text 405) and an unexpected error (Django's HTML 500 page,
which ninja leaves to Django with debug off). A client parses every API failure the same
way.
And HEAD answered as GET, which ninja's operations do not take themselves; a token
sent in the URL refused before anything reads it; a body sent in chunks without its
length refused 411 rather than read as none; and Django's own 400 (``bad_request``, the
site's handler400) and 412 (``ApiPreconditionFailedMiddleware``) in the error shape under
/api/."""

import json
import logging
import re
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import DisallowedHost, TooManyFieldsSent
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.views.defaults import bad_request as site_bad_request

from openimr.api.domain.json_body import length_problem
from openimr.api.errors import error_body
from openimr.api.services import PREFIX as TOKEN_PREFIX
from openimr.core.errors import Problem

log = logging.getLogger("openimr.security")

_PREFIX = "/api/"
_SHAPED = {
    404: ("not_found", "no API endpoint at {path}; see /api/v1/docs"),
    405: ("method_not_allowed", "{method} is not allowed on {path}; allowed: {allow}"),
    # An unexpected error stays a 500 (Django's handler logged it); nothing of its cause.
    500: ("server_error", "the server met an error and could not answer; try again later"),
    # The database could not answer (openimr.core.unavailable): its words, and Retry-After.
    503: ("unavailable", "{text}"),
}


class ApiErrorShapeMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        shaped = _SHAPED.get(response.status_code)
        if shaped is None or not request.path.startswith(_PREFIX) or _is_json(response):
            return response
        code, template = shaped
        message = template.format(
            path=request.path,
            method=request.method,
            allow=response.get("Allow", ""),
            text=response.content.decode(errors="replace"),
        )
        answer = HttpResponse(
            json.dumps(error_body(code, message)),
            status=response.status_code,
            content_type="application/json",
        )
        for header in ("Allow", "Retry-After"):
            if header in response:
                answer[header] = response[header]
        return answer


def _is_json(response: HttpResponseBase) -> bool:
    return response.get("Content-Type", "").startswith("application/json")


# What a 412 says of the precondition that failed (RFC 9110 13.1.1): the only one a GET can
# fail, If-Unmodified-Since being ignored (ConditionalGetKeepingCountsMiddleware).
PRECONDITION_FAILED = (
    "names no current ETag of this answer: it has changed since it was read; "
    "GET it without If-Match for the answer and its current ETag"
)


class ApiPreconditionFailedMiddleware:
    """The 412 Django's conditional GET answers (``ConditionalGetKeepingCountsMiddleware``)
    to a GET under /api/ whose If-Match names none of the answer's ETags, in the error
    shape naming the header: it was an empty body, made by a middleware that runs outside
    ApiErrorShapeMiddleware (to tag the content every other one has written), so a client
    read nothing of why. Placed just outside it; the 412's headers (the rate count) kept."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        failed = response.status_code == 412 and request.path.startswith(_PREFIX)
        if not failed or _is_json(response) or not isinstance(response, HttpResponse):
            return response
        why = PRECONDITION_FAILED
        body = error_body("precondition_failed", f"If-Match: {why}", (Problem("$.If-Match", why),))
        response.content = json.dumps(body).encode()
        response["Content-Type"] = "application/json"
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(response.content))
        return response


class ApiHeadAsGetMiddleware:
    """HEAD on the API is answered as GET (RFC 9110 9.3.2; Django's own views do the same),
    its body left out by the server: ninja routes only the methods an operation declares,
    and answered 405 to a client checking an address before reading it. An address that
    takes no GET still refuses HEAD."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method != "HEAD" or not request.path.startswith(_PREFIX):
            return self.get_response(request)
        request.method = "GET"
        try:
            return self.get_response(request)
        finally:
            request.method = "HEAD"  # for the middleware outside: a 405 names HEAD


# The names a client might give a token in a query string, and a token itself in any value.
_TOKEN_PARAMETERS = {"token", "access_token", "api_token", "api_key", "apikey", "bearer"}
_TOKEN = re.compile(re.escape(TOKEN_PREFIX) + r"[A-Za-z0-9_-]{20,}")
TOKEN_IN_URL = (
    "an API token goes in the Authorization header (Authorization: Bearer oimr_...), never "
    "in the URL, which server and proxy logs and browser history keep; count this token as "
    "exposed and ask the IMR organization to revoke it and make you a new one"
)


class TokenInUrlMiddleware:
    """A request to the API with a token in its query string is refused 401, the token
    unused, whatever else it sends: a URL is written to access logs, proxies' logs and
    browser history, so a token there is as good as published. RFC 6750 5.3 ("don't pass
    bearer tokens in page URLs"); HIPAA 45 CFR 164.312(d) (person or entity
    authentication). The log names the parameter, never its value."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(_PREFIX):
            return self.get_response(request)
        named = [name for name, values in request.GET.lists() if _holds_token(name, values)]
        if not named:
            return self.get_response(request)
        log.warning("api request refused: a token in the URL's %s", ", ".join(named))
        problems = tuple(Problem(path=f"$query.{name}", message="a token here") for name in named)
        body = error_body("unauthenticated", TOKEN_IN_URL, problems)
        return HttpResponse(json.dumps(body), status=401, content_type="application/json")


def _holds_token(name: str, values: list[str]) -> bool:
    return name.lower() in _TOKEN_PARAMETERS or any(_TOKEN.search(v) for v in values)


class ChunkedBodyMiddleware:
    """A body sent in chunks with no Content-Length (``length_problem``) is refused 411
    ``length_required`` at ``$``, unread: the server reads a body by its length, so the API
    saw none and told the client "$: is missing" of a body it had sent (ninja does not
    parse an empty body, so the refusal cannot wait for the body's parser)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        unsized = request.path.startswith(_PREFIX) and length_problem(
            request.META.get("HTTP_TRANSFER_ENCODING", ""),
            request.META.get("CONTENT_LENGTH", ""),
        )
        if not unsized:
            return self.get_response(request)
        body = error_body("length_required", f"$: {unsized}", (Problem("$", unsized),))
        return HttpResponse(json.dumps(body), status=411, content_type="application/json")


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """The site's handler400 (config.urls). Django refuses some requests before any view
    runs: a Host header not in OPENIMR_ALLOWED_HOSTS, more query parameters or form fields
    than DATA_UPLOAD_MAX_NUMBER_FIELDS. Under /api/ that was the site's HTML page, which a
    client cannot parse; it is the error shape there, saying which it was, and the site's
    page elsewhere."""
    if not request.path.startswith(_PREFIX):
        return site_bad_request(request, exception)
    if isinstance(exception, DisallowedHost):
        why = "the Host header names no address this server answers"
    elif isinstance(exception, TooManyFieldsSent):
        limit = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
        why = f"the request has more than {limit:,} query parameters or form fields"
    else:
        why = "the request cannot be read"
    body = error_body("bad_request", why)
    return HttpResponse(json.dumps(body), status=400, content_type="application/json")
