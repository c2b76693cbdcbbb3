"""A signed-in session ends after OPENIMR_SESSION_SECONDS (a working day by default) and
when the browser closes: its cookie carries no expiry date for the browser to keep."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-visitor-password-9"


@pytest.fixture
def visitor(django_user_model):
    return django_user_model.objects.create_user("visitor", password=PASSWORD)


def _signed_in(response) -> bool:
    """A role-less visitor signed in is told there is no page for them (404); signed out,
    they are sent to the login page."""
    return response.status_code == 404


def test_a_session_older_than_its_age_is_signed_out(client, visitor, settings):
    # The idle limit (test_an_expired_session_is_sent_to_login.py) out of the way: this
    # asks about the age alone.
    settings.OPENIMR_SESSION_IDLE_SECONDS = settings.SESSION_COOKIE_AGE
    client.force_login(visitor)
    assert _signed_in(client.get("/"))
    almost = timezone.now() + timedelta(seconds=settings.SESSION_COOKIE_AGE - 60)
    with time_machine.travel(almost, tick=False):
        assert _signed_in(client.get("/"))
    past = timezone.now() + timedelta(seconds=settings.SESSION_COOKIE_AGE + 60)
    with time_machine.travel(past, tick=False):
        response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_the_session_cookie_ends_with_the_browser(client, visitor):
    response = client.post("/login/", {"username": "visitor", "password": PASSWORD})
    assert response.status_code == 302, "signed in"
    cookie = response.cookies["sessionid"]
    assert cookie["max-age"] == "" and cookie["expires"] == ""
    assert cookie["httponly"] is True
