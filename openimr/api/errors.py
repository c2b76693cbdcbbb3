"""The one error shape, `{"error": {"code", "message", "fields"}}`, for every API failure."""

from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from django.http.multipartparser import MultiPartParserError
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, AuthorizationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.parser import Parser

from openimr.api.domain.json_body import json_read, media_type_problem
from openimr.cases.domain.lifecycle import IllegalTransition
from openimr.core.errors import Conflict, InvalidInput, NotFound, OpenIMRError, Problem
from openimr.core.validation import problem_from_error

# Ninja locates body errors as ("body", <parameter name>, ...); the document starts after.
_BODY_PREFIX = 2


class FieldProblemOut(Schema):
    path: str
    message: str


class ErrorDetailOut(Schema):
    code: str
    message: str
    fields: list[FieldProblemOut]


class ErrorOut(Schema):
    """The one error shape, declared for each refusal an operation gives so that a client
    generated from the OpenAPI document can read it."""

    error: ErrorDetailOut


# What a token or staff session may be answered before the operation runs: no valid
# credentials (401) or a token without the operation's scope (403).
REFUSED = (401, 403)


def errors(*statuses: int) -> dict[int, type[ErrorOut]]:
    """The ``response`` entries of an operation's error statuses, all in the one shape; and
    those any operation may answer: 400 to a request Django refuses before any view (a Host
    not served, too many fields: `openimr.api.middleware.bad_request`), 429 to a client
    past its rate (`openimr.api.rate_limit`) and 500 on an unexpected error
    (`openimr.api.middleware.ApiErrorShapeMiddleware`)."""
    return dict.fromkeys((*statuses, 400, 429, 500), ErrorOut)


class JsonBodyParser(Parser):
    """Ninja answers a body it cannot parse with a bare 400 whose reason shows only in debug
    mode; this one reads it strictly (``json_read``) and names what is wrong, which
    ``http_error`` answers as bad input."""

    def parse_body(self, request: HttpRequest) -> Any:
        params = request.content_params or {}
        wrong = media_type_problem(request.content_type or "", params.get("charset"))
        if wrong:
            raise UnsupportedMediaType([Problem("$", wrong)])
        return json_read(request.body)


class UnsupportedMediaType(InvalidInput):
    """A body not sent as application/json: 415 (RFC 9110 15.5.16), the body unread."""

    code = "unsupported_media_type"


_CSRF_REFUSED = (
    "the CSRF check failed: a session's request that writes must send the csrftoken "
    "cookie's value in an X-CSRFToken header (or use an API token instead of the session)"
)


class TooLarge(InvalidInput):
    """A body larger than the server reads: 413 (RFC 9110 15.5.14), refused unread, so that a
    client tells it from a body read and found wrong (422) and does not resend it as is."""

    code = "too_large"


def _too_big(request: HttpRequest) -> TooLarge:
    # The body limit is sized to carry one file of OPENIMR_UPLOAD_MAX_BYTES in base64: a body
    # over it carries a file over the limit, and the message names that limit too.
    size = int(request.META.get("CONTENT_LENGTH") or 0)
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    message = (
        f"the request body is {size:,} bytes; the limit is {limit:,} bytes (a file of at most "
        f"{settings.OPENIMR_UPLOAD_MAX_BYTES:,} bytes, base64-encoded)"
    )
    return TooLarge([Problem("$", message)])


def _problem(error: dict[str, Any]) -> Problem:
    drop = _BODY_PREFIX if tuple(error.get("loc", ()))[:1] == ("body",) else 1
    return problem_from_error(error, drop=drop)


def error_body(code: str, message: str, problems: tuple[Problem, ...] = ()) -> dict[str, Any]:
    fields = [{"path": p.path, "message": p.message} for p in problems]
    return {"error": {"code": code, "message": message, "fields": fields}}


def install(api: NinjaAPI) -> None:
    def respond(request: HttpRequest, status: int, body: dict[str, Any]) -> HttpResponse:
        return api.create_response(request, body, status=status)

    @api.exception_handler(InvalidInput)
    def invalid(request: HttpRequest, exc: InvalidInput) -> HttpResponse:
        return respond(request, 422, exc.as_error())

    @api.exception_handler(UnsupportedMediaType)
    def unsupported(request: HttpRequest, exc: UnsupportedMediaType) -> HttpResponse:
        return respond(request, 415, exc.as_error())

    @api.exception_handler(NinjaValidationError)
    def malformed(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
        problems = tuple(_problem(dict(e)) for e in exc.errors)
        return respond(request, 422, InvalidInput(problems).as_error())

    @api.exception_handler(RequestDataTooBig)
    def too_big(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
        return respond(request, 413, _too_big(request).as_error())

    @api.exception_handler(MultiPartParserError)
    def unreadable_form(request: HttpRequest, exc: MultiPartParserError) -> HttpResponse:
        # Django's CSRF check reads a session's form body before any API code runs.
        message = f"cannot be read as multipart/form-data ({exc}); send application/json"
        return invalid(request, InvalidInput([Problem("$", message)]))

    @api.exception_handler(NotFound)
    def not_found(request: HttpRequest, exc: NotFound) -> HttpResponse:
        return respond(request, 404, error_body(exc.code, str(exc)))

    @api.exception_handler(Conflict)
    def conflict(request: HttpRequest, exc: Conflict) -> HttpResponse:
        return respond(request, 409, error_body(exc.code, str(exc)))

    @api.exception_handler(IllegalTransition)
    def illegal(request: HttpRequest, exc: IllegalTransition) -> HttpResponse:
        return respond(request, 409, error_body(exc.code, str(exc)))

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        # An expired token is told so (`TokenFound.refusal`); any other, the same as none.
        message = getattr(request, "api_refusal", "") or (
            "a valid API token or staff session is required"
        )
        return respond(request, 401, error_body("unauthenticated", message))

    @api.exception_handler(AuthorizationError)
    def forbidden(request: HttpRequest, exc: AuthorizationError) -> HttpResponse:
        return respond(request, 403, error_body("forbidden", exc.message))

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        if isinstance(exc.__cause__, UnsupportedMediaType):  # from JsonBodyParser
            return unsupported(request, exc.__cause__)
        if isinstance(exc.__cause__, InvalidInput):  # from JsonBodyParser
            return invalid(request, exc.__cause__)
        if exc.status_code == 403:  # the session auth's CSRF refusal, the only 403 raised
            return respond(request, 403, error_body("forbidden", _CSRF_REFUSED))
        return respond(request, exc.status_code, error_body("http_error", str(exc)))

    @api.exception_handler(OpenIMRError)
    def other(request: HttpRequest, exc: OpenIMRError) -> HttpResponse:
        return respond(request, 400, error_body(exc.code, str(exc)))
