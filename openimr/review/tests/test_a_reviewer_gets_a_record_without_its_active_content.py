"""The reviewer's PDF of a record carrying scripts or attached files is a copy without them,
and the record page says what the original carries; the original never reaches the
reviewer's machine (staff keep it in the case file)."""

import hashlib

import pytest

from openimr.cases.selectors import case_row
from openimr.demo.services import REVIEW_CASE, demo_load
from openimr.demo.tests.conftest import demo_login
from openimr.records.services import Party, Via, record_receive
from openimr.records.tests import active_pdfs

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_reviewer_reads_the_copy_and_is_told_why():
    demo_load()
    original = active_pdfs.scripts()
    record = record_receive(
        case=case_row(REVIEW_CASE),
        data=original,
        filename="summary.pdf",
        submitted_by=Party.EMPLOYEE,
        via=Via.UPLOAD,
        actor="clerk",
    )
    client, _ = demo_login("reviewer")
    page = client.get(f"/review/{REVIEW_CASE}/records/{record.pk}/").content.decode()
    assert "This PDF contains JavaScript (2 scripts). The PDF opened here is a copy" in page
    url = f"/review/{REVIEW_CASE}/records/{record.pk}/file.pdf"
    head = client.head(url)  # answered without making the copy: no length known yet
    assert head.status_code == 200 and "Content-Length" not in head
    assert head["Content-Disposition"] == 'inline; filename="summary.pdf"'
    response = client.get(url)
    served = b"".join(response.streaming_content)
    assert client.head(url)["Content-Length"] == str(len(served))
    assert response.status_code == 200 and served.startswith(b"%PDF-")
    assert hashlib.sha256(served).hexdigest() != record.sha256
    assert b"/JavaScript" not in served and b"/OpenAction" not in served
    assert client.get(f"/records/{REVIEW_CASE}/{record.pk}/original.pdf").status_code == 404
