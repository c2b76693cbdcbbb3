"""Every route the project answers, found by walking the URL configuration and the API's
routers, each with the URL to request it as a given role in the test's world."""

import re
from collections.abc import Iterator
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern, RoutePattern

from openimr.api.urls import api

API_PREFIX = "/api/v1"
_ROUTE_PARAM = re.compile(r"<(?:(?P<conv>\w+):)?(?P<name>\w+)>")
_REGEX_PARAM = re.compile(r"\(\?P<(?P<name>\w+)>[^)]*\)")
_API_PARAM = re.compile(r"\{(?P<name>\w+)\}")


@dataclass(frozen=True)
class Route:
    key: str  # the matrix's key: the URL name, or the pattern of an unnamed URL
    template: str  # the path with {parameter} placeholders
    method: str = "GET"

    @property
    def parameters(self) -> tuple[str, ...]:
        return tuple(m.group("name") for m in _API_PARAM.finditer(self.template))

    def url(self, values: dict[str, object]) -> str:
        return _API_PARAM.sub(lambda m: str(values[m.group("name")]), self.template)


def _template(pattern: object) -> str:
    """A URL pattern's text with each parameter as {name}, regex anchors dropped."""
    if isinstance(pattern, RoutePattern):
        return _ROUTE_PARAM.sub(r"{\g<name>}", str(pattern))
    if isinstance(pattern, RegexPattern):
        text = _REGEX_PARAM.sub(r"{\g<name>}", pattern.regex.pattern)
        text = re.sub(r"\(\?P<(\w+)>.*?\)", r"{\1}", text)
        return text.lstrip("^").rstrip("$").replace("\\.", ".")
    raise TypeError(f"unknown URL pattern {pattern!r}")


def _walk(patterns: list, prefix: str, namespace: str) -> Iterator[tuple[str, str, object]]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = namespace + (f"{entry.namespace}:" if entry.namespace else "")
            yield from _walk(entry.url_patterns, prefix + _template(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            template = prefix + _template(entry.pattern)
            key = f"{namespace}{entry.name}" if entry.name else f"{namespace}{template}"
            yield key, "/" + template, entry.callback


def _is_api_operation(callback: object) -> bool:
    """The API's own URLs route to ninja's path views (its docs and schema do not)."""
    return getattr(callback, "__module__", "") == "ninja.operation"


def django_routes() -> list[Route]:
    """Each URL of the configuration, the API's operations left to ``api_routes``."""
    return [
        Route(key, template)
        for key, template, callback in _walk(get_resolver().url_patterns, "", "")
        if not _is_api_operation(callback)
    ]


def api_operation_paths() -> set[str]:
    """The paths (under /api/v1) the URL configuration routes to API operations."""
    return {
        template.removeprefix(API_PREFIX)
        for _, template, callback in _walk(get_resolver().url_patterns, "", "")
        if _is_api_operation(callback)
    }


def api_routes() -> list[Route]:
    """Each operation of each API router, by method: ``API GET /applications/{case_number}``."""
    routes = []
    for prefix, router in api._routers:
        for path, view in router.path_operations.items():
            full = (prefix.rstrip("/") + path) or "/"
            for operation in view.operations:
                routes.extend(
                    Route(f"API {method} {full}", API_PREFIX + full, method)
                    for method in operation.methods
                )
    return routes
