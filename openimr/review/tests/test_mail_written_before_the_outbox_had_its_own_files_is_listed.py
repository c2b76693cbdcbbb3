"""Before the outbox had its own file names, Django's file backend wrote the mail: files
named `<time>-<connection id>.log`, every message one connection sent appended to the same
file. The outbox page listed only its own `.eml` files, so a site upgraded with such files
showed staff an outbox without the messages it had delivered there. Each message of an
older file is now listed and opens, as `<file>.<n>`."""

import pytest
from django.core import mail
from django.test import override_settings

from openimr.audit.models import AuditEvent
from openimr.review.tests.conftest import login, person

pytestmark = pytest.mark.django_db
DJANGO_FILES = "django.core.mail.backends.filebased.EmailBackend"
OUTBOX = "openimr.core.mail.OutboxBackend"


@pytest.fixture
def older_files(tmp_path):
    """A file the way Django's backend wrote it: three messages, one after another."""
    folder = tmp_path / "mail"
    with override_settings(EMAIL_BACKEND=DJANGO_FILES, EMAIL_FILE_PATH=str(folder)):
        mail.get_connection().send_messages(
            [
                mail.EmailMessage("Notice of Assignment", "Assigned.", to=["pat@example.org"]),
                mail.EmailMessage("Notice of Ineligibility", "Not eligible.", to=["a@b.test"]),
                mail.EmailMessage("Final Determination Letter", "Upheld.", to=["c@d.test"]),
            ]
        )
    [written] = folder.iterdir()
    assert written.suffix == ".log" and written.read_text().count("Subject:") == 3
    with override_settings(EMAIL_BACKEND=OUTBOX, EMAIL_FILE_PATH=str(folder)):
        yield folder


def test_every_message_of_an_older_file_is_listed_and_opens(client, older_files):
    staff = login(client, person("clerk", "intake", is_staff=True))
    listed = staff.get("/review/outbox/").content.decode()
    subjects = ("Notice of Assignment", "Notice of Ineligibility", "Final Determination Letter")
    assert all(subject in listed for subject in subjects), listed
    [shared] = [p.name for p in older_files.iterdir()]
    third = staff.get(f"/review/outbox/{shared}.3/")
    assert third.status_code == 200
    assert "Upheld." in third.content.decode() and "c@d.test" in third.content.decode()
    assert "Not eligible." not in third.content.decode()
    read = AuditEvent.objects.get(action="mail.outbox_read")
    assert read.object_id == f"{shared}.3"


def test_a_message_an_older_file_does_not_hold_is_not_found(client, older_files):
    staff = login(client, person("clerk", "intake", is_staff=True))
    [shared] = [p.name for p in older_files.iterdir()]
    for wrong in (f"{shared}.4", f"{shared}.0", shared, f"..%2F{shared}.1"):
        assert staff.get(f"/review/outbox/{wrong}/").status_code == 404, wrong
    assert not AuditEvent.objects.filter(action="mail.outbox_read").exists()
