"""The API's one error shape for the answers Django and ninja give before any API code runs:
a path under /api/ that names no endpoint (Django's HTML 404 page), a method the endpoint
does not take (ninja's plain-text 405) and an unexpected error (Django's HTML 500 page,
which ninja leaves to Django with debug off). A client parses every API failure the same
way.
And HEAD answered as GET, which ninja's operations do not take themselves."""

import json
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from openimr.api.errors import error_body

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


def _is_json(response: HttpResponse) -> bool:
    return response.get("Content-Type", "").startswith("application/json")


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
