"""With a mail server set and nothing ever delivered to the outbox, the outbox page says
e-mail goes to the server and that the outbox is empty: it had spoken of "these messages"
above a table holding none."""

import pytest
from django.core.mail import EmailMessage
from django.test import override_settings

from openimr.core.mail import delivered
from openimr.review.tests.conftest import login, person

pytestmark = pytest.mark.django_db


def test_the_empty_outbox_speaks_of_no_messages(client):
    staff = login(client, person("clerk", "intake", is_staff=True))
    body = staff.get("/review/outbox/").content.decode()
    assert "E-mail goes to the mail server now." in body
    assert "these messages" not in body and "The outbox is empty." in body


def test_messages_delivered_before_the_server_was_set_are_said_to_be(client, settings, tmp_path):
    settings.EMAIL_FILE_PATH = str(tmp_path)
    with override_settings(EMAIL_BACKEND="openimr.core.mail.OutboxBackend"):
        delivered(EmailMessage("Notice of Assignment", "Assigned.", to=["a@b.org"]))
    staff = login(client, person("clerk", "intake", is_staff=True))
    body = staff.get("/review/outbox/").content.decode()
    assert "these messages were delivered here before it was set" in body
