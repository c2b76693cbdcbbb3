"""Notices are served as letters are: the parties with no e-mail address are queued for
printing, and the print queue lists each notice beside the letters (what it is, the case,
the party, the day served), opens the notice's PDF, and marks it printed once, audited."""

from datetime import UTC, datetime, timedelta

import pytest

from openimr.audit.models import AuditEvent
from openimr.cases import services
from openimr.cases.intake_schema import parse_application
from openimr.letters import selectors as letters
from openimr.letters.models import LetterService
from openimr.review.tests.conftest import login

pytestmark = pytest.mark.django_db
QUEUE = "/review/print-queue/"
# Where staff mailed a party with no postal address on file (required to mark it printed).
MAILED = {"postal_address": "1 Capitol Mall, Sacramento, CA 95814"}
AT = datetime(2024, 3, 20, 17, 0, tzinfo=UTC)


@pytest.fixture
def assigned(application_doc, django_capture_on_commit_callbacks):
    """An eligible case whose Notice of Assignment went out: the employee gave an e-mail
    address, the claims administrator and the requesting physician none."""
    with django_capture_on_commit_callbacks(execute=True):
        row = services.application_submit(
            form=parse_application(application_doc), via="api", actor="clerk", client="t", at=AT
        ).application.case
        services.case_assign(row=row, actor="clerk", at=AT + timedelta(days=1))
    return row


def _queued(row, role):
    return LetterService.objects.get(
        notice__case=row, notice__kind="noarfi", party_role=role, method="mail"
    )


def test_the_queue_lists_each_notice_mailed_with_its_case_party_and_day(client, cast, assigned):
    body = login(client, cast.clerk).get(QUEUE).content.decode()
    assert "Notice of Assignment and Request for Information" in body
    for role in ("claims_administrator", "requesting_physician"):
        row = _queued(assigned, role)
        assert row.party_name in body
        assert f'action="{QUEUE}{row.pk}/printed/"' in body
    assert assigned.case_number in body
    assert "Claims administrator" in body and "Requesting physician" in body
    assert _queued(assigned, "claims_administrator").served_on.strftime("%m/%d/%Y") in body


def test_the_emailed_party_is_not_in_the_queue(client, cast, assigned):
    emailed = LetterService.objects.get(notice__kind="noarfi", party_role="employee")
    assert (emailed.method, emailed.sent_at is not None) == ("email", True)
    body = login(client, cast.clerk).get(QUEUE).content.decode()
    assert f"{QUEUE}{emailed.pk}/printed/" not in body


def test_the_queued_notice_opens_as_its_pdf_and_the_download_is_audited(client, cast, assigned):
    row = _queued(assigned, "claims_administrator")
    body = login(client, cast.clerk).get(QUEUE).content.decode()
    link = f"{QUEUE}{row.pk}/notice.pdf"
    assert link in body
    response = client.get(link)
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert AuditEvent.objects.filter(
        action="notice.downloaded", object_id=assigned.case_number, detail__for="print"
    ).exists()


def test_marking_a_notice_printed_is_audited_and_a_second_mark_is_refused(client, cast, assigned):
    row = _queued(assigned, "requesting_physician")
    response = login(client, cast.clerk).post(f"{QUEUE}{row.pk}/printed/", MAILED, follow=True)
    row.refresh_from_db()
    assert (row.printed_by, row.printed_at is not None) == ("clerk", True)
    assert "Marked printed: Notice of Assignment and Request for Information" in (
        response.content.decode()
    )
    event = AuditEvent.objects.get(action="notice.printed")
    assert (event.object_id, event.detail["service"], event.detail["notice"]) == (
        assigned.case_number,
        row.pk,
        row.notice_id,
    )
    again = client.post(f"{QUEUE}{row.pk}/printed/", MAILED, follow=True).content.decode()
    assert "the notice for the requesting physician was already marked printed on" in again
    assert AuditEvent.objects.filter(action="notice.printed").count() == 1


def test_a_notices_service_is_not_listed_as_a_letters(assigned):
    # The case and QA pages list each letter's service; a notice's is the notice's own.
    assert letters.services_by_letter(assigned.case_number) == []
    assert LetterService.objects.filter(notice__case=assigned).count() == 3
