"""The one error shape, `{"error": {"code", "message", "fields"}}`, for every API failure."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, AuthorizationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from openimr.cases.domain.lifecycle import IllegalTransition
from openimr.core.errors import Conflict, InvalidInput, NotFound, OpenIMRError, Problem
from openimr.core.validation import problem_from_error

# Ninja locates body errors as ("body", <parameter name>, ...); the document starts after.
_BODY_PREFIX = 2


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

    @api.exception_handler(NinjaValidationError)
    def malformed(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
        problems = tuple(_problem(dict(e)) for e in exc.errors)
        return respond(request, 422, InvalidInput(problems).as_error())

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
        return respond(
            request,
            401,
            error_body("unauthenticated", "a valid API token or staff session is required"),
        )

    @api.exception_handler(AuthorizationError)
    def forbidden(request: HttpRequest, exc: AuthorizationError) -> HttpResponse:
        return respond(request, 403, error_body("forbidden", exc.message))

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        return respond(request, exc.status_code, error_body("http_error", str(exc)))

    @api.exception_handler(OpenIMRError)
    def other(request: HttpRequest, exc: OpenIMRError) -> HttpResponse:
        return respond(request, 400, error_body(exc.code, str(exc)))
