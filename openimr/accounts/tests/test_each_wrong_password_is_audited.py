"""Only the lockout reached the audit trail: the wrong passwords before it were in axes'
own table alone, so the trail could not show a guessing run that stopped short of the
limit, nor one spread over several usernames. Each is now an event, `login.failed`, with
the username tried and the address, never the password (HIPAA 45 CFR 164.312(b);
164.308(a)(5)(ii)(C))."""

import pytest
from django.contrib.auth.models import User

from openimr.audit.models import AuditEvent

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password"


def _login(client, username, password, path="/login/"):
    body = {"username": username, "password": password}
    return client.post(path, body, REMOTE_ADDR="10.0.0.7")


def test_a_wrong_password_is_audited_with_the_username_and_address(client):
    User.objects.create_user("clerk", password=PASSWORD)
    assert _login(client, "clerk", "wrong-password").status_code == 200
    _login(client, "no-such-user", "guess")
    failed = AuditEvent.objects.filter(action="login.failed").order_by("id")
    assert [(e.object_id, e.detail, e.role) for e in failed] == [
        ("clerk", {"ip_address": "10.0.0.7"}, "public"),
        ("no-such-user", {"ip_address": "10.0.0.7"}, "public"),
    ]
    assert "wrong-password" not in str(list(failed.values()))


def test_a_wrong_password_on_the_admin_sites_login_is_audited_too(client):
    User.objects.create_user("admin", password=PASSWORD, is_staff=True, is_superuser=True)
    _login(client, "admin", "wrong-password", path="/admin/login/")
    assert AuditEvent.objects.filter(action="login.failed", object_id="admin").count() == 1


def test_the_right_password_writes_no_failure(client):
    User.objects.create_user("clerk", password=PASSWORD)
    assert _login(client, "clerk", PASSWORD).status_code == 302
    assert not AuditEvent.objects.filter(action="login.failed").exists()
