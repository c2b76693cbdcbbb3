"""A file name over 255 characters is refused by the upload form, naming the file and the
limit, as the API refuses it (docs/records.md). Django cuts a sent file's name to 255
characters before the view sees it, so the form stored the record under a name the sender
never gave it ("...report-2014-02-19.pdf" became "...report-2014-02"), and said nothing."""

import io

import pytest

from openimr.audit.models import AuditEvent
from openimr.records.models import Record
from openimr.records.tests.receiving import PROGRESS_NOTE, pdf_of, stored_files

pytestmark = pytest.mark.django_db


def _upload(client, case, name):
    sent = io.BytesIO(pdf_of(*PROGRESS_NOTE))
    sent.name = name  # not an UploadedFile, which would cut the name before sending it
    return client.post(
        f"/records/{case.case_number}/upload/", {"file": sent, "submitted_by": "employee"}
    )


def test_a_name_over_the_limit_is_refused_naming_it_and_nothing_is_stored(
    client, staff_client, case, settings
):
    name = "Valley Spine progress report " + "x" * 250 + " 2014-02-19.pdf"
    response = _upload(client, case, name)
    body = response.content.decode()
    assert response.status_code == 422
    assert f"is {len(name):,} characters long; the limit is 255 characters" in body
    assert "Valley Spine progress report xxxxxxxxxxx" in body
    assert Record.objects.count() == 0
    assert stored_files(settings.MEDIA_ROOT) == []
    assert not AuditEvent.objects.filter(action="record.received").exists()


def test_a_name_of_exactly_the_limit_is_kept_whole(client, staff_client, case):
    name = "a" * 251 + ".pdf"
    response = _upload(client, case, name)
    assert response.status_code == 302
    assert Record.objects.get().filename == name
