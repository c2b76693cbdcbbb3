"""A record whose stored PDF is gone from the media folder (a restore without the files, a
disk fault) answers its download with a 404 that says so, not a server error (found in a
QA pass)."""

from pathlib import Path

import pytest
from django.conf import settings

from openimr.records.tests.receiving import PROGRESS_NOTE

pytestmark = pytest.mark.django_db


def test_the_download_of_a_missing_file_says_it_is_missing(client, staff_client, receive, case):
    record = receive(*PROGRESS_NOTE, filename="note.pdf")
    (Path(settings.MEDIA_ROOT) / record.file_path).unlink()
    response = client.get(f"/records/{case.case_number}/{record.pk}/file.pdf")
    assert response.status_code == 404
    assert "is missing from the media folder" in response.content.decode()
