"""The claims administrator's records are due 15 days after a mailed Notice of Assignment and
12 days after one sent electronically (8 CCR 9792.10.5(a)(1)). The notice's service on the
claims administrator must say the same method the case's records clock counts from, and that
method is how the notice actually went: by e-mail only to an address on file, by mail
otherwise, including when the e-mail fails or the mailing is printed on a later day."""

import copy
from datetime import UTC, date, datetime

import pytest
from django.core import mail

from openimr.cases import services
from openimr.cases.clocks import deadlines_for
from openimr.cases.domain.application import ServiceMethod
from openimr.cases.intake_schema import parse_application
from openimr.letters.models import LetterService
from openimr.letters.services import letter_service_mark_printed

pytestmark = pytest.mark.django_db
RECEIVED = datetime(2024, 3, 20, 17, 0, tzinfo=UTC)
ASSIGNED = datetime(2024, 3, 21, 16, 0, tzinfo=UTC)
CLAIMS = "claims@example.org"


def _case(doc, *, claims_email=""):
    doc = copy.deepcopy(doc)
    if claims_email:
        doc["claims_administrator"]["email"] = claims_email
    return services.application_submit(
        form=parse_application(doc), via="api", actor="clerk", client="t", at=RECEIVED
    ).application.case


def _assign(row, method, capture):
    with capture(execute=True):
        notice = services.case_assign(row=row, actor="clerk", method=method, at=ASSIGNED)
    row.refresh_from_db()
    return notice, LetterService.objects.get(notice=notice, party_role="claims_administrator")


def _records_due(row):
    return next(d.due for d in deadlines_for(row) if d.name == "records_due")


def test_a_notice_of_assignment_to_an_address_on_file_is_emailed_and_counts_12_days(
    application_doc, django_capture_on_commit_callbacks
):
    row = _case(application_doc, claims_email=CLAIMS)
    notice, service = _assign(row, ServiceMethod.ELECTRONIC, django_capture_on_commit_callbacks)
    assert (row.noarfi_method, service.method, service.address) == ("electronic", "email", CLAIMS)
    assert service.sent_at is not None
    sent = [m for m in mail.outbox if m.to == [CLAIMS]]
    assert [m.attachments[0][0] for m in sent] == [f"{row.case_number}-noarfi.pdf"]
    assert _records_due(row) == date(2024, 4, 2)  # 12 days after March 21
    assert "April 2, 2024" in notice.text


def test_the_claims_administrator_with_no_address_is_mailed_and_counts_15_days(
    application_doc, django_capture_on_commit_callbacks
):
    row = _case(application_doc)
    notice, service = _assign(row, ServiceMethod.ELECTRONIC, django_capture_on_commit_callbacks)
    assert (row.noarfi_method, service.method, service.printed_at) == ("mail", "mail", None)
    assert _records_due(row) == date(2024, 4, 5)  # 15 days after March 21
    assert "April 5, 2024" in notice.text


def test_a_notice_of_assignment_chosen_to_be_mailed_is_mailed_despite_an_address(
    application_doc, django_capture_on_commit_callbacks
):
    row = _case(application_doc, claims_email=CLAIMS)
    _, service = _assign(row, ServiceMethod.MAIL, django_capture_on_commit_callbacks)
    assert (row.noarfi_method, service.method) == ("mail", "mail")
    assert not [m for m in mail.outbox if m.to == [CLAIMS]]


def test_a_failed_email_moves_the_records_clock_to_the_mailed_15_days(
    application_doc, django_capture_on_commit_callbacks, monkeypatch
):
    row = _case(application_doc, claims_email=CLAIMS)

    def refuse(self, fail_silently=False):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    _, service = _assign(row, ServiceMethod.ELECTRONIC, django_capture_on_commit_callbacks)
    assert (row.noarfi_method, service.method) == ("mail", "mail")
    assert "mail server down" in service.error
    assert _records_due(row) == date(2024, 4, 5)


def test_a_notice_of_assignment_printed_days_later_counts_from_its_mailing(
    application_doc, django_capture_on_commit_callbacks, time_machine
):
    row = _case(application_doc)
    _, service = _assign(row, ServiceMethod.ELECTRONIC, django_capture_on_commit_callbacks)
    time_machine.move_to(datetime(2024, 3, 25, 18, 0, tzinfo=UTC))
    letter_service_mark_printed(
        service_id=service.pk, actor="clerk", postal_address="1 Capitol Mall, Sacramento"
    )
    row.refresh_from_db()
    assert _records_due(row) == date(2024, 4, 9)  # 15 days after the March 25 mailing


def test_the_screening_notices_reach_the_claims_administrator_by_email_only_at_an_address(
    application_doc,
):
    del application_doc["ur_decision_document"]
    row = _case(application_doc)
    service = row.notices.get(kind="ineligible").services.get(party_role="claims_administrator")
    assert service.method == "mail"
    other = copy.deepcopy(application_doc)
    other["claim_number"] = "ANOTHER-1"
    row = _case(other, claims_email=CLAIMS)
    service = row.notices.get(kind="ineligible").services.get(party_role="claims_administrator")
    assert (service.method, service.address) == ("email", CLAIMS)
