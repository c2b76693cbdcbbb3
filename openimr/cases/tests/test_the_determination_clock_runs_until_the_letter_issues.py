"""The determination is due in writing within 30 days of the complete records
(LC 4610.6(d)): the reviewer's submit to QA does not meet it, the letter does. A case waiting
in QA had shown "No clock is running" and could never show as overdue; it now keeps its
determination deadline, in the queue's sort column too, until the letter issues."""

from datetime import UTC, datetime

import pytest

from openimr.cases.clocks import open_deadlines
from openimr.cases.models import Case
from openimr.cases.tests.conftest import decided_through_intake
from openimr.letters.services import letter_issue

pytestmark = pytest.mark.django_db
RECEIVED = datetime(2024, 3, 20, 17, 0, tzinfo=UTC)


@pytest.fixture
def in_qa(application_doc) -> Case:
    return decided_through_intake(application_doc, RECEIVED)


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
