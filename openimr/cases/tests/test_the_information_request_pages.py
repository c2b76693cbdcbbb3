"""The pages staff use to hold a screening for a party's information: ask, record the
answer, record the outcome. Only the staff who may override screening reach them (anyone
else gets the 404 every refused staff page answers, audited); a problem is shown at its
field with 422 and nothing is saved; a held case shows its clock on the timeline and the
work queue."""

from datetime import UTC, datetime

import pytest
import time_machine

from openimr.audit.models import AuditEvent
from openimr.cases import models, services
from openimr.cases.intake_schema import parse_application
from openimr.review.tests.conftest import person

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("intake_day")]
NEED = "Please send the written UR decision of March 1, 2024."


def _url(row, page):
    return f"/cases/{row.case_number}/information/{page}/"


def test_staff_ask_a_party_from_the_timeline_and_see_the_case_held(client, staff_client, deferred):
    timeline = client.get(f"/cases/{deferred.case_number}/timeline/").content.decode()
    assert _url(deferred, "request") in timeline
    form = client.get(_url(deferred, "request")).content.decode()
    assert "Claims administrator: State Compensation Insurance Fund" in form
    assert "Employee's attorney" not in form  # the application names none
    response = client.post(
        _url(deferred, "request"), {"party": "claims_administrator", "text": NEED}, follow=True
    )
    assert response.redirect_chain[-1][0] == f"/cases/{deferred.case_number}/timeline/"
    body = response.content.decode()
    assert "The request for information was served." in body
    assert 'id="held"' in body and "due by 04/02/2024" in body
    assert "Eligibility information from a party" in body
    assert "Request for Information About Eligibility (PDF)" in body
    assert "Record the screening outcome" in body
    assert _url(deferred, "received") in body
    assert "case.information_requested" in body and NEED in body
    deferred.refresh_from_db()
    assert deferred.state == "screening"
    done = AuditEvent.objects.filter(action="case.action", object_id=deferred.case_number)
    assert done.get().detail["action"] == "information_request"
    notice = models.Notice.objects.get(kind="information_request")
    pdf = client.get(f"/cases/{deferred.case_number}/notice.pdf", {"id": notice.pk})
    assert pdf.content.startswith(b"%PDF")
    assert "information_request.pdf" in pdf["Content-Disposition"]


@pytest.mark.parametrize(
    ("data", "field", "said"),
    [
        ({"party": "", "text": NEED}, "party", "choose the party"),
        ({"party": "attorney", "text": NEED}, "party", "not a party the application names"),
        ({"party": "employee", "text": ""}, "text", "write what is needed"),
        ({"party": "employee", "text": "y" * 2001}, "text", "2000 characters"),
        ({"party": "employee", "text": "see \x1b[31mred"}, "text", "control characters"),
        ({"party": "employee", "text": "a\x00b"}, "text", "Null characters are not allowed"),
    ],
)
def test_a_problem_is_shown_at_its_field_and_nothing_is_saved(
    client, staff_client, deferred, data, field, said
):
    response = client.post(_url(deferred, "request"), data)
    assert response.status_code == 422
    body = response.content.decode()
    assert f'data-field="{field}"' in body and said in body
    assert f'aria-describedby="id_{field}_error"' in body
    deferred.refresh_from_db()
    assert deferred.state == "deferred" and deferred.information_requested_at is None
    assert not models.Notice.objects.filter(kind="information_request").exists()
    assert not AuditEvent.objects.filter(action="case.information_requested").exists()


def test_a_case_that_cannot_be_asked_says_why(client, staff_client, application_doc):
    (stored,) = services.applications_receive(
        filings=[
            services.Filing(
                parse_application(application_doc), datetime(2024, 3, 20, 16, tzinfo=UTC)
            )
        ],
        via="api",
        actor="clerk",
        client="test",
    )
    row = stored.case
    assert row.state == "eligible"
    page = client.get(_url(row, "request")).content.decode()
    assert 'id="not-askable"' in page and "<form method" not in page.split("</h1>")[1]
    response = client.post(_url(row, "request"), {"party": "employee", "text": NEED})
    assert response.status_code == 422
    assert "the case is eligible" in response.content.decode()
    assert not models.Notice.objects.filter(kind="information_request").exists()


def test_staff_record_the_answer_then_the_outcome(client, staff_client, deferred):
    client.post(_url(deferred, "request"), {"party": "employee", "text": NEED})
    empty = client.post(_url(deferred, "received"), {"note": ""})
    assert empty.status_code == 422 and "say what was received" in empty.content.decode()
    response = client.post(
        _url(deferred, "received"), {"note": "Faxed by the adjuster."}, follow=True
    )
    body = response.content.decode()
    assert "the answer was recorded on 03/20/2024" in body
    assert "case.information_received" in body and "Faxed by the adjuster." in body
    client.post(
        f"/cases/{deferred.case_number}/action/",
        {"action": "override", "outcome": "eligible", "reason": "Liability accepted."},
    )
    deferred.refresh_from_db()
    assert deferred.state == "eligible" and deferred.next_due_name == "noarfi_due"
    page = client.get(_url(deferred, "received")).content.decode()
    assert 'id="not-awaiting"' in page


def test_the_held_case_is_on_the_work_queue_by_its_clock(client, staff_client, deferred):
    client.post(_url(deferred, "request"), {"party": "employee", "text": NEED})
    queue = client.get("/cases/queue/").content.decode()
    row = queue.split(deferred.case_number, 1)[1].split("</tr>", 1)[0]
    assert "Eligibility information from a party" in row and "03/27/2024" in row
    with time_machine.travel("2024-03-29 17:00Z", tick=False):
        client.force_login(staff_client)  # the session of nine days ago has expired
        overdue = client.get("/cases/queue/", {"status": "overdue"}).content.decode()
    assert deferred.case_number in overdue


@pytest.mark.parametrize("role", ["reviewer", "qa"])
@pytest.mark.parametrize("page", ["request", "received"])
def test_only_staff_reach_the_pages_and_a_refusal_writes_nothing_but_its_audit(
    client, deferred, role, page
):
    client.force_login(person(f"someone-{role}", role))
    assert client.get(_url(deferred, page)).status_code == 404
    data = {"party": "employee", "text": NEED, "note": "Got it."}
    assert client.post(_url(deferred, page), data).status_code == 404
    deferred.refresh_from_db()
    assert deferred.state == "deferred" and deferred.information_requested_at is None
    refused = AuditEvent.objects.filter(action__endswith=".refused", object_id=deferred.case_number)
    assert refused.count() == 2


def test_a_visitor_is_sent_to_log_in(client, deferred):
    response = client.post(_url(deferred, "request"), {"party": "employee", "text": NEED})
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert not models.Notice.objects.filter(kind="information_request").exists()
