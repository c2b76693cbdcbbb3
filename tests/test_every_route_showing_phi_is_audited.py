"""Every route that shows or exports a case's PHI writes an audit event, and a refusal of
one writes ``<action>.refused``: the test walks the URL configuration and the API's routers,
fails naming any route that ``openimr.audit.phi_routes`` neither audits nor exempts, and
requests each audited route as every role the authorization matrix lets in (and with a case
the role may not see), checking the events that very request wrote (HIPAA 45 CFR
164.312(b))."""

import pytest
from django.http import HttpResponseBase

from openimr.audit import phi_routes
from openimr.audit.models import AuditEvent
from openimr.core import authz_matrix as matrix
from tests.authz_requests import outcome, route_response
from tests.authz_routes import Route, api_routes, django_routes
from tests.authz_world import World, build_world

pytestmark = pytest.mark.django_db


def _all_routes() -> list[Route]:
    return django_routes() + api_routes()


def _written(response: HttpResponseBase) -> list[str]:
    """The actions of the events the request wrote, found by its request id."""
    events = AuditEvent.objects.filter(request_id=response["X-Request-ID"])
    return list(events.order_by("id").values_list("action", flat=True))


def _check(world: World, route: Route, role: str, *, foreign: bool) -> str | None:
    action = phi_routes.audited_action(route.key)
    response = route_response(world, route, role, foreign=foreign)
    got, written = outcome(response), _written(response)
    want = {matrix.OK: action, "404": f"{action}.refused"}.get(got)
    if want is None or want in written:
        return None
    case = " with a case it may not see" if foreign else ""
    return f"{route.key} as {role}{case} answered {got} and wrote {written or 'no event'}"


def test_every_route_is_audited_or_says_why_it_shows_no_phi():
    both = [
        r.key for r in _all_routes() if r.key in phi_routes.AUDITED and phi_routes.exemption(r.key)
    ]
    missing = [
        r.key
        for r in _all_routes()
        if phi_routes.audited_action(r.key) is None and phi_routes.exemption(r.key) is None
    ]
    assert not missing, "routes missing from openimr/audit/phi_routes.py: " + ", ".join(missing)
    assert not both, "routes both audited and exempt: " + ", ".join(both)


def test_the_table_names_only_routes_that_exist():
    keys = {r.key for r in _all_routes()}
    listed = [*phi_routes.AUDITED, *(k for k in phi_routes.NOT_PHI if "*" not in k)]
    assert sorted(k for k in listed if k not in keys) == []


def test_each_look_through_an_audited_route_and_each_refusal_writes_its_event():
    world = build_world()
    unaudited = []
    for route in _all_routes():
        if phi_routes.audited_action(route.key) is None:
            continue
        expected = matrix.expected(route.key) or {}
        for role in (r for r in matrix.ROLES if expected.get(r) in (matrix.OK, "404")):
            unaudited.append(_check(world, route, role, foreign=False))
            if role in world.foreign and expected[role] == matrix.OK:
                unaudited.append(_check(world, route, role, foreign=True))
    problems = [p for p in unaudited if p]
    assert not problems, "\n".join(problems)
