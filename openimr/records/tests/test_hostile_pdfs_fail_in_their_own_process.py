"""A PDF that would exhaust memory, run too long or crash the reader is read in a child
process: the upload is refused with the reason, nothing is stored, and the server process
carries on and reads the next file."""

import os

import pytest

from openimr.audit.models import AuditEvent
from openimr.core.errors import InvalidInput
from openimr.records.models import Record
from openimr.records.tests.hostile import decompression_bomb
from openimr.records.tests.receiving import pdf_of, stored_files

pytestmark = pytest.mark.django_db


def _refused(receive, settings, data: bytes) -> str:
    with pytest.raises(InvalidInput) as caught:
        receive(data=data)
    assert Record.objects.count() == 0
    assert stored_files(settings.MEDIA_ROOT) == []
    assert not AuditEvent.objects.filter(object_type="record").exists()
    [problem] = caught.value.problems
    assert problem.path == "$.content_base64"
    return problem.message


def _server_carries_on(receive) -> None:
    record = receive("A progress note that arrives after the hostile file.")
    assert record.status == "extracted"
    assert record.page_count == 1


def test_a_decompression_bomb_is_refused_naming_the_memory_limit(receive, settings):
    settings.OPENIMR_PDF_MEMORY_MB = 160
    bomb = decompression_bomb(1000)  # 1 MB on disk, 1 GB once unpacked
    assert len(bomb) < 2 * 1024 * 1024
    message = _refused(receive, settings, bomb)
    assert message == "the PDF needed more than 160 MB of memory"
    _server_carries_on(receive)


def test_a_pdf_that_takes_too_long_is_refused_naming_the_time_limit(receive, settings):
    settings.OPENIMR_PDF_TIMEOUT_SECONDS = 0.2
    settings.OPENIMR_PDF_MEMORY_MB = 4096
    message = _refused(receive, settings, decompression_bomb(1000))
    assert message == "the PDF could not be read within 0.2 s"
    settings.OPENIMR_PDF_TIMEOUT_SECONDS = 30
    _server_carries_on(receive)


@pytest.mark.parametrize(
    "damage",
    [
        lambda good: good[: len(good) // 2],
        lambda good: (
            b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n"
        ),
        lambda good: b"%PDF-1.7\n" + os.urandom(4096),
    ],
    ids=["cut in half", "no page tree", "random after the header"],
)
def test_a_malformed_pdf_is_refused_and_the_next_file_is_read(receive, settings, damage):
    bad = damage(pdf_of("A note."))
    with pytest.raises(InvalidInput) as caught:
        receive(data=bad)
    assert caught.value.problems[0].message.startswith("the PDF ")
    assert Record.objects.count() == 0
    _server_carries_on(receive)


def test_the_memory_limit_leaves_room_for_an_ordinary_record(receive, settings):
    settings.OPENIMR_PDF_MEMORY_MB = 160
    record = receive(*(f"Page {n} of a long ordinary record. " * 40 for n in range(60)))
    assert record.page_count == 60
