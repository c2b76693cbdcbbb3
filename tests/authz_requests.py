"""Requesting a route of ``tests.authz_routes`` as a role of the test's world: with the
role's own case (or the case the page needs), or with one it may not see. Shared by the
authorization matrix's test and the audit walk's."""

import base64
from typing import Any

from django.http import HttpResponseBase
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import make_pdf
from openimr.core import authz_matrix as matrix
from tests.authz_routes import Route
from tests.authz_world import IN_QA, ISSUED, PUBLISHED, World

# A valid record for the API's document upload, so that only access can refuse it.
DOCUMENT = {
    "filename": "note.pdf",
    "content_base64": base64.b64encode(make_pdf("A progress note.")).decode(),
    "submitted_by": "claims_administrator",
}


def outcome(response: HttpResponseBase) -> str:
    """The matrix's word for a response."""
    status = response.status_code
    if status in (301, 302):
        location = response["Location"]
        if location.startswith(("/login/", "/admin/login/")):
            return matrix.LOGIN
        return matrix.REDIRECT
    if 200 <= status < 300:
        return matrix.OK
    return str(status)


def _case_for(route: Route, role: str, world: World, *, foreign: bool) -> str:
    """The case a route is requested with: the role's own case (or the case the page needs,
    such as one with an issued letter), or one the role may not see."""
    if foreign:
        return world.foreign[role]
    if route.key.startswith(("decisions:", "API GET /decisions")):
        return PUBLISHED
    if route.key in matrix.NEEDS_ISSUED_LETTER and role != "api_client":
        return ISSUED
    if route.key in matrix.NEEDS_NOTICE | matrix.NEEDS_APPLICATION:
        return world.own["api_client"]
    if route.key in matrix.NEEDS_QA_CASE and role != "api_client":
        return IN_QA
    return world.own[role]


def route_values(route: Route, role: str, world: World, *, foreign: bool) -> dict[str, object]:
    case = _case_for(route, role, world, foreign=foreign)
    known: dict[str, object] = {
        "case_number": case,
        "record_id": world.records.get(case, 0),
        "service_id": (
            world.notice_service_id
            if route.key == "review:print_queue_notice"
            else world.service_id
        ),
        "assignment_id": world.assignment_id,
        "name": "20260101-000000-0123abcd.eml",  # an outbox message's name; no such message
        "number": 1,
        "fmt": "csv",
        "chart": "letters",
        "uidb64": "MQ",
        "token": "set-password",
        "app_label": "auth",
        "object_id": 0,  # no row has it: the admin's object pages as asked for a missing one
        "content_type_id": 1,
        # The TOTP admin's device pages: a device that exists (PostgreSQL does not restart
        # its sequences between tests, so no fixed number names one).
        "pk": TOTPDevice.objects.order_by("pk").values_list("pk", flat=True).first(),
        "id": 0,
        "url": "no-such-page/",
        "handle": "0123456789abcdef",  # a session's handle; no session has it
    }
    return {name: known[name] for name in route.parameters}


def route_response(world: World, route: Route, role: str, *, foreign: bool) -> HttpResponseBase:
    values = route_values(route, role, world, foreign=foreign)
    url = route.url(values)
    query: dict[str, Any] = {}
    if route.key == "cases:notice_pdf":
        query["id"] = world.notices.get(str(values["case_number"]), 0)
    client = world.client(role)
    if route.method == "POST":
        body = DOCUMENT if "case_number" in values else {}
        return client.post(url, body, content_type="application/json")
    return client.get(url, query)
