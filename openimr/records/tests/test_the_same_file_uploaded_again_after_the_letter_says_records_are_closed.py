"""The same file uploaded again once the letter has issued still lands on the record already
on file, but the notice also says that the case takes no new records (LC 4610.6(g)): else
staff read the page as if the case file were still open."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from openimr.letters.services import letter_issue
from openimr.records.models import Record
from openimr.records.tests.receiving import PROGRESS_NOTE, pdf_of

pytestmark = pytest.mark.django_db
NUMBER = "CM16-0400101"


def _upload(client):
    upload = SimpleUploadedFile("note.pdf", pdf_of(*PROGRESS_NOTE), "application/pdf")
    return client.post(
        f"/records/{NUMBER}/upload/", {"file": upload, "submitted_by": "employee"}, follow=True
    )


def test_the_notice_says_when_it_was_received_and_that_records_are_closed(
    client, staff_client, case
):
    _upload(client)
    letter_issue(case_number=NUMBER, actor="qa")
    body = _upload(client).content.decode()
    assert Record.objects.count() == 1
    assert re.search(r"already in the case file: it was received on \d\d/\d\d/\d{4}", body)
    assert "was decided on 10/24/2016" in body
    assert "records are no longer accepted" in body


def test_before_the_letter_the_notice_does_not_say_records_are_closed(client, staff_client, case):
    _upload(client)
    body = _upload(client).content.decode()
    assert "already in the case file" in body
    assert "no longer accepted" not in body
