"""A party served by mail needs a postal address. The application collects one for the
employee only, so a notice mailed to another party (or to an employee who gave none) is not
silently "served": the print queue and the case timeline say no address is on file, and the
print queue shows the employee's address to mail to. Marking such a party's copy printed
needs the address staff mailed it to, which is kept with the service."""

import copy
from datetime import UTC, datetime, timedelta

import pytest

from openimr.audit.models import AuditEvent
from openimr.cases import services
from openimr.cases.intake_schema import parse_application
from openimr.core.errors import InvalidInput
from openimr.letters.models import LetterService
from openimr.letters.services import letter_service_mark_printed
from openimr.review.tests.conftest import login

pytestmark = pytest.mark.django_db
QUEUE = "/review/print-queue/"
AT = datetime(2024, 3, 20, 17, 0, tzinfo=UTC)
NO_ADDRESS = "No postal address on file: find one before mailing"


def _assigned(doc):
    row = services.application_submit(
        form=parse_application(doc), via="api", actor="clerk", client="t", at=AT
    ).application.case
    services.case_assign(row=row, actor="clerk", at=AT + timedelta(days=1))
    return row


def _service(row, role):
    return LetterService.objects.get(notice__case=row, notice__kind="noarfi", party_role=role)


def test_the_employee_with_no_email_is_mailed_at_the_address_given(client, cast, application_doc):
    doc = copy.deepcopy(application_doc)
    del doc["employee"]["email"]
    row = _assigned(doc)
    employee = _service(row, "employee")
    assert (employee.method, employee.postal_address) == (
        "mail",
        "1200 K Street, Sacramento, CA 95814",
    )
    assert not employee.needs_address
    body = login(client, cast.clerk).get(QUEUE).content.decode()
    assert "1200 K Street, Sacramento, CA 95814" in body


def test_a_party_with_neither_email_nor_address_is_flagged_in_the_queue_and_timeline(
    client, cast, application_doc
):
    row = _assigned(application_doc)
    physician = _service(row, "requesting_physician")
    assert physician.needs_address and "no postal address on file" in physician.status
    login(client, cast.clerk)
    queue = client.get(QUEUE).content.decode()
    assert queue.count(NO_ADDRESS) == 2  # the requesting physician and the claims administrator
    timeline = client.get(f"/cases/{row.case_number}/timeline/").content.decode()
    assert "requesting physician by mail" in timeline
    assert "no postal address on file" in timeline


def test_a_party_served_by_email_needs_no_postal_address(application_doc):
    row = _assigned(application_doc)
    employee = _service(row, "employee")
    assert employee.method == "email" and not employee.needs_address


def test_marking_printed_without_saying_where_it_was_mailed_is_refused(
    client, cast, application_doc
):
    row = _assigned(application_doc)
    physician = _service(row, "requesting_physician")
    body = login(client, cast.clerk).get(QUEUE).content.decode()
    assert f'id="mailed-to-{physician.pk}"' in body and "Mailed to" in body
    response = client.post(f"{QUEUE}{physician.pk}/printed/", follow=True)
    assert "no postal address is on file for the requesting physician" in (
        response.content.decode()
    )
    physician.refresh_from_db()
    assert (physician.printed_at, physician.postal_address) == (None, "")
    assert not AuditEvent.objects.filter(action="notice.printed").exists()


def test_the_address_staff_mailed_it_to_is_kept_and_the_party_is_served(
    client, cast, application_doc
):
    row = _assigned(application_doc)
    physician = _service(row, "requesting_physician")
    where = {"postal_address": "  45 Clinic Way\nFresno, CA 93701 "}
    login(client, cast.clerk).post(f"{QUEUE}{physician.pk}/printed/", where)
    physician.refresh_from_db()
    assert physician.postal_address == "45 Clinic Way\nFresno, CA 93701"
    assert (physician.needs_address, physician.status) == (False, "printed")
    event = AuditEvent.objects.get(action="notice.printed")
    assert event.detail["address_found_by_staff"] is True


def test_an_address_longer_than_a_postal_address_is_refused(application_doc):
    row = _assigned(application_doc)
    physician = _service(row, "requesting_physician")
    with pytest.raises(InvalidInput) as caught:
        letter_service_mark_printed(
            service_id=physician.pk, actor="clerk", postal_address="x" * 501
        )
    assert [p.path for p in caught.value.problems] == ["$.postal_address"]
    physician.refresh_from_db()
    assert physician.printed_at is None
