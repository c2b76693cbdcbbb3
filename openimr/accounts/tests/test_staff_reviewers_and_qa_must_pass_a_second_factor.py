"""Everyone who can open medical records (intake, reviewer, QA, the administrator) proves a
TOTP code after the password, once per session: on first login they enrol an authenticator
from a page that shows its secret, later they enter its code. Until then every page sends
them to that step."""

import pytest
from django.contrib.auth.models import Group, User
from django_otp.plugins.otp_totp.models import TOTPDevice

from openimr.accounts.tests.helpers import form_login, totp_code, totp_device
from openimr.audit.models import AuditEvent

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password"


def _user(name, group=None, **flags):
    user = User.objects.create_user(name, password=PASSWORD, **flags)
    if group:
        user.groups.add(Group.objects.get_or_create(name=group)[0])
    return user


def _password_only(client, name):
    return client.post("/login/", {"username": name, "password": PASSWORD}, follow=True)


PEOPLE = [
    ("clerk", "intake", {}, "/cases/"),
    ("jroe", "reviewer", {}, "/review/"),
    ("qa-doc", "qa", {}, "/review/qa/"),
    ("admin", None, {"is_staff": True, "is_superuser": True}, "/cases/"),
]


@pytest.mark.parametrize(("name", "group", "flags", "start"), PEOPLE)
def test_a_first_login_enrols_an_authenticator_then_lands_on_the_start_page(
    client, name, group, flags, start
):
    _user(name, group, **flags)
    page = _password_only(client, name)
    assert page.redirect_chain[-1][0].startswith("/accounts/two-factor/enrol/")
    body = page.content.decode()
    device = TOTPDevice.objects.get(user__username=name, confirmed=False)
    assert device.config_url in body.replace("&amp;", "&")
    assert "<svg" in body and 'id="totp-secret"' in body
    done = client.post(page.redirect_chain[-1][0], {"code": totp_code(device)}, follow=True)
    assert done.redirect_chain[-1][0] == start and done.status_code == 200
    device.refresh_from_db()
    assert device.confirmed
    assert AuditEvent.objects.filter(action="two_factor.enrolled", object_id=name).exists()


@pytest.mark.parametrize(("name", "group", "flags", "start"), PEOPLE)
def test_until_the_code_is_given_every_page_leads_to_the_code(client, name, group, flags, start):
    totp_device(_user(name, group, **flags))
    page = _password_only(client, name)
    assert page.redirect_chain[-1][0] == "/accounts/two-factor/?next=%2F"
    for url in (start, "/cases/", "/review/", "/guidelines/", "/admin/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/two-factor/?next=")


def test_a_wrong_code_is_refused_logged_and_audited(client, caplog):
    totp_device(_user("clerk", "intake"))
    _password_only(client, "clerk")
    response = client.post("/accounts/two-factor/", {"code": "000000"})
    assert response.status_code == 422
    assert "did not match" in response.content.decode()
    assert client.get("/cases/").status_code == 302
    assert AuditEvent.objects.filter(action="two_factor.refused", object_id="clerk").exists()
    assert any("second factor refused for clerk" in r.getMessage() for r in caplog.records)


def test_a_code_that_is_not_six_digits_is_named_as_such(client):
    totp_device(_user("clerk", "intake"))
    _password_only(client, "clerk")
    response = client.post("/accounts/two-factor/", {"code": "12ab"})
    assert response.status_code == 422
    assert "Enter the 6 digits" in response.content.decode()


def test_the_right_code_opens_the_page_asked_for(client):
    device = totp_device(_user("clerk", "intake"))
    _password_only(client, "clerk")
    response = client.post("/accounts/two-factor/?next=/guidelines/", {"code": totp_code(device)})
    assert response.status_code == 302 and response["Location"] == "/guidelines/"
    assert client.get("/guidelines/").status_code == 200


def test_a_code_is_not_taken_twice(client):
    device = totp_device(_user("clerk", "intake"))
    code = totp_code(device)
    _password_only(client, "clerk")
    assert client.post("/accounts/two-factor/", {"code": code}).status_code == 302
    other = client.__class__()
    _password_only(other, "clerk")
    assert other.post("/accounts/two-factor/", {"code": code}).status_code == 422


def test_next_never_leads_off_the_site(client):
    device = totp_device(_user("clerk", "intake"))
    _password_only(client, "clerk")
    response = client.post(
        "/accounts/two-factor/?next=https://evil.example/", {"code": totp_code(device)}
    )
    assert response["Location"] == "/"


def test_a_user_without_a_role_is_not_asked_for_a_code(client):
    _user("visitor")
    response = form_login(client, "visitor", PASSWORD)
    assert response.redirect_chain[-1][0] == "/"
    assert response.status_code == 404  # no start page for a user without a role
