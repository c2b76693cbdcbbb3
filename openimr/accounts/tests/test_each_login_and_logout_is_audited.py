"""A password accepted and a session ended were not in the audit trail, only the failures
were: the trail could not say who had a session open when a case was looked at, nor from
where. Each is now an event, `login.succeeded` and `logout`, by the user, with the address
(HIPAA 45 CFR 164.312(b); 164.308(a)(5)(ii)(C))."""

import pytest
from django.contrib.auth.models import User

from openimr.audit.models import AuditEvent

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password"


def _events(action: str) -> list[tuple[str, str, dict, str]]:
    found = AuditEvent.objects.filter(action=action).order_by("id")
    return [(e.actor_label, e.object_id, e.detail, e.object_type) for e in found]


def test_a_login_and_the_logout_after_it_are_audited_with_the_address(client):
    User.objects.create_user("clerk", password=PASSWORD)
    body = {"username": "clerk", "password": PASSWORD}
    assert client.post("/login/", body, REMOTE_ADDR="10.0.0.7").status_code == 302
    assert _events("login.succeeded") == [("clerk", "clerk", {"ip_address": "10.0.0.7"}, "user")]
    assert client.post("/logout/", REMOTE_ADDR="10.0.0.8").status_code == 302
    assert _events("logout") == [("clerk", "clerk", {"ip_address": "10.0.0.8"}, "user")]
    assert PASSWORD not in str(list(AuditEvent.objects.values()))


def test_a_login_to_the_admin_site_is_audited_too(client):
    User.objects.create_user("admin", password=PASSWORD, is_staff=True, is_superuser=True)
    client.post("/admin/login/", {"username": "admin", "password": PASSWORD})
    assert [e[0] for e in _events("login.succeeded")] == ["admin"]


def test_signing_out_without_a_session_writes_nothing(client):
    client.post("/logout/")
    assert not AuditEvent.objects.filter(action="logout").exists()
