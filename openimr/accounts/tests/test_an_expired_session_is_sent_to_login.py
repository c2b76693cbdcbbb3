"""A session older than SESSION_COOKIE_AGE no longer opens anything: the next request is
sent to the login page."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from conftest import intake_clerk

pytestmark = pytest.mark.django_db


def test_an_expired_session_is_sent_to_login(client, settings):
    client.force_login(intake_clerk())
    assert client.get("/cases/").status_code == 200
    later = timezone.now() + timedelta(seconds=settings.SESSION_COOKIE_AGE + 60)
    with time_machine.travel(later):
        response = client.get("/cases/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/?next=/cases/")


def test_a_session_within_its_age_still_works(client, settings):
    client.force_login(intake_clerk())
    sooner = timezone.now() + timedelta(seconds=settings.SESSION_COOKIE_AGE - 60)
    with time_machine.travel(sooner):
        assert client.get("/cases/").status_code == 200
