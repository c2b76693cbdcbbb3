"""The determination is due in writing within 30 days of the complete records
(LC 4610.6(d)): the reviewer's submit to QA does not meet it, the letter does. A case waiting
in QA had shown "No clock is running" and could never show as overdue; it now keeps its
determination deadline, in the queue's sort column too, until the letter issues."""

from datetime import UTC, datetime, timedelta

import pytest

from openimr.cases import services
from openimr.cases.clocks import open_deadlines
from openimr.cases.intake_schema import parse_application
from openimr.cases.models import Case
from openimr.core.case import Decision
from openimr.letters.services import letter_issue

pytestmark = pytest.mark.django_db
RECEIVED = datetime(2024, 3, 20, 17, 0, tzinfo=UTC)


@pytest.fixture
def in_qa(application_doc) -> Case:
    row = services.application_submit(
        form=parse_application(application_doc), via="api", actor="clerk", client="t", at=RECEIVED
    ).application.case
    services.case_assign(row=row, actor="clerk", at=RECEIVED + timedelta(days=1))
    services.case_records_complete(row=row, actor="clerk", at=RECEIVED + timedelta(days=2))
    services.case_begin_review(row=row, actor="clerk", at=RECEIVED + timedelta(days=3))
    decisions = [(Decision.UPHELD, "Not supported by the guideline.")] * row.items.count()
    services.case_submit_decision(
        row=row, decisions=decisions, actor="reviewer", at=RECEIVED + timedelta(days=4)
    )
    return Case.objects.get(pk=row.pk)


def test_a_case_in_qa_keeps_its_determination_deadline(in_qa):
    assert in_qa.state == "qa"
    assert [d.name for d in open_deadlines(in_qa)] == ["determination_due"]
    assert in_qa.next_due_name == "determination_due"
    assert in_qa.next_due_at is not None


def test_the_issued_letter_meets_it(in_qa):
    letter_issue(case_number=in_qa.case_number, actor="qa")
    issued = Case.objects.get(pk=in_qa.pk)
    assert open_deadlines(issued) == []
    assert (issued.next_due_at, issued.next_due_name) == (None, "")
