"""A request for eligibility information e-mailed to the party asked whose e-mail fails is
mailed instead, and a mailed request printed on a later day is served that day: either way
the party's 5 business days count as for mail, 5 days longer, from the mailing
(8 CCR 9792.10.3(c); CCP 1013(a)). The employee's copy moves no clock."""

import copy
from datetime import UTC, date, datetime

import pytest

from openimr.cases import services
from openimr.cases.clocks import open_deadlines
from openimr.cases.tests.conftest import filed
from openimr.letters.services import letter_service_mark_printed

pytestmark = pytest.mark.django_db
RECEIVED = datetime(2024, 3, 20, 17, 0, tzinfo=UTC)  # Wednesday, 10 a.m. in California
DOCTOR = "office@clinic.example"


@pytest.fixture
def deferred(application_doc):
    doc = copy.deepcopy(application_doc)
    doc["requesting_physician"]["email"] = DOCTOR
    return filed(doc, at=RECEIVED, disputed_other_than_medical_necessity=True)


def _ask(row, party, capture):
    with capture(execute=True):
        return services.case_information_request(
            row=row, party=party, text="Your chart note.", actor="clerk", at=RECEIVED
        )


def _due(row):
    row.refresh_from_db()
    return [(d.name, d.due) for d in open_deadlines(row)]


def _refuse(address, monkeypatch):
    def send(self, fail_silently=False):
        if self.to == [address]:
            raise ConnectionRefusedError("mailbox unavailable")
        return 1

    monkeypatch.setattr("django.core.mail.EmailMessage.send", send)


def test_a_failed_email_to_the_party_asked_gives_it_the_mail_days(
    deferred, django_capture_on_commit_callbacks, monkeypatch
):
    _refuse(DOCTOR, monkeypatch)
    notice = _ask(deferred, "requesting_physician", django_capture_on_commit_callbacks)
    assert notice.services.get(party_role="requesting_physician").method == "mail"
    deferred.refresh_from_db()
    assert deferred.information_method == "mail"
    assert _due(deferred) == [("eligibility_information_due", date(2024, 4, 2))]


def test_a_failed_copy_to_the_employee_moves_no_clock(
    deferred, django_capture_on_commit_callbacks, monkeypatch
):
    _refuse("rosa.delgado@example.org", monkeypatch)
    notice = _ask(deferred, "requesting_physician", django_capture_on_commit_callbacks)
    assert notice.services.get(party_role="employee").method == "mail"
    assert _due(deferred) == [("eligibility_information_due", date(2024, 3, 27))]


def test_a_request_printed_on_a_later_day_counts_from_that_mailing(
    deferred, django_capture_on_commit_callbacks, time_machine
):
    notice = _ask(deferred, "claims_administrator", django_capture_on_commit_callbacks)
    mailed = notice.services.get(party_role="claims_administrator")
    time_machine.move_to(datetime(2024, 3, 22, 18, tzinfo=UTC), tick=False)  # Friday
    letter_service_mark_printed(
        service_id=mailed.pk, actor="clerk", postal_address="P.O. Box 420807, San Francisco, CA"
    )
    # From Friday March 22: 5 business days to the 29th, 5 days more to Wednesday April 3.
    assert _due(deferred) == [("eligibility_information_due", date(2024, 4, 3))]
