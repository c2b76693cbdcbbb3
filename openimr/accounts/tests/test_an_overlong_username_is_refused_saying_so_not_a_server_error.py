"""A username longer than any account's (pasted by mistake, or a probe) is answered with the
login page, not a server error: on PostgreSQL the lockout's table refused a name over 255
characters and the login answered 500. The site's login says what is wrong; the admin's
answers its usual refusal, the try still counted against the name cut to 150 characters.
HIPAA 45 CFR 164.308(a)(5)(ii)(C)."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import User

pytestmark = pytest.mark.django_db

LONG = "x" * 300


def test_the_sites_login_says_how_long_a_username_may_be(client):
    response = client.post("/login/", {"username": LONG, "password": "whatever"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "A username is at most 150 characters; the one entered has 300." in body
    assert 'aria-invalid="true"' in body


def test_the_admins_login_refuses_it_and_counts_the_try(client):
    response = client.post("/admin/login/", {"username": LONG, "password": "whatever"})
    assert response.status_code == 200
    [attempt] = AccessAttempt.objects.all()
    assert attempt.username == "x" * 150 and attempt.failures_since_start == 1


def test_a_real_username_still_logs_in_and_its_failures_count_under_it(client):
    User.objects.create_user("somebody", password="a-long-test-password")
    client.post("/admin/login/", {"username": "somebody", "password": "wrong"})
    assert AccessAttempt.objects.get().username == "somebody"
    response = client.post("/login/", {"username": "somebody", "password": "a-long-test-password"})
    assert response.status_code == 302
