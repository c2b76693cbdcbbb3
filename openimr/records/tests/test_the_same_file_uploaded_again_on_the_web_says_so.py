"""Uploading a file already in the case file adds nothing (docs/records.md); the form then
shows the first record, and says so, so that staff do not take it for a new record under
another name and sender."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from openimr.records.models import Record
from openimr.records.tests.receiving import PROGRESS_NOTE, pdf_of

pytestmark = pytest.mark.django_db


def _upload(client, case, name, sender):
    upload = SimpleUploadedFile(name, pdf_of(*PROGRESS_NOTE), "application/pdf")
    return client.post(
        f"/records/{case.case_number}/upload/",
        {"file": upload, "submitted_by": sender},
        follow=True,
    )


def test_the_second_upload_lands_on_the_first_record_with_a_notice(client, staff_client, case):
    first = _upload(client, case, "note.pdf", "employee")
    assert "already in the case file" not in first.content.decode()
    again = _upload(client, case, "again.pdf", "claims_administrator")
    body = again.content.decode()
    record = Record.objects.get()
    assert again.redirect_chain[-1][0] == f"/records/{case.case_number}/{record.pk}/"
    assert "This file is already in the case file" in body
    assert "as note.pdf. It was not added again." in body
