"""With no mail server and the outbox off (production's default), a password reset answered
"Check your email" and sent nothing: Django's form logs the failed send and carries on. With
the outbox on, the link went to a file every staff member can open, which hands them the
account. The request is now refused, the same way for every address (nobody learns whether
an account exists), the log names the missing setting, every start warns, and staff pages
say that no e-mail is sent."""

import logging
import re

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.checks import run_checks
from django.test import override_settings

from openimr.review.tests.conftest import login, person

pytestmark = pytest.mark.django_db
NO_SERVER, OUTBOX = "openimr.core.mail.NoServerBackend", "openimr.core.mail.OutboxBackend"
REFUSED = "This site sends no password-reset e-mail: no mail server is set up."


@pytest.fixture(autouse=True)
def _pat():
    User.objects.create_user("pat", email="pat@example.org", password="the-old-long-password")


def _ask(client, email):
    return client.post("/accounts/password-reset/", {"email": email}, follow=True)


@pytest.mark.parametrize("backend", [NO_SERVER, OUTBOX])
def test_the_request_is_refused_alike_for_every_address_and_nothing_is_sent(
    client, tmp_path, caplog, backend
):
    with override_settings(EMAIL_BACKEND=backend, EMAIL_FILE_PATH=str(tmp_path / "mail")):
        asked = client.get("/accounts/password-reset/")
        with caplog.at_level(logging.WARNING, logger="openimr.accounts.views"):
            known, unknown = _ask(client, "pat@example.org"), _ask(client, "nobody@example.org")
    assert asked.status_code == known.status_code == unknown.status_code == 503
    assert REFUSED in asked.content.decode() and 'name="email"' not in asked.content.decode()
    assert known.content == unknown.content and known.redirect_chain == []
    assert "Check your email" not in known.content.decode()
    assert mail.outbox == [] and not (tmp_path / "mail").exists()
    assert "password reset refused: no mail server is set (OPENIMR_EMAIL_HOST)" in caplog.text
    assert "pat@example.org" not in caplog.text


def test_a_mail_server_still_sends_the_link(client):
    page = _ask(client, "pat@example.org")
    assert page.redirect_chain[-1][0] == "/accounts/password-reset/sent/"
    assert len(mail.outbox) == 1


def test_every_start_warns_and_staff_pages_say_no_email_is_sent(client):
    with override_settings(EMAIL_BACKEND=NO_SERVER):
        [warning] = [m for m in run_checks() if m.id == "openimr.letters.W001"]
        staff = login(client, person("clerk", "intake", is_staff=True)).get("/cases/")
        reviewer = login(client.__class__(), person("jroe", "reviewer")).get("/review/")
    assert "password reset by e-mail is refused" in warning.msg
    assert "manage.py changepassword" in str(warning.hint)
    assert 'id="mail-unsent"' in staff.content.decode()
    assert "No e-mail is sent: no mail server is set (OPENIMR_EMAIL_HOST)" in staff.content.decode()
    assert reviewer.status_code == 200 and 'id="mail-unsent"' not in reviewer.content.decode()
    assert 'id="mail-unsent"' not in client.get("/cases/").content.decode()


def test_a_reset_link_delivered_to_the_outbox_before_is_withheld_from_staff(client, tmp_path):
    _ask(client, "pat@example.org")
    [message] = mail.outbox
    link = re.search(r"http://testserver/accounts/password-reset/\S+/\S+/", message.body)
    with override_settings(EMAIL_BACKEND=OUTBOX, EMAIL_FILE_PATH=str(tmp_path / "mail")):
        message.connection = None
        message.send()
        [written] = (tmp_path / "mail").iterdir()
        staff = login(client, person("clerk", "intake", is_staff=True))
        page = staff.get(f"/review/outbox/{written.name}/").content.decode()
    assert link and link.group(0) in written.read_text()
    assert link.group(0) not in page and "/password-reset/" not in page
    assert "[password-reset link withheld: the outbox is read by staff]" in page
    assert "Someone asked to set a new password" in page  # the rest of it is shown
