"""A text letter that needs more memory than a reader may use fails as an unreadable text
file, not as an "unreadable PDF" (with more than one worker, text is read in the readers
too, and the reason used to call every file a PDF)."""

import pytest

from openimr.decisions.models import SourceFile
from openimr.decisions.services import corpus_ingest
from openimr.decisions.tests.ingest_files import generated_texts

pytestmark = pytest.mark.django_db


def test_a_text_letter_past_the_memory_limit_fails_as_a_text_file(tmp_path, settings):
    settings.OPENIMR_PDF_MEMORY_MB = 160
    _, text = generated_texts(1, seed=5)[0]
    huge = tmp_path / "huge.txt"
    huge.write_text(text * (40 * 1024 * 1024 // len(text)), encoding="utf-8")
    summary = corpus_ingest([huge], actor="test", workers=2)
    assert summary.failed == 1
    assert SourceFile.objects.get().error == (
        "unreadable text file: it needed more than 160 MB of memory"
    )
