"""After logging in, each user lands on their own work, never on a page they cannot open."""

import pytest
from django.contrib.auth.models import Group, User

from openimr.accounts.tests.helpers import form_login

pytestmark = pytest.mark.django_db


def _user(name: str, *, staff: bool = False, group: str | None = None) -> User:
    user = User.objects.create_user(name, password="a-long-test-password", is_staff=staff)
    if group:
        user.groups.add(Group.objects.get_or_create(name=group)[0])
    return user


@pytest.mark.parametrize(
    ("staff", "group", "lands"),
    [
        (True, "intake", "/cases/"),
        (False, "intake", "/cases/"),
        (False, "reviewer", "/review/"),
        (False, "qa", "/review/qa/"),
    ],
)
def test_login_lands_on_the_users_own_start_page(client, staff, group, lands):
    _user("someone", staff=staff, group=group)
    response = form_login(client, "someone", "a-long-test-password")
    assert response.redirect_chain[-1][0] == lands
    assert response.status_code == 200


def test_a_user_with_no_role_gets_404_and_a_visitor_the_login(client):
    assert client.get("/").url.startswith("/login/")
    client.force_login(_user("nobody"))
    assert client.get("/").status_code == 404


def test_a_staff_account_without_a_role_has_no_start_page(client):
    client.force_login(_user("flag-only", staff=True))
    assert client.get("/").status_code == 404
