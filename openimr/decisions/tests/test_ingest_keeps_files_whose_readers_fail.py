"""When the sandbox readers themselves fail (they cannot be started, say), every file of the
chunk they were sent is stored as failed with the reason, and the ingest finishes: nothing
is dropped, and a later run reads them again only if they are replaced."""

import pytest

from openimr.core import sandbox
from openimr.decisions.models import SourceFile
from openimr.decisions.services import corpus_ingest
from openimr.decisions.tests.ingest_files import real_pdfs

pytestmark = pytest.mark.django_db


def test_files_sent_to_failing_readers_are_stored_as_failed_with_why(tmp_path, monkeypatch):
    for pdf in real_pdfs(3):
        (tmp_path / pdf.name).write_bytes(pdf.read_bytes())

    def refuses(*args, **kwargs):
        raise OSError("no more processes")

    monkeypatch.setattr(sandbox.Readers, "run_each", refuses)
    summary = corpus_ingest([tmp_path], actor="test", workers=2)
    assert (summary.parsed, summary.failed) == (0, 3)
    errors = set(SourceFile.objects.values_list("error", flat=True))
    assert errors == {"OSError: no more processes"}
