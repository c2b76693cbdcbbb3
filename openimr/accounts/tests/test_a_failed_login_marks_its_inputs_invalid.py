"""After a failed login the username and password inputs are marked invalid
(``aria-invalid``) and point at the error message (``aria-describedby``), so a screen
reader says why the form came back (WCAG 3.3.1); the blank form marks nothing."""

import re

import pytest
from django.contrib.auth.models import User

pytestmark = pytest.mark.django_db


def _input(body, name):
    [tag] = re.findall(rf'<input[^>]*name="{name}"[^>]*>', body)
    return tag


def test_the_inputs_point_at_the_error_after_a_wrong_password(client):
    User.objects.create_user("clerk", password="a-long-test-password")
    body = client.post("/login/", {"username": "clerk", "password": "wrong"}).content.decode()
    [error_id] = re.findall(r'<p id="([^"]+)" class="errorlist" role="alert">', body)
    for name in ("username", "password"):
        tag = _input(body, name)
        assert 'aria-invalid="true"' in tag
        assert f'aria-describedby="{error_id}"' in tag


def test_the_blank_form_marks_nothing_invalid(client):
    body = client.get("/login/").content.decode()
    for name in ("username", "password"):
        assert "aria-invalid" not in _input(body, name)
        assert "aria-describedby" not in _input(body, name)
