"""A HEAD request runs the same view as a GET and answers with the record's file name and
size (the name often carries the employee's), so it is a look at the case file like any
other and leaves its audit row, as the case and letter pages do."""

import pytest

from openimr.audit.models import AuditEvent
from openimr.records.tests.receiving import PROGRESS_NOTE

pytestmark = pytest.mark.django_db


def test_head_on_a_records_file_its_page_and_the_case_file_is_audited(
    client, staff_client, receive, case
):
    record = receive(*PROGRESS_NOTE, filename="Łukasiewicz progress note.pdf")
    base = f"/records/{case.case_number}"
    response = client.head(f"{base}/{record.pk}/file.pdf")
    assert response.status_code == 200
    assert "ukasiewicz" in response["Content-Disposition"]
    assert client.head(f"{base}/{record.pk}/").status_code == 200
    assert client.head(f"{base}/").status_code == 200
    looks = AuditEvent.objects.filter(actor_label="clerk").order_by("id")
    assert [(e.action, e.detail.get("method")) for e in looks][-3:] == [
        ("record.downloaded", "HEAD"),
        ("record.viewed", "HEAD"),
        ("case_file.viewed", "HEAD"),
    ]
