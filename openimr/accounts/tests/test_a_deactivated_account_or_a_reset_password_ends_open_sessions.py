"""What ends access already granted: deactivating an account (the admin's "active" box)
ends its open sessions, page and API alike, for good (reactivating the account reopened a
session that had made no request meanwhile), audited, and refuses its API tokens; a password set by the reset link ends every session opened with the old one (Django
keeps a hash of the password in each session), and the link works once. HIPAA 45 CFR
164.308(a)(3)(ii)(C) (termination procedures), 164.312(d)."""

import re

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from django.test import Client

from openimr.accounts.tests.helpers import form_login
from openimr.api.services import token_create
from openimr.audit.models import AuditEvent

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password"
NEW = "a-brand-new-long-password"
LINK = re.compile(r"http://testserver(/accounts/password-reset/[^/\s]+/[^/\s]+/)")
API = "/api/v1/applications/CM99-0000001"


@pytest.fixture
def clerk():
    user = User.objects.create_user("pat", email="pat@example.org", password=PASSWORD)
    user.groups.add(Group.objects.get_or_create(name="intake")[0])
    user.is_staff = True  # a token's account (openimr tokens create)
    user.save()
    return user


def _signed_in():
    client = Client()
    assert form_login(client, "pat", PASSWORD).status_code == 200
    assert client.get("/cases/").status_code == 200
    return client


def test_a_deactivated_account_loses_its_open_session_and_its_tokens(clerk):
    session = _signed_in()
    secret = token_create(name="pat-portal", username="pat")
    bearer = {"Authorization": f"Bearer {secret}"}
    assert Client().get(API, headers=bearer).status_code == 404  # in: no such case
    clerk.is_active = False
    clerk.save()
    page = session.get("/cases/")
    assert page.status_code == 302 and page["Location"].startswith("/login/")
    assert session.get(API).status_code == 401
    assert Client().get(API, headers=bearer).status_code == 401
    refused = AuditEvent.objects.get(action="api_token.refused", object_id="pat-portal")
    assert refused.detail["reason"] == "inactive user"


def test_reactivating_the_account_does_not_reopen_its_sessions(clerk):
    session, other = _signed_in(), _signed_in()
    clerk.is_active = False
    clerk.save()
    clerk.is_active = True  # at once, before either session made a request
    clerk.save()
    for client in (session, other):
        page = client.get("/cases/")
        assert page.status_code == 302 and page["Location"].startswith("/login/")
    ended = AuditEvent.objects.get(action="user.sessions_ended", object_id="pat")
    assert ended.detail == {"sessions": 2, "why": "deactivated"}
    assert _signed_in().get("/cases/").status_code == 200  # a new login works


def test_a_reset_password_ends_the_sessions_of_the_old_one_and_its_link_works_once(clerk):
    elsewhere = _signed_in()
    resetting = Client()
    resetting.post("/accounts/password-reset/", {"email": "pat@example.org"})
    link = LINK.search(mail.outbox[-1].body).group(1)
    form = resetting.get(link, follow=True)
    set_url = form.redirect_chain[-1][0]
    done = resetting.post(set_url, {"new_password1": NEW, "new_password2": NEW}, follow=True)
    assert "Your new password is set" in done.content.decode()
    page = elsewhere.get("/cases/")
    assert page.status_code == 302 and page["Location"].startswith("/login/")
    again = Client().get(link, follow=True).content.decode()
    assert 'name="new_password1"' not in again and "Ask for a new link" in again
    clerk.refresh_from_db()
    assert clerk.check_password(NEW)
