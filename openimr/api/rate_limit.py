"""A limit on how often a client may call the API, counted in the database (no service
besides the app's own, and one count however many server processes or machines answer: in
each process's memory, gunicorn's workers let a client make the limit to each): per token,
or per signed-in user, at `OPENIMR_API_RATE_PER_MINUTE`; per IP address for everything else
(the client's behind a trusted proxy: `openimr.core.client_address`), requests without
credentials and those whose token was refused alike, at `OPENIMR_API_ANON_RATE_PER_MINUTE`
(0: no limit, and nothing counted). A forged token counts against its IP address, so
guessing tokens is held to the anonymous limit. Past the limit: 429 in the API's error
shape, with Retry-After."""

import hashlib
import json
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from openimr.api.domain.rate import Window, over_limit, window_at
from openimr.api.errors import error_body
from openimr.api.selectors import rate_counted
from openimr.api.services import rate_count
from openimr.core.client_address import request_client_address
from openimr.core.clock import now

_PREFIX = "/api/"


def _bearer(request: HttpRequest) -> str:
    scheme, _, secret = request.headers.get("Authorization", "").partition(" ")
    return secret.strip() if scheme.lower() == "bearer" else ""


def _told(response: HttpResponse, limit: int, count: int, window: Window) -> HttpResponse:
    """The client's limit, what is left of it this minute and when the next minute opens
    (draft-ietf-httpapi-ratelimit-headers' RateLimit-Limit, -Remaining and -Reset): a
    client learnt its limit only from the 429, and could not pace itself to stay under."""
    response["RateLimit-Limit"] = str(limit)
    response["RateLimit-Remaining"] = str(max(0, limit - count))
    response["RateLimit-Reset"] = str(window.retry_after)
    return response


def _refused(who: str, limit: int, window: Window) -> HttpResponse:
    message = (
        f"too many requests: {who} may make {limit} a minute; try again in {window.retry_after} s"
    )
    answer = HttpResponse(
        json.dumps(error_body("rate_limited", message)),
        status=429,
        content_type="application/json",
    )
    answer["Retry-After"] = str(window.retry_after)
    return _told(answer, limit, limit, window)


class ApiRateLimitMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(_PREFIX):
            return self.get_response(request)
        window = window_at(now().timestamp())
        address = f"ip:{request_client_address(request)}"
        anonymous = settings.OPENIMR_API_ANON_RATE_PER_MINUTE
        # An address already over its limit is refused before its token is looked up.
        if anonymous and over_limit(rate_counted(address, window.number) + 1, anonymous):
            return _refused("this address", anonymous, window)
        secret, user = _bearer(request), getattr(request, "user", None)
        if secret:
            client = "t:" + hashlib.sha256(secret.encode()).hexdigest()[:32]
        elif user is not None and user.is_authenticated:
            client = f"u:{user.pk}"
        else:
            client = ""
        limit = settings.OPENIMR_API_RATE_PER_MINUTE
        count = rate_count(client=client, minute=window.number) if client and limit else 0
        if over_limit(count, limit):
            return _refused("this client", limit, window)
        response = self.get_response(request)
        if anonymous and (not client or response.status_code == 401):
            by_address = rate_count(client=address, minute=window.number)
            return _told(response, anonymous, by_address, window)
        return _told(response, limit, count, window) if count else response
