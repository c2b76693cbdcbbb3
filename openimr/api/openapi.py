"""What the OpenAPI document says beyond what django-ninja writes from the operations: the
token scope each operation needs (from ``OPERATION_SCOPES``, the one table the check reads),
and the ``Retry-After`` header of the 429 every operation may answer
(``openimr.api.rate_limit``) and the ``X-Request-ID`` of the 500 (to quote when reporting it),
and the 412 of every GET (its answers carry an ETag: ``ApiPreconditionFailedMiddleware``).
A client generated from the document, or a person reading /api/v1/docs, then knows which
scope to ask for, how long to wait and what to quote.
And ninja's own pages (the document, its viewer, the root) as docs/api.md promises them."""

from collections.abc import Callable
from functools import partial
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import URLPattern, URLResolver, reverse
from django.urls import path as route
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET
from ninja import NinjaAPI
from ninja.openapi.schema import OpenAPISchema

from openimr.api.auth import OPERATION_SCOPES
from openimr.api.errors import ErrorOut

RETRY_AFTER = {
    "description": "Whole seconds, at least 1, until the next one-minute window opens.",
    "schema": {"type": "integer", "minimum": 1},
}

# The header openimr.audit.middleware sets on every answer (named here: apps meet only
# through services, selectors and domain).
REQUEST_ID = {
    "description": "The request's id (the client's own X-Request-ID when it sent a safe "
    "one, else a new one): quote it when reporting the error.",
    "schema": {"type": "string"},
}


# The header each answer every operation may give carries: the 429's and the 500's.
HEADERS = ((429, "Retry-After", RETRY_AFTER), (500, "X-Request-ID", REQUEST_ID))

# What openimr.api.rate_limit tells each success and 429 of the client's limit (absent when
# the limit is 0).
_COUNT = {"type": "integer", "minimum": 0}
RATE_HEADERS = {
    "RateLimit-Limit": {"description": "Requests this client may make a minute.", "schema": _COUNT},
    "RateLimit-Remaining": {
        "description": "Requests left to this client in the current minute.",
        "schema": _COUNT,
    },
    "RateLimit-Reset": {
        "description": "Whole seconds, at least 1, until the next one-minute window opens.",
        "schema": {"type": "integer", "minimum": 1},
    },
}


# Every GET's answer carries an ETag (ConditionalGetKeepingCountsMiddleware), so a GET sending
# one back in If-Match may be answered 412, in the error shape, when the answer has changed.
PRECONDITION_FAILED = {
    "description": "Precondition Failed: the `If-Match` sent names no current ETag of this "
    "answer (it changed since it was read; GET it again without If-Match). An "
    "`If-Unmodified-Since` is ignored: answers carry no Last-Modified (RFC 9110 13.1.4).",
    "content": {
        "application/json": {"schema": {"$ref": f"#/components/schemas/{ErrorOut.__name__}"}}
    },
    "headers": RATE_HEADERS,
}


def _rate_told(responses: dict[Any, Any]) -> None:
    for status, answer in responses.items():
        if str(status).isdigit() and (200 <= int(status) < 300 or int(status) == 429):
            answer.setdefault("headers", {}).update(RATE_HEADERS)


def scope_of(method: str, path: str, prefix: str) -> str | None:
    """The scope a token needs for ``METHOD path`` (a path of the document, with its
    prefix), or None for an operation that takes no token."""
    return OPERATION_SCOPES.get(f"{method.upper()} {path.removeprefix(prefix.rstrip('/'))}")


def _describe(method: str, operation: dict[str, Any], scope: str | None) -> None:
    responses = operation.get("responses", {})
    if method == "get":
        responses.setdefault(412, {**PRECONDITION_FAILED, "headers": dict(RATE_HEADERS)})
    for status, header, declared in HEADERS:
        answer = responses.get(status, responses.get(str(status)))  # ninja keys them by int
        if answer is not None:
            answer.setdefault("headers", {})[header] = declared
    _rate_told(responses)
    if scope is None:
        return
    # OpenAPI 3.1 lets a bearer scheme's requirement list the roles it needs: the scope.
    for requirement in operation.get("security", []):
        if "TokenAuth" in requirement:
            requirement["TokenAuth"] = [scope]
    said = f"Token scope: `{scope}` (a session carries no scopes: its role decides)."
    operation["description"] = f"{operation.get('description', '').rstrip()}\n\n{said}".strip()


def _read_only(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Ninja's own pages answered every method (PURGE, POST) with 200, or a write with the
    site's HTML CSRF page: they take GET alone (HEAD as GET, `ApiHeadAsGetMiddleware`), any
    other method 405 with ``Allow``, as an operation refuses one. They change nothing, so a
    write to them has no forged request to guard against."""
    return csrf_exempt(require_GET(view))


def _index(request: HttpRequest, api: NinjaAPI) -> HttpResponse:
    """The root, where an integrator looks first: where the document and its viewer are.
    Ninja's raised 404."""
    namespace = api.urls_namespace
    return JsonResponse(
        {
            "title": api.title,
            "version": api.version,
            "openapi": reverse(f"{namespace}:openapi-json"),
            "docs": reverse(f"{namespace}:openapi-view"),
        }
    )


class DocumentedAPI(NinjaAPI):
    """The API whose document names each operation's scope and the 429's Retry-After, and
    whose own pages take only GET, its root an index of them."""

    def __init__(self, **options: Any) -> None:
        super().__init__(docs_decorator=_read_only, **options)

    @property
    def urls(self) -> tuple[list[URLResolver | URLPattern], str, str]:
        patterns, app_name, namespace = super().urls
        root = route("", _read_only(partial(_index, api=self)), name="api-root")
        return [root if _named(p, "api-root") else p for p in patterns], app_name, namespace

    def get_openapi_schema(
        self, *, path_prefix: str | None = None, path_params: dict[str, Any] | None = None
    ) -> OpenAPISchema:
        document = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        prefix = self.get_root_path(path_params or {}) if path_prefix is None else path_prefix
        for path, operations in document["paths"].items():
            for method, operation in operations.items():
                _describe(method, operation, scope_of(method, path, prefix))
        return document


def _named(pattern: URLResolver | URLPattern, name: str) -> bool:
    return isinstance(pattern, URLPattern) and pattern.name == name
