"""A letter e-mail that cannot be sent leaves the party to be served by mail: its service
turns to mail, joins the print queue with why the e-mail failed, and the change is audited.
The staff case page shows each party's service as the QA page does. A claims
administrator mailed instead of e-mailed, or mailed later than the letter was issued, gets
its implementation dates counted from the mailing, since the letter's are too early."""

import re
import smtplib
from datetime import date, datetime, time, timedelta

import pytest
import time_machine
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend

from openimr.audit.models import AuditEvent
from openimr.core.clock import CALIFORNIA, local_date
from openimr.letters.models import LetterService
from openimr.letters.services import letter_issue
from openimr.review.tests.conftest import CASE, application_of, login

pytestmark = pytest.mark.django_db
QUEUE = "/review/print-queue/"
# Where staff mailed a party with no postal address on file (required to mark it printed).
MAILED = {"postal_address": "1 Capitol Mall, Sacramento, CA 95814"}


class RefusingBackend(BaseEmailBackend):
    """A mail server that refuses every recipient."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPRecipientsRefused({"zoe@example.org": (550, b"mailbox unavailable")})


def _issue_with_an_employee_address(capture):
    application_of(employee_name="Zoë Łukasiewicz", employee_email="zoe@example.org")
    with capture(execute=True):
        letter_issue(case_number=CASE, actor="qa-doc")
    return LetterService.objects.get(party_role="employee")


@pytest.fixture
def refused(settings, in_qa, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    return _issue_with_an_employee_address(django_capture_on_commit_callbacks)


def test_a_refused_email_turns_the_service_to_mail_with_its_reason(refused):
    assert refused.method == LetterService.MAIL and refused.sent_at is None
    assert refused.error.startswith("e-mail to zoe@example.org failed:")
    assert "mailbox unavailable" in refused.error
    assert refused.address == "zoe@example.org"  # kept, so staff can see what was tried


def test_the_rerouted_letter_is_in_the_print_queue_and_can_be_marked_printed(client, cast, refused):
    body = login(client, cast.clerk).get(QUEUE).content.decode()
    assert "Zoë Łukasiewicz" in body
    assert "e-mail to zoe@example.org failed" in body
    response = client.post(f"{QUEUE}{refused.pk}/printed/", MAILED)
    assert response.status_code == 302
    refused.refresh_from_db()
    assert refused.printed_at is not None


def test_the_rerouting_is_audited(refused):
    event = AuditEvent.objects.get(action="letter.service.rerouted")
    assert event.object_id == CASE and event.actor_label == "letter-service"
    assert event.detail["service"] == refused.pk and event.detail["party_role"] == "employee"


def test_the_case_page_shows_each_partys_service(client, cast, refused):
    body = login(client, cast.clerk).get(f"/cases/{CASE}/").content.decode()
    assert 'id="service"' in body
    for row in LetterService.objects.filter(case__case_number=CASE):
        assert row.party_name in body
    assert "e-mail to zoe@example.org failed" in body
    assert body.count("in the print queue") == LetterService.objects.count()


def test_a_sent_email_shows_as_sent_and_stays_off_the_print_queue(
    client, cast, in_qa, django_capture_on_commit_callbacks
):
    served = _issue_with_an_employee_address(django_capture_on_commit_callbacks)
    assert served.method == LetterService.EMAIL and len(mail.outbox) == 1
    page = login(client, cast.clerk).get(f"/cases/{CASE}/").content.decode()
    assert ">sent</td>" in page
    assert "Zoë Łukasiewicz" not in client.get(QUEUE).content.decode()
    assert not AuditEvent.objects.filter(action="letter.service.rerouted").exists()


def test_an_unissued_case_page_shows_no_service(client, cast, in_qa):
    body = login(client, cast.clerk).get(f"/cases/{CASE}/").content.decode()
    assert 'id="service"' not in body


@pytest.fixture
def payer_refused(settings, in_qa, django_capture_on_commit_callbacks):
    """The claims administrator gave an e-mail address, so the letter printed implementation
    dates counted from electronic service on the day of issue; the e-mail was refused."""
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    application_of(claims_administrator_email="claims@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        letter = letter_issue(case_number=CASE, actor="qa-doc")
    return letter, LetterService.objects.get(party_role="claims_administrator")


def test_a_payer_mailed_after_its_email_failed_gets_dates_counted_from_the_mailing(
    client, cast, payer_refused
):
    letter, row = payer_refused
    assert row.method == LetterService.MAIL
    issued_on = local_date(letter.issued_at)
    printed = issued_on + timedelta(days=3)
    with time_machine.travel(datetime.combine(printed, time(10), tzinfo=CALIFORNIA), tick=False):
        response = login(client, cast.clerk).post(f"{QUEUE}{row.pk}/printed/", MAILED, follow=True)
    row.refresh_from_db()

    # Received five days after mailing (CCP 1013(a)); authorize within 5 working days of that.
    received = printed + timedelta(days=5)
    assert row.deadlines.startswith("Overturned items must be authorized by")
    assert _authorize_by(row.deadlines) > received
    assert _authorize_by(row.deadlines) > _authorize_by(letter.text)  # the letter's is early
    assert row.deadlines in response.content.decode()
    event = AuditEvent.objects.get(action="letter.printed")
    assert event.detail["deadlines"] == row.deadlines
    case_page = client.get(f"/cases/{CASE}/").content.decode()
    assert "Counted from this mailing" in case_page and row.deadlines in case_page


def _mailed_as_planned(client, clerk, after: timedelta):
    """The claims administrator gave no address: served by mail, printed ``after`` issue."""
    application_of()
    letter = letter_issue(case_number=CASE, actor="qa-doc")
    row = LetterService.objects.get(party_role="claims_administrator")
    with time_machine.travel(letter.issued_at.astimezone(CALIFORNIA) + after, tick=False):
        login(client, clerk).post(f"{QUEUE}{row.pk}/printed/", MAILED)
    row.refresh_from_db()
    return letter, row


def test_a_party_mailed_as_planned_on_the_day_of_issue_keeps_the_letters_dates(client, cast, in_qa):
    _, row = _mailed_as_planned(client, cast.clerk, timedelta(0))
    assert row.printed_at is not None and row.deadlines == ""


def test_a_payer_mailed_days_after_the_issue_gets_dates_counted_from_the_mailing(
    client, cast, in_qa
):
    letter, row = _mailed_as_planned(client, cast.clerk, timedelta(days=4))
    assert _authorize_by(row.deadlines) > _authorize_by(letter.text)


def _authorize_by(text: str) -> date:
    found = re.search(r"authorized by ([A-Z][a-z]+ \d{1,2}, \d{4})", " ".join(text.split()))
    assert found, text
    return datetime.strptime(found.group(1), "%B %d, %Y").date()
