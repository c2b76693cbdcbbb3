"""A file that is not a panel CSV (a PDF, another spreadsheet, a header with no rows) is
refused with what is wrong, imports nothing, and is not reported as "0 imported, 0
rejected" (found in a QA pass)."""

import io

import pytest

from openimr.core.errors import InvalidInput
from openimr.reviewers import services
from openimr.reviewers.models import Reviewer
from openimr.reviewers.tests.test_panel_pages import HEADER

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("%PDF-1.7\n\x00\x01binary\n", "line 1"),
        ("case_number,treatment\nCM16-0000001,MRI\n", "line 1"),
        ("", "line 1"),
        (f"{HEADER}\n", "line 2"),
    ],
)
def test_the_import_refuses_a_file_that_holds_no_panel(text, where):
    with pytest.raises(InvalidInput) as refused:
        services.reviewers_import_csv(text=text, actor="test")
    assert refused.value.problems[0].path == where
    assert Reviewer.objects.count() == 0


def test_the_page_says_nothing_was_imported_and_why(client, staff_client):
    upload = io.BytesIO(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    upload.name = "panel.pdf"
    response = client.post("/reviewers/import/", {"panel": upload})
    assert response.status_code == 422
    body = response.content.decode()
    assert "Nothing was imported" in body and "is not a panel CSV header" in body
    assert "0</strong> imported" not in body


def test_a_file_past_the_upload_limit_is_refused_naming_the_limit(client, staff_client, settings):
    settings.OPENIMR_UPLOAD_MAX_BYTES = 1_000
    upload = io.BytesIO((HEADER + "\n").encode() * 50)
    upload.name = "panel.csv"
    response = client.post("/reviewers/import/", {"panel": upload})
    assert response.status_code == 422
    assert "panel: the file is over 1,000 bytes; the limit is 1,000" in response.content.decode()
    assert Reviewer.objects.count() == 0
