"""A password set for someone else, by an administrator on the admin site or with
`manage.py changepassword`, revokes the account's API tokens as a reset does, and ends its
open sessions for good; the page and the command's output say so, and the trail names the
tokens. An administrator setting their own password keeps their tokens and session, as
anyone changing their own does. HIPAA 45 CFR 164.308(a)(5)(ii)(D) (password management),
164.308(a)(6)(ii) (response to a security incident)."""

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client

from openimr.accounts.tests.sessions_helpers import FIREFOX, clerk, signed_in, still_signed_in
from openimr.api.models import ApiToken
from openimr.api.services import token_create
from openimr.audit.models import AuditEvent

pytestmark = pytest.mark.django_db
NEW = "a-brand-new-long-password"
API = "/api/v1/applications/CM99-0000001"


@pytest.fixture
def pat():
    user = clerk("pat")
    return user, token_create(name="pat-portal", username="pat"), signed_in("pat", FIREFOX)


def _admin():
    root = User.objects.create_superuser("root", "root@example.org", "a-long-test-password")
    client = Client()
    client.force_login(root)
    return root, client


def _set_on_admin_site(client, user):
    form = {"password1": NEW, "password2": NEW, "usable_password": "true"}
    return client.post(f"/admin/auth/user/{user.pk}/password/", form, follow=True)


def _refused(secret):
    return Client().get(API, headers={"Authorization": f"Bearer {secret}"}).status_code == 401


def test_the_admin_site_revokes_the_tokens_and_says_so(pat):
    user, secret, browser = pat
    assert not _refused(secret)
    _, admin = _admin()
    done = _set_on_admin_site(admin, user)
    body = done.content.decode()
    assert "its 1 API token(s) were revoked (pat-portal)" in body
    assert "needs a new token (openimr tokens create)" in body
    assert _refused(secret) and not still_signed_in(browser)
    assert ApiToken.objects.get(name="pat-portal").revoked_at is not None
    revoked = AuditEvent.objects.get(action="api_token.revoked", object_id="pat-portal")
    assert revoked.detail == {"why": "password set by an administrator"}
    event = AuditEvent.objects.get(action="password.set")
    assert (event.actor_label, event.object_id) == ("root", "pat")
    assert event.detail == {"via": "admin site", "api_tokens_revoked": ["pat-portal"]}
    user.refresh_from_db()
    assert user.check_password(NEW)


def test_a_refused_password_on_the_admin_site_revokes_nothing(pat):
    user, secret, browser = pat
    _, admin = _admin()
    form = {"password1": NEW, "password2": "not the same", "usable_password": "true"}
    admin.post(f"/admin/auth/user/{user.pk}/password/", form)
    assert not _refused(secret) and still_signed_in(browser)
    assert not AuditEvent.objects.filter(action="password.set").exists()


def test_an_administrator_setting_their_own_password_keeps_their_tokens(pat):
    root, admin = _admin()
    own = token_create(name="root-script", username="root")
    _set_on_admin_site(admin, root)
    assert not _refused(own)
    assert admin.get("/admin/").status_code == 200
    assert not AuditEvent.objects.filter(action="password.set").exists()


def test_changepassword_on_the_command_line_revokes_the_tokens_and_says_so(
    pat, monkeypatch, capsys
):
    _, secret, browser = pat
    monkeypatch.setattr("getpass.getpass", lambda prompt="": NEW)
    call_command("changepassword", "pat")
    out = capsys.readouterr().out
    assert "Password changed successfully for user 'pat'" in out
    assert "Its open sessions have ended, and its 1 API token(s) were revoked (pat-portal)" in out
    assert _refused(secret) and not still_signed_in(browser)
    event = AuditEvent.objects.get(action="password.set")
    assert event.actor_label == "cli"
    assert event.detail == {"via": "manage.py changepassword", "api_tokens_revoked": ["pat-portal"]}


def test_changepassword_says_when_there_was_no_token(monkeypatch, capsys):
    clerk("sam")
    monkeypatch.setattr("getpass.getpass", lambda prompt="": NEW)
    call_command("changepassword", "sam")
    assert "it had no API token to revoke" in capsys.readouterr().out
