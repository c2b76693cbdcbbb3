"""A database served notices before they were served as letters are (cases.NoticeService):
the upgrade moves each of those rows to a service row naming its notice, keeping what it
recorded. An "electronic" row was never e-mailed, so it becomes an e-mail not sent (and says
why when there was no address); the employee's row keeps the postal address on file."""

from datetime import UTC, datetime, timedelta

import pytest

from openimr.cases import services
from openimr.cases.intake_schema import parse_application
from openimr.letters.models import LetterService
from tests.migrating import back_at, migrate_to

BEFORE = [("cases", "0007_choices_read_as_the_pages_label_them"),
          ("letters", "0004_letter_service_deadlines_from_mailing")]  # fmt: skip
AT = datetime(2024, 3, 20, 17, 0, tzinfo=UTC)


@pytest.mark.django_db(transaction=True)
def test_each_old_notice_service_becomes_a_service_row_of_its_notice(application_doc):
    row = services.application_submit(
        form=parse_application(application_doc), via="api", actor="clerk", client="t", at=AT
    ).application.case
    services.case_assign(row=row, actor="clerk", at=AT + timedelta(days=1))
    notice_id = row.notices.get(kind="noarfi").pk
    with back_at(BEFORE) as old:
        old.get_model("letters", "LetterService").objects.all().delete()
        NoticeService = old.get_model("cases", "NoticeService")
        for role, name, method in [
            ("employee", "Rosa Delgado", "electronic"),
            ("claims administrator", "State Compensation Insurance Fund", "electronic"),
            ("requesting physician", "Dr. Alan Whitcomb", "mail"),
        ]:
            NoticeService.objects.create(
                notice_id=notice_id, party_role=role, party_name=name, method=method,
                served_on=AT.date(),
            )  # fmt: skip
        migrate_to(None)
    moved = {s.party_role: s for s in LetterService.objects.filter(notice_id=notice_id)}
    assert set(moved) == {"employee", "claims_administrator", "requesting_physician"}
    employee, payer = moved["employee"], moved["claims_administrator"]
    assert (employee.method, employee.address, employee.sent_at) == (
        "email",
        "rosa.delgado@example.org",
        None,
    )
    assert employee.postal_address == "1200 K Street, Sacramento, CA 95814"
    assert (payer.method, payer.address, payer.error) == ("email", "", "no e-mail address on file")
    assert payer.status == "not sent: no e-mail address on file"
    assert moved["requesting_physician"].method == "mail"
    assert moved["requesting_physician"].needs_address


@pytest.mark.django_db(transaction=True)
def test_a_downgrade_leaves_no_notice_row_reading_as_a_letters(application_doc):
    row = services.application_submit(
        form=parse_application(application_doc), via="api", actor="clerk", client="t", at=AT
    ).application.case
    services.case_assign(row=row, actor="clerk", at=AT + timedelta(days=1))
    assert LetterService.objects.exclude(notice=None).exists()
    with back_at(BEFORE) as old:
        assert not old.get_model("letters", "LetterService").objects.exists()
        migrate_to(None)
