"""An upload that is not a readable PDF is refused at once, naming the field and the reason
(for a decompression bomb, the limit it passed), and nothing is stored: no record, no file,
no audit row, no queued task."""

import io

import pytest
from reportlab.lib import pdfencrypt
from reportlab.pdfgen import canvas

from openimr.audit.models import AuditEvent
from openimr.core.errors import InvalidInput
from openimr.records import pdf
from openimr.records.models import Record
from openimr.records.tests.receiving import pdf_of, stored_files

pytestmark = pytest.mark.django_db


def _encrypted() -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, encrypt=pdfencrypt.StandardEncryption("secret", canPrint=0))
    page.drawString(72, 720, "locked")
    page.save()
    return buffer.getvalue()


def _blank_pages(count: int) -> bytes:
    buffer = io.BytesIO()
    sheet = canvas.Canvas(buffer, invariant=1)
    for _ in range(count):
        sheet.showPage()
    sheet.save()
    return buffer.getvalue()


def _refused(receive, settings, **given) -> InvalidInput:
    with pytest.raises(InvalidInput) as caught:
        receive(**given)
    assert Record.objects.count() == 0
    assert stored_files(settings.MEDIA_ROOT) == []
    assert not AuditEvent.objects.filter(object_type="record").exists()
    return caught.value


BAD_FILES = [
    (b"", "the file is empty"),
    (b"hello world", "not a PDF"),
    (b"%PDF-1.4\ngarbage", "cannot be opened: it is damaged or unreadable"),
    (_encrypted(), "cannot be opened: it is encrypted"),
]


@pytest.mark.parametrize(
    ("data", "message"), BAD_FILES, ids=["empty", "not a pdf", "damaged", "encrypted"]
)
def test_a_file_that_cannot_be_read_is_refused(receive, settings, data, message):
    error = _refused(receive, settings, data=data)
    assert error.problems[0].path == "$.content_base64"
    assert message in error.problems[0].message


def test_a_file_over_the_size_limit_is_refused(receive, settings):
    settings.OPENIMR_UPLOAD_MAX_BYTES = 100
    error = _refused(receive, settings, data=pdf_of("A short note."))
    assert "the limit is 100" in error.problems[0].message


def test_a_pdf_of_too_many_pages_is_refused_naming_the_page_limit(receive, settings):
    error = _refused(receive, settings, data=_blank_pages(pdf.MAX_PAGES + 1))
    assert error.problems[0].message == "the PDF has 2,001 pages; the limit is 2,000 pages"


def test_a_pdf_whose_text_unpacks_past_the_limit_is_refused_naming_it(
    receive, settings, monkeypatch
):
    monkeypatch.setattr(pdf, "MAX_CHARACTERS", 40)
    error = _refused(receive, settings, data=pdf_of("Short first page.", "x" * 60))
    assert error.problems[0].message.startswith("the PDF's text reaches")
    assert "by page 2; the limit is 40 characters" in error.problems[0].message


@pytest.mark.parametrize(
    ("given", "path"),
    [
        ({"filename": ""}, "$.filename"),
        ({"filename": "folder/"}, "$.filename"),
        ({"filename": "x" * 256 + ".pdf"}, "$.filename"),
        ({"filename": "bell\x07.pdf"}, "$.filename"),
        ({"filename": "scans/.."}, "$.filename"),
        ({"filename": "."}, "$.filename"),
        ({"submitted_by": "neighbour"}, "$.submitted_by"),
    ],
    ids=[
        "empty name",
        "folder only",
        "long name",
        "control character",
        "parent folder",
        "this folder",
        "unknown sender",
    ],
)
def test_a_bad_name_or_sender_is_refused(receive, settings, given, path):
    error = _refused(receive, settings, data=pdf_of("A short note."), **given)
    assert [p.path for p in error.problems] == [path]
