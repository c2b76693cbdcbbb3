"""A forgotten password is reset from a link sent by email; the link works once."""

import re

import pytest
from django.contrib.auth.models import User
from django.core import mail

from openimr.accounts.tests.helpers import form_login

pytestmark = pytest.mark.django_db
LINK = re.compile(r"http://testserver(/accounts/password-reset/[^/\s]+/[^/\s]+/)")


@pytest.fixture
def worker():
    return User.objects.create_user(
        "pat", email="pat@example.org", password="the-old-long-password"
    )


def _ask(client, email="pat@example.org"):
    return client.post("/accounts/password-reset/", {"email": email}, follow=True)


def test_the_link_in_the_email_sets_a_new_password(client, worker):
    page = _ask(client)
    assert page.redirect_chain[-1][0] == "/accounts/password-reset/sent/"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["pat@example.org"]
    link = LINK.search(mail.outbox[0].body).group(1)
    form = client.get(link, follow=True)
    assert "Set a new password" in form.content.decode()
    new = "a-brand-new-long-password"
    done = client.post(
        form.redirect_chain[-1][0], {"new_password1": new, "new_password2": new}, follow=True
    )
    assert done.redirect_chain[-1][0] == "/accounts/password-reset/complete/"
    assert form_login(client.__class__(), "pat", new).wsgi_request.user.is_authenticated
    again = client.get(link, follow=True)
    assert "not valid" in again.content.decode()


def test_an_unknown_address_gets_the_same_answer_and_no_email(client, worker):
    page = _ask(client, "nobody@example.org")
    assert page.redirect_chain[-1][0] == "/accounts/password-reset/sent/"
    assert mail.outbox == []


def test_a_malformed_address_is_named_and_nothing_sent(client, worker):
    page = _ask(client, "not-an-address")
    assert page.status_code == 200 and "valid email" in page.content.decode()
    assert mail.outbox == []
