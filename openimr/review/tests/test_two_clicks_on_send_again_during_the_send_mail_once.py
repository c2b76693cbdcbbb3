"""A "send again" while the first send is still mailing: the second click found the row not yet
sent and mailed the letter a second time. The send is now claimed in one conditional UPDATE
before the e-mail goes; a second click is told the e-mail is being sent now."""

import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.db import connection

from openimr.cases.models import Case
from openimr.core.clock import now
from openimr.core.errors import Conflict
from openimr.letters.models import SENDING_CLAIM, LetterService
from openimr.letters.services import letter_issue, letter_service_send_again
from openimr.review.tests.conftest import CASE, application_of, login

ADDRESS = "claims@example.org"
WAIT = 30


def _unsent(capture) -> LetterService:
    """The letter issued, the claims administrator's e-mail never sent (the step after the
    commit dropped, as a server stopped then drops it)."""
    row = Case.objects.get(case_number=CASE)
    application_of(employee_name=row.employee_name or "", claims_administrator_email=ADDRESS)
    with capture(execute=False):
        letter_issue(case_number=CASE, actor="qa-doc")
    return LetterService.objects.get(party_role="claims_administrator")


class SlowServer(EmailBackend):
    """A mail server that holds each message until the test lets it go."""

    mailing = threading.Event()
    release = threading.Event()

    def send_messages(self, messages):  # type: ignore[no-untyped-def]
        SlowServer.mailing.set()
        assert SlowServer.release.wait(WAIT)
        return super().send_messages(messages)


@pytest.mark.django_db
def test_a_click_while_another_step_is_mailing_is_told_it_is_being_sent(
    client, cast, in_qa, django_capture_on_commit_callbacks
):
    unsent = _unsent(django_capture_on_commit_callbacks)
    LetterService.objects.filter(pk=unsent.pk).update(sending_since=now())
    with django_capture_on_commit_callbacks(execute=True):
        response = login(client, cast.clerk).post(f"/review/services/{unsent.pk}/send-again/")
    shown = client.get(response["Location"]).content.decode()
    assert "the e-mail to the claims administrator is being sent now" in shown
    assert not mail.outbox
    assert "being sent now" in client.get(f"/cases/{CASE}/").content.decode()


@pytest.mark.django_db
def test_a_claim_of_a_step_that_stopped_long_ago_is_sent_again(
    client, cast, in_qa, django_capture_on_commit_callbacks
):
    unsent = _unsent(django_capture_on_commit_callbacks)
    stopped = now() - SENDING_CLAIM - timedelta(seconds=1)
    LetterService.objects.filter(pk=unsent.pk).update(sending_since=stopped)
    with django_capture_on_commit_callbacks(execute=True):
        login(client, cast.clerk).post(f"/review/services/{unsent.pk}/send-again/")
    unsent.refresh_from_db()
    assert [m.to for m in mail.outbox] == [[ADDRESS]]
    assert (unsent.sent_at is not None, unsent.sending_since) == (True, None)


def _click(service_id: int, outcome: dict[str, str], who: str) -> None:
    try:
        letter_service_send_again(service_id=service_id, actor="clerk")
        outcome[who] = "sent"
    except Conflict as exc:
        outcome[who] = str(exc)
    finally:
        connection.close()  # the thread's own connection


@pytest.mark.django_db(transaction=True)
def test_two_clicks_on_two_connections_during_the_send_mail_once(
    cast, in_qa, settings, django_capture_on_commit_callbacks
):
    if connection.vendor != "postgresql":
        pytest.skip("two connections at once: PostgreSQL (SQLite's test database is in memory)")
    unsent = _unsent(django_capture_on_commit_callbacks)
    # Committed for real, the issue's own step ran: its e-mail is taken back as never sent.
    LetterService.objects.filter(pk=unsent.pk).update(sent_at=None, delivered_to="")
    mail.outbox.clear()
    settings.EMAIL_BACKEND = f"{__name__}.SlowServer"
    SlowServer.mailing.clear()
    SlowServer.release.clear()
    outcome: dict[str, str] = {}
    first = threading.Thread(target=_click, args=(unsent.pk, outcome, "first"))
    first.start()
    try:
        assert SlowServer.mailing.wait(WAIT)  # the first click's e-mail is with the server
        second = threading.Thread(target=_click, args=(unsent.pk, outcome, "second"))
        second.start()
        second.join(WAIT)
    finally:
        SlowServer.release.set()
        first.join(WAIT)
    assert outcome == {
        "first": "sent",
        "second": "the e-mail to the claims administrator is being sent now: nothing was "
        "sent again",
    }
    assert [m.to for m in mail.outbox] == [[ADDRESS]]
    unsent.refresh_from_db()
    assert (unsent.sent_at is not None, unsent.sending_since) == (True, None)
