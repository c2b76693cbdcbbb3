"""A record that arrives after the reviewer decided but before the letter issues is kept (QA
may return the case to review, and the reviewer then decides with it), but the reviewer has
not seen it and the letter will not list it: staff are told so when they add it, and the
case file page says so before they do. A case still in review gets no such warning."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from openimr.cases.models import Case
from openimr.cases.selectors import case_row
from openimr.records.models import Record
from openimr.records.tests.receiving import PROGRESS_NOTE, pdf_of

pytestmark = pytest.mark.django_db
NUMBER = "CM16-0400101"  # imported decided: its determination waits in QA


def test_the_record_is_kept_with_a_warning_naming_quality_assurance(receive, case):
    assert case.state == "qa"
    record = receive(*PROGRESS_NOTE)
    assert Record.objects.filter(pk=record.pk).exists()
    assert "quality assurance" in record.warning
    assert "the letter will not list it" in record.warning


def test_a_case_in_review_takes_a_record_without_a_warning(receive, case):
    Case.objects.filter(case_number=NUMBER).update(state="in_review")
    assert receive(*PROGRESS_NOTE, case=case_row(NUMBER)).warning == ""


def test_the_web_upload_lands_on_the_record_with_the_warning(client, staff_client, case):
    upload = SimpleUploadedFile("late.pdf", pdf_of(*PROGRESS_NOTE), "application/pdf")
    response = client.post(
        f"/records/{NUMBER}/upload/", {"file": upload, "submitted_by": "employee"}, follow=True
    )
    assert response.status_code == 200
    assert "the reviewer did not see this record" in response.content.decode()


def test_the_case_file_page_warns_before_the_upload(client, staff_client, case):
    body = client.get(f"/records/{NUMBER}/").content.decode()
    assert 'id="records-in-qa"' in body
