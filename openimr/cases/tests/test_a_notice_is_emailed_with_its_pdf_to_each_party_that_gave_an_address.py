"""A notice (here of ineligibility, 8 CCR 9792.10.3) is served as a letter is: e-mailed, with
the notice PDF attached, to each party that gave an address, and recorded as served
electronically only once the e-mail was sent; the other parties, and a party whose e-mail
failed, are queued for printing and mailing. Nothing is sent if the filing rolls back."""

import copy
from datetime import UTC, datetime

import pytest
from django.core import mail
from django.db import transaction

from openimr.cases import models, services
from openimr.cases.intake_schema import parse_application
from openimr.letters.models import LetterService

pytestmark = pytest.mark.django_db
RECEIVED = datetime(2024, 3, 20, 17, 0, tzinfo=UTC)
WORKER, DOCTOR = "rosa.delgado@example.org", "office@clinic.example"


def _ineligible(doc, capture):
    doc = copy.deepcopy(doc)
    del doc["signature"]
    doc["requesting_physician"]["email"] = DOCTOR
    with capture(execute=True):
        row = services.application_submit(
            form=parse_application(doc), via="api", actor="clerk", client="t", at=RECEIVED
        ).application.case
    notice = row.notices.get(kind="ineligible")
    return notice, {s.party_role: s for s in notice.services.all()}


def test_each_party_with_an_address_gets_the_notice_pdf_by_email(
    application_doc, django_capture_on_commit_callbacks
):
    notice, served = _ineligible(application_doc, django_capture_on_commit_callbacks)
    assert sorted(m.to[0] for m in mail.outbox) == [DOCTOR, WORKER]
    message = next(m for m in mail.outbox if m.to == [WORKER])
    assert (
        "Notice of Ineligibility" in message.subject and notice.case.case_number in message.subject
    )
    name, pdf, kind = message.attachments[0]
    assert (name, kind) == (f"{notice.case.case_number}-ineligible.pdf", "application/pdf")
    assert pdf.startswith(b"%PDF")
    assert all(served[r].method == "email" and served[r].sent_at for r in ("employee",
                                                                          "requesting_physician"))  # fmt: skip


def test_a_party_without_an_address_is_queued_for_printing_not_marked_sent(
    application_doc, django_capture_on_commit_callbacks
):
    _, served = _ineligible(application_doc, django_capture_on_commit_callbacks)
    payer = served["claims_administrator"]
    assert (payer.method, payer.sent_at, payer.printed_at) == ("mail", None, None)
    assert "in the print queue" in payer.status


def test_a_failed_email_is_served_by_mail_and_says_why(
    application_doc, django_capture_on_commit_callbacks, monkeypatch
):
    def refuse(self, fail_silently=False):
        if self.to == [DOCTOR]:
            raise ConnectionRefusedError("mailbox unavailable")
        return 1

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    _, served = _ineligible(application_doc, django_capture_on_commit_callbacks)
    doctor, worker = served["requesting_physician"], served["employee"]
    assert (doctor.method, doctor.sent_at) == ("mail", None)
    assert "mailbox unavailable" in doctor.error and "in the print queue" in doctor.status
    assert (worker.method, worker.sent_at is not None) == ("email", True)


def test_a_filing_that_rolls_back_sends_no_notice(
    application_doc, django_capture_on_commit_callbacks
):
    doc = copy.deepcopy(application_doc)
    del doc["signature"]
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        services.application_submit(
            form=parse_application(doc), via="api", actor="clerk", client="t", at=RECEIVED
        )
        transaction.set_rollback(True)
    assert mail.outbox == []
    assert not models.Notice.objects.exists() and not LetterService.objects.exists()
