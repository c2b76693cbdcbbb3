"""`openimr files sweep`, the daily housekeeping, also removes the rows of sessions past
their expiry date: a browser signed in and never back (a shared clinic machine left for the
night), or a session of Django's own table left from before the upgrade that moved sessions.
Before, nothing removed them, and one may hold a reviewer's unsaved rationale
(openimr.review.unsaved). A session still open stays open; a dry run and a sweep refused
as another deployment's database remove none."""

from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client

from openimr.accounts.models import AccountSession
from openimr.accounts.tests.sessions_helpers import clerk
from openimr.audit.models import AuditEvent
from openimr.cli import main
from openimr.core.clock import now

pytestmark = pytest.mark.django_db
LIFETIME = timedelta(seconds=settings.SESSION_COOKIE_AGE)


def _signed_in(username: str) -> tuple[Client, str]:
    client = Client()
    client.force_login(clerk(username))
    assert client.get("/cases/").status_code == 200
    return client, client.session.session_key or ""


@pytest.fixture
def sessions():
    """An account signed in a working day and an hour ago and never back; another signed in
    now; and the two of Django's old table, one past its date and one not."""
    with time_machine.travel(now() - LIFETIME - timedelta(hours=1), tick=False):
        _, gone = _signed_in("left")
    live, kept = _signed_in("here")
    for key, expires in (("old-expired", -1), ("old-open", 1)):
        Session.objects.create(
            session_key=key, session_data="", expire_date=now() + timedelta(hours=expires)
        )
    return {"live": live, "expired": gone, "open": kept}


def test_the_sweep_removes_the_expired_sessions_and_keeps_the_open_one(sessions, capsys):
    assert main(["files", "sweep"]) == 0
    assert "removed 2 expired session(s)" in capsys.readouterr().out
    assert list(AccountSession.objects.values_list("session_key", flat=True)) == [sessions["open"]]
    assert list(Session.objects.values_list("session_key", flat=True)) == ["old-open"]
    assert sessions["live"].get("/cases/").status_code == 200  # still signed in
    event = AuditEvent.objects.get(action="sessions.expired_removed")
    assert (event.actor_label, event.detail["sessions"]) == ("cli", 2)


def test_a_dry_run_counts_them_and_removes_none(sessions, capsys):
    assert main(["files", "sweep", "--dry-run"]) == 0
    assert "would remove 2 expired session(s)" in capsys.readouterr().out
    assert AccountSession.objects.count() == 2 and Session.objects.count() == 2
    assert not AuditEvent.objects.filter(action="sessions.expired_removed").exists()


def test_a_sweep_refused_as_another_databases_removes_no_session(sessions, capsys):
    # An old file no row names, and no file any row names: the sweep refuses as a
    # DATABASE_URL that is not the deployment's, before it touches the sessions.
    orphan = Path(settings.MEDIA_ROOT) / "records" / ("0" * 64 + ".pdf")
    orphan.parent.mkdir(parents=True)
    orphan.write_bytes(b"%PDF-1.4")
    assert main(["files", "sweep", "--older-than", "0"]) == 2
    assert "Nothing was removed" in capsys.readouterr().err
    assert AccountSession.objects.filter(session_key=sessions["expired"]).exists()
    assert Session.objects.count() == 2
