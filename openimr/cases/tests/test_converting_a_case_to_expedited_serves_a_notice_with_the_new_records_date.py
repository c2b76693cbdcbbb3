"""Converting a review to expedited (8 CCR 9792.10.4(c)) moves the records deadline earlier;
the parties hold a Notice of Assignment with the regular date, so each is served a notice of
the conversion giving the new one (by e-mail where it gave an address, by mail otherwise).
Once the records are in, the notice says so instead of giving a date."""

from datetime import UTC, datetime

import pytest
from django.core import mail

from openimr.audit.models import AuditEvent
from openimr.cases import services
from openimr.cases.intake_schema import parse_application
from openimr.core.errors import InvalidInput

pytestmark = pytest.mark.django_db
RECEIVED = datetime(2024, 3, 20, 17, 0, tzinfo=UTC)
ASSIGNED = datetime(2024, 3, 21, 16, 0, tzinfo=UTC)
CONVERTED = datetime(2024, 3, 22, 16, 0, tzinfo=UTC)  # 09:00 in California
NOTE = "Dr. Whitcomb certified an imminent threat"


@pytest.fixture
def assigned(application_doc):
    row = services.application_submit(
        form=parse_application(application_doc), via="api", actor="clerk", client="t", at=RECEIVED
    ).application.case
    services.case_assign(row=row, actor="clerk", at=ASSIGNED)
    return row


def _convert(row, capture):
    with capture(execute=True):
        services.case_convert_expedited(row=row, actor="clerk", note=NOTE, at=CONVERTED)
    return row.notices.get(kind="converted")


def _words(notice):
    return " ".join(notice.text.split())


def test_the_conversion_notice_gives_the_records_due_date_the_clock_now_counts_to(
    assigned, django_capture_on_commit_callbacks
):
    assert "April 5, 2024" in assigned.notices.get(kind="noarfi").text  # mailed: 15 days
    notice = _convert(assigned, django_capture_on_commit_callbacks)
    assert notice.title == "Notice of Conversion to Expedited Review"
    # 24 hours after the conversion, not the Notice of Assignment's April 5.
    assert "by March 23, 2024 at 09:00 Pacific time, not by the date that notice gave" in (
        _words(notice)
    )
    assert "Review: Expedited" in notice.text


def test_every_party_is_served_the_conversion_notice(assigned, django_capture_on_commit_callbacks):
    notice = _convert(assigned, django_capture_on_commit_callbacks)
    served = {s.party_role: s.method for s in notice.services.all()}
    assert served == {
        "employee": "email",
        "claims_administrator": "mail",
        "requesting_physician": "mail",
    }
    sent = [m for m in mail.outbox if "Conversion to Expedited Review" in m.subject]
    assert [m.to for m in sent] == [["rosa.delgado@example.org"]]
    assert sent[0].attachments[0][0] == f"{assigned.case_number}-converted.pdf"
    assert any(
        e.detail.get("notice") == "converted"
        for e in AuditEvent.objects.filter(object_id=assigned.case_number)
    )


def test_once_the_records_are_in_the_notice_gives_no_records_date(
    assigned, django_capture_on_commit_callbacks
):
    services.case_records_complete(
        row=assigned, actor="clerk", at=datetime(2024, 3, 22, 15, tzinfo=UTC)
    )
    notice = _convert(assigned, django_capture_on_commit_callbacks)
    assert "The records have been received" in _words(notice)
    assert "now due sooner" not in _words(notice)


def test_a_refused_conversion_sends_no_notice(assigned, django_capture_on_commit_callbacks):
    with pytest.raises(InvalidInput, match="certification"):
        services.case_convert_expedited(row=assigned, actor="clerk", note=" ", at=CONVERTED)
    assert not assigned.notices.filter(kind="converted").exists()
