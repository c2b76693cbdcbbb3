"""A session ends OPENIMR_SESSION_SECONDS after its login, however busy it was, and after
OPENIMR_SESSION_IDLE_SECONDS without a request: the next request is sent to the login page,
which says why, and the ending is in the audit trail. HIPAA 45 CFR 164.312(a)(2)(iii)
(automatic logoff); NIST SP 800-63B 4.2.3."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from conftest import intake_clerk
from openimr.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

STEP = timedelta(minutes=25)  # a request every 25 minutes: never idle for half an hour


def _busy_until(client, end):
    """Ask for a page every STEP from now until ``end``; the answers' status codes."""
    at, codes = timezone.now(), []
    while at < end:
        at = min(at + STEP, end)
        with time_machine.travel(at, tick=False):
            codes.append(client.get("/cases/").status_code)
    return codes


def _sent_to_login(client):
    """The page asked for now sends to the login page: that page's text."""
    response = client.get("/cases/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/?next=/cases/")
    return client.get(response["Location"]).content.decode()


def test_a_busy_session_still_ends_a_working_day_after_login(client, settings):
    client.force_login(intake_clerk())
    day = timedelta(seconds=settings.SESSION_COOKIE_AGE)
    assert set(_busy_until(client, timezone.now() + day - timedelta(minutes=1))) == {200}
    with time_machine.travel(timezone.now() + day + timedelta(minutes=1), tick=False):
        page = _sent_to_login(client)
    assert "Your session ended 8 hours after you logged in. Log in again." in page
    ended = AuditEvent.objects.get(action="logout", object_id="clerk")
    assert ended.detail["ended_by"] == "absolute"


def test_a_session_left_idle_half_an_hour_is_sent_to_login(client, settings):
    client.force_login(intake_clerk())
    assert client.get("/cases/").status_code == 200
    idle = timedelta(seconds=settings.OPENIMR_SESSION_IDLE_SECONDS)
    with time_machine.travel(timezone.now() + idle + timedelta(minutes=2), tick=False):
        page = _sent_to_login(client)
        assert "You were logged out after 30 minutes without activity. Log in again." in page
        # Logged out, not only turned away: the old cookie opens nothing any more.
        assert client.get("/cases/").status_code == 302
    ended = AuditEvent.objects.get(action="logout", object_id="clerk")
    assert ended.detail["ended_by"] == "idle"


def test_a_session_used_within_the_idle_limit_goes_on(client, settings):
    client.force_login(intake_clerk())
    idle = timedelta(seconds=settings.OPENIMR_SESSION_IDLE_SECONDS)
    with time_machine.travel(timezone.now() + idle - timedelta(minutes=2), tick=False):
        assert client.get("/cases/").status_code == 200
    assert not AuditEvent.objects.filter(action="logout").exists()


def test_an_idle_session_is_refused_by_the_api_too(client, settings):
    client.force_login(intake_clerk())
    idle = timedelta(seconds=settings.OPENIMR_SESSION_IDLE_SECONDS)
    with time_machine.travel(timezone.now() + idle + timedelta(minutes=2), tick=False):
        response = client.get("/api/v1/applications/IMR-0000000001")
    assert response.status_code == 401


@pytest.mark.parametrize(
    ("idle", "said"), [(150, "after 150 seconds"), (120, "after 2 minutes"), (3600, "after 1 hour")]
)
def test_the_login_page_says_the_idle_limit_as_it_is_set(client, settings, idle, said):
    # Whole minutes were said before: 150 seconds was "after 2 minutes", an hour "60 minutes".
    settings.OPENIMR_SESSION_IDLE_SECONDS = idle
    client.force_login(intake_clerk())
    with time_machine.travel(timezone.now() + timedelta(seconds=idle + 61), tick=False):
        page = _sent_to_login(client)
    assert f"You were logged out {said} without activity. Log in again." in page


def test_a_session_limit_under_a_minute_is_said_in_seconds(client, settings):
    client.force_login(intake_clerk())
    # Set after the login, whose row then lasts past it: a row made to last 45 seconds too
    # is gone by the next request, which meets no session to say anything about.
    settings.SESSION_COOKIE_AGE = 45  # was "ended 0 minutes after you logged in"
    with time_machine.travel(timezone.now() + timedelta(seconds=46), tick=False):
        page = _sent_to_login(client)
    assert "Your session ended 45 seconds after you logged in. Log in again." in page
