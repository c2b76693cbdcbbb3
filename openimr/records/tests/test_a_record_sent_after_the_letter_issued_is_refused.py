"""Once the Final Determination Letter has issued, no reviewer reads the case file again: the
letter binds the parties (LC 4610.6(g)), a correction never changes a decision, and an
appeal's new review is a case of its own (LC 4610.6(h), (i)). A new record is refused with
a Conflict that says when the case was decided, on the web and over the service alike, and
nothing is stored; the same file sent again still answers with the record already on file."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from openimr.cases.selectors import case_row
from openimr.core.errors import Conflict
from openimr.letters.services import letter_issue
from openimr.records.models import Record
from openimr.records.tests.receiving import PROGRESS_NOTE, pdf_of, stored_files

pytestmark = pytest.mark.django_db
NUMBER = "CM16-0400101"  # decided on 10/24/2016
LATE = ("Supplemental report", "Written after the determination.")


@pytest.fixture
def issued(case):
    letter_issue(case_number=NUMBER, actor="qa")
    return case_row(NUMBER)


def test_a_new_record_is_refused_saying_when_the_case_was_decided(receive, issued, settings):
    with pytest.raises(Conflict) as refused:
        receive(*LATE, case=issued)
    assert str(refused.value).startswith(f"case {NUMBER} was decided on 10/24/2016")
    assert "records are no longer accepted" in str(refused.value)
    assert Record.objects.count() == 0
    assert stored_files(settings.MEDIA_ROOT) == []


def test_a_file_received_before_the_letter_answers_as_already_on_file(receive, case):
    first = receive(*PROGRESS_NOTE)
    letter_issue(case_number=NUMBER, actor="qa")
    again = receive(*PROGRESS_NOTE, case=case_row(NUMBER))
    assert (again.pk, again.replayed) == (first.pk, True)
    assert Record.objects.count() == 1


def _upload(client, text):
    upload = SimpleUploadedFile("late.pdf", pdf_of(*text), "application/pdf")
    return client.post(
        f"/records/{NUMBER}/upload/", {"file": upload, "submitted_by": "employee"}, follow=True
    )


def test_the_web_upload_is_refused_with_409_and_the_reason(client, staff_client, issued):
    response = _upload(client, LATE)
    assert response.status_code == 409
    assert "was decided on 10/24/2016" in response.content.decode()
    assert Record.objects.count() == 0


def test_the_case_file_page_says_records_are_closed_instead_of_offering_the_upload(
    client, staff_client, issued
):
    body = client.get(f"/records/{NUMBER}/").content.decode()
    assert 'id="records-closed"' in body and "no longer accepted" in body
    assert f"/records/{NUMBER}/upload/" not in body


def test_before_the_letter_the_page_offers_the_upload(client, staff_client, case):
    body = client.get(f"/records/{NUMBER}/").content.decode()
    assert f"/records/{NUMBER}/upload/" in body and 'id="records-closed"' not in body
