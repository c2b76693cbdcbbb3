"""Every route, as every role, answers what the authorization matrix
(``openimr.core.authz_matrix``) declares: the test walks the URL configuration and the API's
routers, fails naming any route the matrix leaves out, and requests each route as each
role, with the ids of objects the role may see and, where there is one, of an object it may
not see (another reviewer's case, a case not in QA, another claims administrator's case),
which must never answer 200."""

import pytest

from openimr.cases.models import Case
from openimr.core import authz_matrix as matrix
from tests.authz_requests import DOCUMENT, outcome, route_response
from tests.authz_routes import Route, api_operation_paths, api_routes, django_routes
from tests.authz_world import IN_QA, REVIEW_A, World, build_world

pytestmark = pytest.mark.django_db


def _request(world: World, route: Route, role: str, *, foreign: bool) -> str:
    return outcome(route_response(world, route, role, foreign=foreign))


def _all_routes() -> list[Route]:
    return django_routes() + api_routes()


def test_every_route_and_api_operation_is_in_the_matrix():
    missing = [r.key for r in _all_routes() if matrix.expected(r.key) is None]
    assert not missing, "routes missing from openimr/core/authz_matrix.py: " + ", ".join(missing)


def test_the_api_routes_walked_are_every_api_url_of_the_configuration():
    walked = {r.template.removeprefix("/api/v1") for r in api_routes()}
    urls = {p.replace("<", "{").replace(">", "}") for p in api_operation_paths()}
    assert urls == walked


def test_the_matrix_names_only_routes_that_exist():
    keys = {r.key for r in _all_routes()}
    stale = [k for k in matrix.MATRIX if not matrix.is_pattern(k) and k not in keys]
    assert not stale, "matrix entries for routes that no longer exist: " + ", ".join(stale)


def test_every_role_gets_what_the_matrix_declares_on_every_route():
    world = build_world()
    mismatches = []
    for route in _all_routes():
        expected = matrix.expected(route.key)
        assert expected is not None, route.key
        for role in matrix.ROLES:
            got = _request(world, route, role, foreign=False)
            if got != expected[role]:
                mismatches.append(f"{route.key} as {role}: expected {expected[role]}, got {got}")
            if role in world.foreign and "case_number" in route.parameters:
                if route.key in matrix.PUBLIC_CASE_NUMBERS:
                    continue
                got = _request(world, route, role, foreign=True)
                want = matrix.foreign_outcome(expected[role])
                if got != want:
                    mismatches.append(
                        f"{route.key} as {role} with a case it may not see "
                        f"({world.foreign[role]}): expected {want}, got {got}"
                    )
    assert not mismatches, "\n".join(mismatches)


# State-changing routes, each posted by a role that may use it, without a CSRF token.
_CSRF_POSTS = (
    ("intake", "/cases/{case}/action/", {"action": "withdraw", "note": "no"}),
    ("intake", "/records/{case}/upload/", {}),
    ("intake", "/reviewers/assign/{case}/", {}),
    ("qa", "/review/qa/{qa_case}/", {"action": "approve"}),
    ("reviewer", "/review/{case}/", {"action": "submit"}),
    ("intake", "/logout/", {}),
)


def test_a_post_without_its_csrf_token_is_refused_and_changes_nothing():
    world = build_world()
    before = {c.case_number: c.state for c in Case.objects.all()}
    refused = {}
    for role, template, data in _CSRF_POSTS:
        url = template.format(case=REVIEW_A, qa_case=IN_QA)
        refused[url] = world.client(role, csrf=True).post(url, data).status_code
    assert refused == dict.fromkeys(refused, 403)
    assert {c.case_number: c.state for c in Case.objects.all()} == before


def test_an_api_post_from_a_session_without_its_csrf_token_is_refused():
    world = build_world()
    url = f"/api/v1/cases/{world.own['api_client']}/documents"
    client = world.client("intake", csrf=True)
    response = client.post(url, DOCUMENT, content_type="application/json")
    assert response.status_code == 403
    token_client = world.client("api_client", csrf=True)  # a token carries no cookie to forge
    assert token_client.post(url, DOCUMENT, content_type="application/json").status_code == 201


def test_a_get_of_a_post_only_api_operation_answers_405_to_every_role():
    world = build_world()
    get_paths = {r.template for r in api_routes() if r.method == "GET"}
    post_only = [r for r in api_routes() if r.method == "POST" and r.template not in get_paths]
    assert post_only, "the API has a POST-only operation (filing an application)"
    answers = {
        (route.key, role): world.client(role)
        .get(route.url(dict.fromkeys(route.parameters, world.own[role])))
        .status_code
        for route in post_only
        for role in matrix.ROLES
    }
    assert answers == dict.fromkeys(answers, 405)
