"""With no mail server (development, the demo), a notice e-mailed to a party was marked
"sent" although it had only been written to a file nobody outside receives. It is now
delivered to the local outbox and says so, "delivered to outbox (no mail server)"; staff
open the message from the case's timeline or the outbox page, as its party would have read
it. In production with no server and the outbox off, nothing pretends: the e-mail fails
naming the settings and the party is served by mail."""

import copy
import stat
from datetime import UTC, datetime

import pytest
from django.test import override_settings

from openimr.audit.models import AuditEvent
from openimr.cases import services
from openimr.cases.intake_schema import parse_application
from openimr.review.tests.conftest import login, person

pytestmark = pytest.mark.django_db
RECEIVED = datetime(2024, 3, 20, 17, 0, tzinfo=UTC)
WORKER = "rosa.delgado@example.org"
OUTBOX, NO_SERVER = "openimr.core.mail.OutboxBackend", "openimr.core.mail.NoServerBackend"


def _ineligible(doc, capture):
    """A filing found ineligible (no signature): its notice is e-mailed to the worker."""
    doc = copy.deepcopy(doc)
    del doc["signature"]
    with capture(execute=True):
        row = services.application_submit(
            form=parse_application(doc), via="api", actor="clerk", client="t", at=RECEIVED
        ).application.case
    notice = row.notices.get(kind="ineligible")
    return notice, {s.party_role: s for s in notice.services.all()}


@pytest.fixture
def outbox(tmp_path):
    with override_settings(EMAIL_BACKEND=OUTBOX, EMAIL_FILE_PATH=str(tmp_path / "mail")):
        yield tmp_path / "mail"


def test_the_notice_is_delivered_to_the_outbox_and_says_so(
    application_doc, django_capture_on_commit_callbacks, outbox
):
    _, served = _ineligible(application_doc, django_capture_on_commit_callbacks)
    worker = served["employee"]
    assert worker.status == "delivered to outbox (no mail server)"
    assert worker.sent_at is not None and worker.method == "email"
    written = outbox / worker.outbox_file
    assert written.is_file() and worker.delivered_to == f"outbox/{written.name}"
    assert f"To: {WORKER}" in written.read_text()
    assert stat.S_IMODE(written.stat().st_mode) == 0o600  # it names the parties (PHI)
    assert len(list(outbox.iterdir())) == 1  # one file a message, none appended to another


def test_staff_open_the_message_from_the_timeline(
    application_doc, django_capture_on_commit_callbacks, outbox, client
):
    notice, served = _ineligible(application_doc, django_capture_on_commit_callbacks)
    number, name = notice.case.case_number, served["employee"].outbox_file
    staff = login(client, person("clerk", "intake", is_staff=True))
    timeline = staff.get(f"/cases/{number}/timeline/").content.decode()
    assert "delivered to outbox (no mail server)" in timeline
    assert f'href="/review/outbox/{name}/"' in timeline
    listed = staff.get("/review/outbox/").content.decode()
    assert "nobody outside has received it" in listed and "Notice of Ineligibility" in listed
    page = staff.get(f"/review/outbox/{name}/")
    assert page.status_code == 200
    body = page.content.decode()
    assert WORKER in body and f"{number}-ineligible.pdf" in body
    assert "not sent: no mail server was set" in body
    read = AuditEvent.objects.get(action="mail.outbox_read")
    assert (read.object_id, read.actor_label) == (name, "clerk")


def test_the_outbox_is_staffs_only_and_opens_none_but_its_own_files(
    application_doc, django_capture_on_commit_callbacks, outbox, client
):
    _, served = _ineligible(application_doc, django_capture_on_commit_callbacks)
    name = served["employee"].outbox_file
    reviewer = login(client, person("jroe", "reviewer"))
    assert reviewer.get("/review/outbox/").status_code in (403, 404)
    assert reviewer.get(f"/review/outbox/{name}/").status_code in (403, 404)
    staff = login(client, person("clerk", "intake", is_staff=True))
    (outbox / "notes.txt").write_text("not a message")
    for wrong in ("notes.txt", "..%2Fopenimr.sqlite3", name.replace(".eml", ".log")):
        assert staff.get(f"/review/outbox/{wrong}/").status_code == 404, wrong


def test_without_a_server_or_the_outbox_the_email_fails_and_the_party_is_mailed(
    application_doc, django_capture_on_commit_callbacks
):
    with override_settings(EMAIL_BACKEND=NO_SERVER):
        _, served = _ineligible(application_doc, django_capture_on_commit_callbacks)
    worker = served["employee"]
    worker.refresh_from_db()
    assert (worker.method, worker.sent_at) == ("mail", None)
    assert "no mail server is set (OPENIMR_EMAIL_HOST)" in worker.status
    assert "in the print queue" in worker.status
