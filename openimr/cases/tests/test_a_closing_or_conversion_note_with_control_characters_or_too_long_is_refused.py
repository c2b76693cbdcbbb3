"""The note that withdraws, terminates or converts a case to expedited is the timeline's
and the audit trail's record of why: it is held to the rule of the other texts staff
write (an override's reason, an information request). A control character (a NUL, which
PostgreSQL cannot store, failed the action with a server error there; it is now refused
before any page, openimr.core.middleware), a text-direction control, or more than 2,000
characters is refused with the reason on the page, and the case stays as it was, its
clocks running."""

import pytest

from openimr.audit.models import AuditEvent
from openimr.cases import models
from openimr.cases.tests.test_intake_pages import form_data, upload

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("intake_day")]


@pytest.fixture
def number(client, staff_client):
    client.post("/cases/new/", {**form_data(), "ur_decision_document": upload()})
    return models.Case.objects.get().case_number


@pytest.mark.parametrize("action", ["withdraw", "terminate", "convert"])
@pytest.mark.parametrize(
    ("note", "said"),
    [
        ("Withdrawn by phone\x1b[2J", "the note must not contain control characters"),
        ("Authorized \u202eMRI", "the note must not contain text-direction controls"),
        ("x" * 2001, "the note is 2001 characters; at most 2000 characters"),
    ],
    ids=["escape", "direction", "too-long"],
)
def test_a_bad_note_is_refused_and_the_case_stays_as_it_was(client, number, action, note, said):
    events = AuditEvent.objects.count()
    response = client.post(f"/cases/{number}/action/", {"action": action, "note": note})
    written = [e.action for e in AuditEvent.objects.order_by("id")[events:]]
    assert written == ["case.action"]  # the attempt, nothing done
    assert said in client.get(response.url).content.decode()
    row = models.Case.objects.get()
    assert (row.state, row.priority) == ("eligible", "standard")
    assert row.next_due_at is not None


@pytest.mark.parametrize("action", ["withdraw", "convert"])
def test_a_note_of_several_lines_is_taken(client, number, action):
    note = "Dr. Whitcomb certified an imminent threat.\r\nFaxed on March 20."
    client.post(f"/cases/{number}/action/", {"action": action, "note": note})
    row = models.Case.objects.get()
    assert (row.state, row.priority) != ("eligible", "standard")
