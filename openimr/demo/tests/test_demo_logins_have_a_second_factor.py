"""Every demo login passes the second factor like any staff login, with the code that
`openimr demo --code` prints; the command reads no other user's authenticator."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from openimr.cli import main
from openimr.demo.services import demo_code, demo_load

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_demo_login_gets_in_with_the_printed_code(capsys):
    demo_load()
    assert main(["demo", "--code", "staff"]) == 0
    code = capsys.readouterr().out.strip()
    client = Client()
    response = client.post(
        "/login/", {"username": "staff", "password": "staff-demo-password"}, follow=True
    )
    assert response.redirect_chain[-1][0].startswith("/accounts/two-factor/")
    response = client.post(response.redirect_chain[-1][0], {"code": code}, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == "/cases/"


def test_the_code_command_refuses_a_user_who_is_not_a_demo_login(capsys):
    demo_load()
    user = get_user_model().objects.create_user("clerk", password="x" * 12)
    TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    assert main(["demo", "--code", "clerk"]) == 2
    assert "not a demo login" in capsys.readouterr().err
    assert len(demo_code("qa")) == 6
