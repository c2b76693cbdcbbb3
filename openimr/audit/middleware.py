"""Give every request an id: the caller's ``X-Request-ID`` when it is a safe token (so a
proxy's or client's id carries through), else a new one. The id goes back in the
response's ``X-Request-ID`` header and into every audit event the request writes."""

import re
import uuid
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from openimr.audit import context

HEADER = "X-Request-ID"
# Letters, digits and a few separators, at most 64: enough for a UUID or a proxy's id, and
# nothing that could forge a log line or a header.
SAFE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,63}")


def request_id_for(incoming: str | None) -> str:
    if incoming and SAFE.fullmatch(incoming):
        return incoming
    return uuid.uuid4().hex


class RequestIdMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = request_id_for(request.headers.get(HEADER))
        request.request_id = request_id  # type: ignore[attr-defined]
        api = request.path_info.startswith("/api/")
        token = context.enter(context.RequestContext(request_id, api=api))
        try:
            response = self.get_response(request)
        finally:
            context.leave(token)
        response[HEADER] = request_id
        return response
