"""Every route under /api/v1 of the URL configuration, with each method it takes (read from
the route itself: the ``Allow`` of its 405), is an operation of the OpenAPI document the app
serves and a row of docs/api.md's table. The document gives a token's operation its scope
and declares its refusals (401, 403; 404 and 422 where a case number is in the path), and
every operation declares the 429 with its Retry-After and the 500 with its X-Request-ID; the docs' row names each parameter
and the scope (or says the operation is public), and each refusal the document declares is
in the docs' table of statuses. A route added without all of that fails here."""

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from openimr.api.auth import OPERATION_SCOPES

pytestmark = pytest.mark.django_db
API_MD = Path(__file__).resolve().parents[3] / "docs" / "api.md"
PREFIX = "/api/v1"
# django-ninja's own pages: the document, its viewer and the root; not operations of it.
NINJAS_OWN = {"openapi-json", "openapi-view", "api-root"}
_PARAMETER = re.compile(r"<(?:\w+:)?(\w+)>")


@dataclass(frozen=True)
class Route:
    name: str
    path: str  # as the document writes it: /api/v1/cases/{case_number}/status
    methods: tuple[str, ...]


def _api_patterns(patterns: list[Any], prefix: str = "/") -> list[tuple[str, URLPattern]]:
    found = []
    for p in patterns:
        if isinstance(p, URLResolver):
            found += _api_patterns(p.url_patterns, prefix + str(p.pattern))
        elif prefix.startswith(PREFIX + "/") or (prefix + str(p.pattern)).startswith(PREFIX):
            found.append((prefix + str(p.pattern), p))
    return found


def api_routes(client: Any) -> list[Route]:
    """Each path once (a path with two methods is two patterns of one view), with the
    methods it takes."""
    routes: dict[str, Route] = {}
    for template, pattern in _api_patterns(get_resolver().url_patterns):
        path = _PARAMETER.sub(r"{\1}", template)
        # ninja's own pages too: they had answered any method, and a client read only GET.
        asked = client.generic("PURGE", _PARAMETER.sub("CM16-0400101", template))
        assert asked.status_code == 405, f"{path} took PURGE"
        methods = tuple(m.strip() for m in asked["Allow"].split(","))
        routes.setdefault(path, Route(str(pattern.name), path, methods))
    return list(routes.values())


def _row(docs: str, method: str, path: str) -> str:
    return next((line for line in docs.splitlines() if line.startswith(f"| `{method} {path}`")), "")


def _documented_statuses(docs: str) -> set[str]:
    return set(re.findall(r"^\| (\d{3}) \|", docs, flags=re.MULTILINE))


def _scope(method: str, route: Route) -> str | None:
    return OPERATION_SCOPES.get(f"{method} {route.path.removeprefix(PREFIX)}")


def _document_problems(route: Route, method: str, operation: dict[str, Any]) -> list[str]:
    """The scope, the 429's Retry-After and the refusals the document must declare."""
    where, responses = f"{method} {route.path}", operation["responses"]
    problems = []
    if "Retry-After" not in responses.get("429", {}).get("headers", {}):
        problems.append(f"{where}: no 429 with Retry-After")
    # Any operation may meet an unexpected error, answered in the error shape (docs/api.md).
    if "X-Request-ID" not in responses.get("500", {}).get("headers", {}):
        problems.append(f"{where}: no 500 with X-Request-ID")
    needed = {"404", "422"} if "{case_number}" in route.path else set()
    if operation.get("security"):
        needed |= {"401", "403"}
        requirement = next(r for r in operation["security"] if "TokenAuth" in r)
        if _scope(method, route) is None or requirement["TokenAuth"] != [_scope(method, route)]:
            problems.append(f"{where}: the document names scope {requirement['TokenAuth']}")
    problems += [f"{where}: does not declare {s}" for s in sorted(needed - set(responses))]
    return problems


def _row_problems(route: Route, method: str, operation: dict[str, Any], row: str) -> list[str]:
    """The parameters and the scope (or "public") the docs' row must name."""
    where = f"{method} {route.path}"
    problems = [
        f"{where}: the docs do not name `{p['name']}`"
        for p in operation.get("parameters", [])
        if f"{{{p['name']}}}" not in route.path and f"`{p['name']}`" not in row
    ]
    if operation.get("security") and f"`{_scope(method, route)}`" not in row:
        problems.append(f"{where}: the docs do not name its scope `{_scope(method, route)}`")
    elif not operation.get("security") and "public" not in row:
        problems.append(f"{where}: the docs do not say it is public")
    return problems


def problems(routes: list[Route], document: dict[str, Any], docs: str) -> list[str]:
    """What the OpenAPI document or the docs leave out of the routes."""
    found = []
    statuses = _documented_statuses(docs)
    for route in routes:
        for method in route.methods:
            row = _row(docs, method, route.path)
            if not row:
                found.append(f"{method} {route.path}: no row in docs/api.md")
            if route.name in NINJAS_OWN:
                continue
            operation = document["paths"].get(route.path, {}).get(method.lower())
            if operation is None:
                found.append(f"{method} {route.path}: not in the OpenAPI document")
                continue
            found += _document_problems(route, method, operation)
            if row:  # with no row, what the row lacks goes without saying
                found += _row_problems(route, method, operation, row)
            refusals = {s for s in map(str, operation["responses"]) if s >= "400"}
            found += [
                f"{method} {route.path}: {s} not in the docs' statuses"
                for s in sorted(refusals - statuses)
            ]
    return found


@pytest.fixture
def routes(client):
    return api_routes(client)


@pytest.fixture
def document(client):
    return client.get(f"{PREFIX}/openapi.json").json()


def test_every_api_route_is_in_the_document_and_the_docs_with_all_it_needs(routes, document):
    listed = {(m, r.path) for r in routes for m in r.methods}
    assert ("GET", f"{PREFIX}/cases/{{case_number}}/status") in listed
    assert ("POST", f"{PREFIX}/cases/{{case_number}}/authorizations") in listed
    assert problems(routes, document, API_MD.read_text()) == []


def test_a_route_missing_from_the_docs_or_the_document_is_named(routes, document):
    docs = API_MD.read_text()
    status = f"| `GET {PREFIX}/cases/{{case_number}}/status`"
    without_row = "\n".join(line for line in docs.splitlines() if not line.startswith(status))
    assert problems(routes, document, without_row) == [
        f"GET {PREFIX}/cases/{{case_number}}/status: no row in docs/api.md"
    ]
    del document["paths"][f"{PREFIX}/cases/{{case_number}}/authorizations"]
    assert problems(routes, document, docs) == [
        f"POST {PREFIX}/cases/{{case_number}}/authorizations: not in the OpenAPI document"
    ]


def test_a_429_without_retry_after_or_a_scope_left_out_is_named(routes, document):
    operation = document["paths"][f"{PREFIX}/cases/{{case_number}}/status"]["get"]
    del operation["responses"]["429"]["headers"]
    operation["security"] = [{"TokenAuth": []}]
    assert problems(routes, document, API_MD.read_text()) == [
        f"GET {PREFIX}/cases/{{case_number}}/status: no 429 with Retry-After",
        f"GET {PREFIX}/cases/{{case_number}}/status: the document names scope []",
    ]


def test_an_operation_that_leaves_out_the_500_is_named(routes, document):
    # The docs' table lists 500 `server_error`; the document had declared it for none.
    operation = document["paths"][f"{PREFIX}/decisions"]["get"]
    del operation["responses"]["500"]
    assert problems(routes, document, API_MD.read_text()) == [
        f"GET {PREFIX}/decisions: no 500 with X-Request-ID"
    ]
