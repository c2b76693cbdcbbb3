"""Signing one account in from several browsers, for the "Your sessions" tests."""

from typing import Any

from django.contrib.auth.models import Group, User
from django.test import Client

from openimr.accounts.tests.helpers import form_login

PASSWORD = "a-long-test-password"
FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0"
SAFARI = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
)
CHROME = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0.0.0 Safari/537.36"
)


def clerk(username: str) -> Any:
    user = User.objects.create_user(username, password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get_or_create(name="intake")[0])
    return user


def signed_in(username: str, agent: str, **client_options: Any) -> Client:
    """A browser that logged in the way a person does (password, then a code)."""
    client = Client(HTTP_USER_AGENT=agent, **client_options)
    assert form_login(client, username, PASSWORD).status_code == 200
    assert client.get("/cases/").status_code == 200
    return client


def still_signed_in(client: Client) -> bool:
    return client.get("/cases/").status_code == 200
