"""A record is saved on the reader's machine under a name ending in .pdf, whatever the
sender called it: a PDF sent as "notes.html", saved under that name, opens in a browser as a
web page, and a file can be a PDF and a web page at once."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from openimr.records.selectors import served_filename
from openimr.records.tests import active_pdfs

pytestmark = pytest.mark.django_db

# A PDF that is also a web page: browsers read HTML anywhere in the first bytes.
POLYGLOT = active_pdfs.plain().replace(
    b"%PDF-1.4\n", b"%PDF-1.4\n%<html><script>alert(document.cookie)</script>\n", 1
)


@pytest.mark.parametrize(
    ("sent", "saved"),
    [
        ("notes.html", "notes.html.pdf"),
        ("scan", "scan.pdf"),
        ("Report.PDF", "Report.PDF"),
        ("report.pdf", "report.pdf"),
    ],
)
def test_the_name_given_ends_in_pdf(sent, saved):
    assert served_filename(sent) == saved


def test_a_pdf_sent_as_a_web_page_downloads_as_a_pdf(client, staff_client, case):
    upload = SimpleUploadedFile("notes.html", POLYGLOT, "text/html")
    response = client.post(
        f"/records/{case.case_number}/upload/", {"file": upload, "submitted_by": "employee"}
    )
    assert response.status_code == 302
    copy = client.get(f"{response['Location']}file.pdf")
    assert copy["Content-Disposition"] == 'attachment; filename="notes.html.pdf"'
    assert b"<html>" not in b"".join(copy.streaming_content)  # pdfium's writing of the pages
    original = client.get(f"{response['Location']}original.pdf")
    assert original["Content-Disposition"] == 'attachment; filename="notes.html.pdf"'
    assert original["Content-Type"] == "application/pdf"
    assert b"".join(original.streaming_content) == POLYGLOT
