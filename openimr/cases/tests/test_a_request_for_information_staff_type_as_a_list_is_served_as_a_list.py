"""What staff type on the request page ("printed on the request as written") reaches the party
served as they typed it: the notice's PDF and HTML, rebuilt from its frozen facts, keep each
line of a numbered list on its own line."""

import pypdfium2 as pdfium
import pytest

from openimr.cases import models

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("intake_day")]
TYPED = "1. The written UR decision of March 1, 2024.\r\n2. The Request for Authorization."


def _served(client, row) -> str:
    """The notice URL of the request staff file on the page, typing the list."""
    url = f"/cases/{row.case_number}/information/request/"
    client.post(url, {"party": "claims_administrator", "text": TYPED})
    notice = models.Notice.objects.get(case=row, kind="information_request")
    return f"/cases/{row.case_number}/notice.pdf?id={notice.pk}"


def test_the_served_pdf_prints_each_line_typed_on_its_own_line(client, staff_client, deferred):
    pdf = client.get(_served(client, deferred)).content
    text = "\n".join(p.get_textpage().get_text_range() for p in pdfium.PdfDocument(pdf))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    first = lines.index("1. The written UR decision of March 1, 2024.")
    assert lines[first + 1] == "2. The Request for Authorization."


def test_the_served_html_breaks_the_lines_typed(client, staff_client, deferred):
    html = client.get(_served(client, deferred) + "&format=html").content.decode()
    assert (
        "1. The written UR decision of March 1, 2024.<br>2. The Request for Authorization." in html
    )
