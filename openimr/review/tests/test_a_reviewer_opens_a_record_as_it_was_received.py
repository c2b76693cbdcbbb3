"""The reviewer opens a record's PDF from its page in the workspace: a scanned record has no
text to read page by page, and the workspace had offered no way to its images. It is a copy
of the pages as received, without scripts or attached files (docs/decisions/0011). Each
opening is audited on the record; a record outside the case file is refused, audited."""

from pathlib import Path

import pytest
from django.conf import settings

from openimr.audit.models import AuditEvent
from openimr.demo.services import REVIEW_CASE, demo_load
from openimr.demo.tests.conftest import demo_login
from openimr.records.models import Record
from openimr.records.pdf import pdf_read

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo() -> None:
    demo_load()


def test_the_record_page_links_to_the_pdf_of_its_pages_and_it_opens(demo):
    record = Record.objects.filter(case__case_number=REVIEW_CASE).first()
    client, _ = demo_login("reviewer")
    page = client.get(f"/review/{REVIEW_CASE}/records/{record.pk}/").content.decode()
    url = f"/review/{REVIEW_CASE}/records/{record.pk}/file.pdf"
    assert f'href="{url}"' in page
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    stored = (Path(settings.MEDIA_ROOT) / record.file_path).read_bytes()
    served = b"".join(response.streaming_content)
    assert pdf_read(served, path="$").pages == pdf_read(stored, path="$").pages
    event = AuditEvent.objects.filter(action="record.downloaded").latest("id")
    assert (event.object_type, event.object_id) == ("record", str(record.pk))
    assert event.detail["case_number"] == REVIEW_CASE


def test_a_record_of_another_case_is_refused_and_audited(demo):
    other = Record.objects.exclude(case__case_number=REVIEW_CASE).first()
    client, _ = demo_login("reviewer")
    response = client.get(f"/review/{REVIEW_CASE}/records/{other.pk}/file.pdf")
    assert response.status_code == 404
    refused = AuditEvent.objects.filter(action="record.downloaded.refused").latest("id")
    assert refused.object_id == str(other.pk)
