"""A party's e-mail service is written with the issue and sent once the issue commits. When
the server stops in between (a restart, a deploy), the row stayed "not sent" for ever: not
sent, not in the print queue, the party never served (LC 4610.6(f)). Staff now see it said
so on the case page and send it again; a send that fails again goes to the print queue."""

import copy
from datetime import UTC, datetime

import pytest
from django.core import mail

from openimr.audit.models import AuditEvent
from openimr.cases import services
from openimr.cases.intake_schema import parse_application
from openimr.cases.models import Case
from openimr.letters.models import LetterService
from openimr.letters.services import letter_issue
from openimr.review.tests.conftest import CASE, application_of, login

pytestmark = pytest.mark.django_db
ADDRESS = "claims@example.org"
RECEIVED = datetime(2024, 3, 20, 17, 0, tzinfo=UTC)


@pytest.fixture
def unsent(in_qa, django_capture_on_commit_callbacks) -> LetterService:
    """The letter issued and committed, its e-mail never sent: the callbacks that run after
    the commit are dropped, as a server stopped at that moment drops them."""
    row = Case.objects.get(case_number=CASE)
    application_of(employee_name=row.employee_name or "", claims_administrator_email=ADDRESS)
    with django_capture_on_commit_callbacks(execute=False):
        letter_issue(case_number=CASE, actor="qa-doc")
    return LetterService.objects.get(party_role="claims_administrator")


def _send_again(client, row):
    return client.post(f"/review/services/{row.pk}/send-again/")


def test_an_email_that_never_went_out_says_so_and_offers_to_send_it(client, cast, unsent):
    assert (unsent.method, unsent.sent_at) == ("email", None)
    page = login(client, cast.clerk).get(f"/cases/{CASE}/").content.decode()
    assert "not sent: the e-mail did not go out; send it again" in page
    assert f'action="/review/services/{unsent.pk}/send-again/"' in page


def test_staff_send_it_again_and_the_party_is_served(
    client, cast, unsent, django_capture_on_commit_callbacks
):
    assert not mail.outbox
    with django_capture_on_commit_callbacks(execute=True):
        response = _send_again(login(client, cast.clerk), unsent)
    assert response.status_code == 302
    assert response["Location"] == f"/cases/{CASE}/"
    unsent.refresh_from_db()
    assert unsent.sent_at is not None
    assert [m.to for m in mail.outbox] == [[ADDRESS]]
    assert mail.outbox[0].attachments[0][0] == f"{CASE}-FDL.pdf"
    event = AuditEvent.objects.get(action="letter.service.sent_again")
    assert (event.object_id, event.detail["service"]) == (CASE, unsent.pk)


def test_an_email_sent_already_is_not_sent_twice(
    client, cast, unsent, django_capture_on_commit_callbacks
):
    login(client, cast.clerk)
    with django_capture_on_commit_callbacks(execute=True):
        _send_again(client, unsent)
    with django_capture_on_commit_callbacks(execute=True):
        response = _send_again(client, unsent)
    assert len(mail.outbox) == 1
    shown = client.get(response["Location"]).content.decode()
    assert "the e-mail to the claims administrator was sent on" in shown
    assert "nothing was sent again" in shown


def test_a_double_click_before_the_first_send_ran_sends_once(
    client, cast, unsent, django_capture_on_commit_callbacks
):
    login(client, cast.clerk)
    with django_capture_on_commit_callbacks(execute=True):
        _send_again(client, unsent)
        _send_again(client, unsent)
    assert len(mail.outbox) == 1


def test_a_party_served_by_mail_has_nothing_to_send_again(client, cast, unsent):
    mailed = LetterService.objects.get(party_role="employee")
    assert mailed.method == "mail"
    response = _send_again(login(client, cast.clerk), mailed)
    assert response.status_code == 302
    shown = client.get(response["Location"]).content.decode()
    assert "the employee is served by mail: print it from the print queue" in shown
    assert not mail.outbox


def test_a_send_that_fails_again_puts_the_party_in_the_print_queue(
    client, cast, unsent, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = (
        "openimr.review.tests.test_a_letter_email_that_fails_is_served_by_mail.RefusingBackend"
    )
    with django_capture_on_commit_callbacks(execute=True):
        _send_again(login(client, cast.clerk), unsent)
    unsent.refresh_from_db()
    assert (unsent.method, unsent.printed_at) == ("mail", None)
    assert "failed" in unsent.error


@pytest.mark.parametrize("who", ["reviewer", "qa"])
def test_only_staff_send_it_again(client, cast, unsent, who):
    response = _send_again(login(client, getattr(cast, who)), unsent)
    assert response.status_code == 404
    unsent.refresh_from_db()
    assert unsent.sent_at is None


def test_a_service_that_does_not_exist_is_a_404(client, cast, unsent):
    assert client.post("/review/services/999999/send-again/").status_code == 302  # to login
    response = login(client, cast.clerk).post("/review/services/999999/send-again/")
    assert response.status_code == 404


def test_a_notices_email_that_never_went_out_is_sent_again_from_the_timeline(
    client, cast, application_doc, django_capture_on_commit_callbacks
):
    """A notice is served the same way (8 CCR 9792.10.3): its row, on the timeline."""
    doc = copy.deepcopy(application_doc)
    del doc["signature"]  # ineligible: a notice to every party, the employee's by e-mail
    with django_capture_on_commit_callbacks(execute=False):
        filed = services.application_submit(
            form=parse_application(doc), via="api", actor="clerk", client="t", at=RECEIVED
        ).application.case
    row = LetterService.objects.get(notice__case=filed, party_role="employee")
    timeline = f"/cases/{filed.case_number}/timeline/"
    page = login(client, cast.clerk).get(timeline).content.decode()
    assert f'action="/review/services/{row.pk}/send-again/"' in page
    with django_capture_on_commit_callbacks(execute=True):
        response = _send_again(client, row)
    assert response["Location"] == timeline
    assert [m.to for m in mail.outbox] == [[row.address]]
    assert "Notice of Ineligibility" in mail.outbox[0].subject
    assert AuditEvent.objects.filter(action="notice.service.sent_again").count() == 1
