"""A record page with no text layer (a scanned image, or a blank page) says so on the record
page instead of showing an empty box, so a reviewer knows to read it in the PDF (found in
a QA pass)."""

import pytest

from openimr.records.models import RecordPage
from openimr.records.tests.receiving import PROGRESS_NOTE

pytestmark = pytest.mark.django_db


def test_an_empty_page_says_it_holds_no_text(client, staff_client, receive, case):
    record = receive(*PROGRESS_NOTE, filename="note.pdf")
    page = RecordPage.objects.filter(record=record).order_by("number").first()
    page.text = "  \n"
    page.save()
    body = client.get(f"/records/{case.case_number}/{record.pk}/").content.decode()
    assert "This page holds no text (a scanned image, or blank)" in body
