"""A file past OPENIMR_UPLOAD_MAX_BYTES sent through a staff form (a scanned case file of a
gigabyte) is dropped as it streams in, not first written whole to the server's temporary
folder, and the form says so at its file field, naming the limit; nothing is stored
(the application form's UR decision PDF: openimr/cases/tests)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from openimr.records.models import Record
from openimr.records.tests.receiving import pdf_of, stored_files

pytestmark = pytest.mark.django_db
LIMIT = 2_000
SAID = "the file is over 2,000 bytes; the limit is 2,000"


@pytest.fixture(autouse=True)
def _small_limit(settings):
    settings.OPENIMR_UPLOAD_MAX_BYTES = LIMIT


def big_pdf() -> bytes:
    """A real PDF past LIMIT."""
    data = pdf_of("A long scanned record. " * 400)
    assert len(data) > LIMIT
    return data


def test_a_record_past_the_limit_is_refused_at_its_field(client, staff_client, case, settings):
    upload = SimpleUploadedFile("scan.pdf", big_pdf(), "application/pdf")
    response = client.post(
        f"/records/{case.case_number}/upload/", {"file": upload, "submitted_by": "employee"}
    )
    assert response.status_code == 422
    assert response.context["form"].errors["file"] == [SAID]
    assert Record.objects.count() == 0 and stored_files(settings.MEDIA_ROOT) == []
