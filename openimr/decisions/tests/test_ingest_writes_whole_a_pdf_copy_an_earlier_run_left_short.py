"""A published PDF's stored copy is written whole by the ingest that stores its letter, even
when a copy is already there under its hash: an ingest killed (or a machine that lost power)
before its batch committed can leave one short, since copies are not fsynced, and the rerun
that stores the letter must not point it at that copy."""

import hashlib
from pathlib import Path

import pytest

from openimr.decisions.models import Decision
from openimr.decisions.services import corpus_ingest
from openimr.decisions.services.pdf_copies import FOLDER
from openimr.decisions.tests.ingest_files import real_pdfs

pytestmark = pytest.mark.django_db


def test_a_copy_an_earlier_run_left_short_is_written_whole(tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    [pdf] = real_pdfs(1)
    data = pdf.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    short = Path(settings.MEDIA_ROOT, FOLDER, digest[:2], f"{digest}.pdf")
    short.parent.mkdir(parents=True)
    short.write_bytes(data[: len(data) // 3])
    letters = tmp_path / "letters"
    letters.mkdir()
    (letters / pdf.name).write_bytes(data)

    assert corpus_ingest([letters], actor="test").parsed == 1
    stored = Path(settings.MEDIA_ROOT, Decision.objects.get().letter_path)
    assert stored == short
    assert stored.read_bytes() == data
