"""A staff administrator ends all of another account's sessions at once (a lost laptop, a
person leaving), from the admin site's user list or the command line; audited with who
did it, and the account's browsers are signed out at their next request. The command line
also lists an account's open sessions, by handle, never by key. HIPAA 45 CFR
164.308(a)(3)(ii)(C) (termination procedures), 164.312(b) (audit controls)."""

import json

import pytest
from django.contrib.auth.models import User
from django.test import Client

from openimr.accounts.models import AccountSession
from openimr.accounts.selectors import session_handle
from openimr.accounts.tests.sessions_helpers import (
    FIREFOX,
    SAFARI,
    clerk,
    signed_in,
    still_signed_in,
)
from openimr.audit.models import AuditEvent
from openimr.cli import main

pytestmark = pytest.mark.django_db


@pytest.fixture
def pats_browsers():
    clerk("pat")
    clerk("sam")
    return signed_in("pat", FIREFOX), signed_in("pat", SAFARI), signed_in("sam", SAFARI)


def _admin_client():
    admin = User.objects.create_superuser("root", "root@example.org", "a-long-test-password")
    client = Client()
    client.force_login(admin)
    return client


def test_the_admin_sites_action_ends_the_selected_accounts_sessions(pats_browsers):
    firefox, safari, sam = pats_browsers
    admin = _admin_client()
    pat = User.objects.get(username="pat")
    done = admin.post(
        "/admin/auth/user/",
        {"action": "end_sessions", "_selected_action": [pat.pk]},
        follow=True,
    )
    assert "2 session(s) of pat ended." in done.content.decode()
    assert not still_signed_in(firefox) and not still_signed_in(safari)
    assert still_signed_in(sam)
    event = AuditEvent.objects.get(action="user.sessions_ended")
    assert (event.actor_label, event.object_id) == ("root", "pat")
    assert event.detail == {"sessions": 2, "why": "ended by an administrator"}


def test_intake_staff_without_the_permission_cannot_run_it(pats_browsers):
    firefox, safari, sam = pats_browsers
    pat = User.objects.get(username="pat")
    refused = sam.post(
        "/admin/auth/user/", {"action": "end_sessions", "_selected_action": [pat.pk]}
    )
    assert refused.status_code == 403
    assert still_signed_in(firefox) and still_signed_in(safari)


def test_the_command_line_lists_and_ends_an_accounts_sessions(pats_browsers, capsys):
    firefox, safari, sam = pats_browsers
    assert main(["accounts", "sessions", "pat", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    handles = {session_handle(c.session.session_key) for c in (firefox, safari)}
    assert {row["handle"] for row in listed} == handles
    assert {row["browser"] for row in listed} == {"Firefox 128 on Windows", "Safari 17 on iPhone"}
    assert main(["accounts", "sessions", "pat"]) == 0
    text = capsys.readouterr().out
    assert "2 open session(s) of pat" in text
    for key in AccountSession.objects.values_list("session_key", flat=True):
        assert key not in text
    assert main(["accounts", "end-sessions", "pat"]) == 0
    assert "pat: 2 session(s) ended" in capsys.readouterr().out
    assert not still_signed_in(firefox) and not still_signed_in(safari) and still_signed_in(sam)
    event = AuditEvent.objects.get(action="user.sessions_ended")
    assert event.actor_label == "cli"
    assert event.detail == {"sessions": 2, "why": "ended from the command line"}


def test_the_command_line_names_an_unknown_account(pats_browsers, capsys):
    assert main(["accounts", "end-sessions", "nobody"]) == 2
    assert "no user nobody" in capsys.readouterr().err
    assert not AuditEvent.objects.filter(action="user.sessions_ended").exists()
