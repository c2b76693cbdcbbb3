"""Mail service: staff see the letters to print for parties served by mail, download each,
and mark it printed; a second mark is refused with a message and changes nothing."""

from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from openimr.audit.models import AuditEvent
from openimr.letters.models import IssuedLetter, LetterService
from openimr.letters.services import letter_issue
from openimr.review.tests.conftest import CASE, login

pytestmark = pytest.mark.django_db
QUEUE = "/review/print-queue/"
# Where staff mailed a party with no postal address on file (required to mark it printed).
MAILED = {"postal_address": "1 Capitol Mall, Sacramento, CA 95814"}


@pytest.fixture
def mailed(in_qa):
    letter_issue(case_number=CASE, actor="qa-doc")
    return LetterService.objects.filter(method=LetterService.MAIL).order_by("pk")


def test_the_queue_lists_each_party_served_by_mail(client, cast, mailed):
    body = login(client, cast.clerk).get(QUEUE).content.decode()
    assert mailed.count() >= 2
    for row in mailed:
        assert row.party_name in body
    assert "Final Determination Letter" in body
    assert "Claims administrator" in body


def test_the_queued_letter_downloads_as_the_issued_pdf(client, cast, mailed):
    row = mailed.first()
    response = login(client, cast.clerk).get(f"{QUEUE}{row.pk}/letter.pdf")
    assert response.status_code == 200
    # No postal address on file (no application): the letter as issued, with no address block.
    issued = IssuedLetter.objects.get(case__case_number=CASE)
    assert response.content == (Path(settings.MEDIA_ROOT) / issued.pdf_path).read_bytes()
    event = AuditEvent.objects.get(action="letter.downloaded", actor_label="clerk")
    assert (event.object_id, event.detail["service"]) == (CASE, row.pk)


def test_marking_printed_takes_the_letter_off_the_queue_and_is_audited(client, cast, mailed):
    row = mailed.first()
    response = login(client, cast.clerk).post(f"{QUEUE}{row.pk}/printed/", MAILED, follow=True)
    row.refresh_from_db()
    assert row.printed_at is not None and row.printed_by == "clerk"
    assert "Marked printed" in response.content.decode()
    assert f'action="{QUEUE}{row.pk}/printed/"' not in response.content.decode()
    event = AuditEvent.objects.get(action="letter.printed")
    assert (event.actor_label, event.object_id, event.detail["service"]) == ("clerk", CASE, row.pk)


def test_a_second_mark_is_refused_with_a_message_and_changes_nothing(client, cast, mailed):
    row = mailed.first()
    login(client, cast.clerk).post(f"{QUEUE}{row.pk}/printed/", MAILED)
    row.refresh_from_db()
    first = (row.printed_at, row.printed_by)
    response = client.post(f"{QUEUE}{row.pk}/printed/", MAILED, follow=True)
    row.refresh_from_db()
    assert "was already marked printed on" in response.content.decode()
    assert (row.printed_at, row.printed_by) == first
    assert AuditEvent.objects.filter(action="letter.printed").count() == 1
    assert client.get(f"{QUEUE}{row.pk}/letter.pdf").status_code == 404


def test_an_e_mailed_service_cannot_be_marked_printed(client, cast, mailed):
    row = mailed.first()
    LetterService.objects.filter(pk=row.pk).update(method=LetterService.EMAIL)
    response = login(client, cast.clerk).post(f"{QUEUE}{row.pk}/printed/", MAILED, follow=True)
    assert "served by e-mail: there is nothing to print" in response.content.decode()
    row.refresh_from_db()
    assert row.printed_at is None


def test_no_such_service_is_404(client, cast, mailed):
    assert login(client, cast.clerk).post(f"{QUEUE}999999/printed/").status_code == 404


def test_marking_needs_a_post_with_the_csrf_token(cast, mailed):
    row = mailed.first()
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(cast.clerk)
    assert browser.get(f"{QUEUE}{row.pk}/printed/").status_code == 405
    assert browser.post(f"{QUEUE}{row.pk}/printed/").status_code == 403
    row.refresh_from_db()
    assert row.printed_at is None


@pytest.mark.parametrize("who", ["reviewer", "qa"])
def test_reviewers_and_qa_cannot_see_or_mark_the_queue(client, cast, mailed, who):
    row = mailed.first()
    login(client, getattr(cast, who))
    assert client.get(QUEUE).status_code == 404
    assert client.post(f"{QUEUE}{row.pk}/printed/").status_code == 404
    row.refresh_from_db()
    assert row.printed_at is None
