"""The demo loaded, and its logins signed in as a person would (password, then the second
factor), for the demo's tests."""

from typing import Any

import pytest
from django.test import Client

from openimr.accounts.tests.helpers import form_login
from openimr.demo.services import USERS, demo_load

PASSWORDS = {username: password for username, password, *_ in USERS}


@pytest.fixture
def demo() -> None:
    demo_load()


def demo_login(username: str) -> tuple[Client, Any]:
    """A client signed in as the demo login ``username``, and the response it landed on."""
    client = Client()
    return client, form_login(client, username, PASSWORDS[username])
