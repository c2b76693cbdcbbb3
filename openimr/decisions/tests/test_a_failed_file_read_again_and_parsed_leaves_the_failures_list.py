"""A file that failed (a scan without text, a damaged copy) and is later replaced by one
that parses, at the same path, is no longer a failure: it leaves the staff list and its
count, where it used to stay listed forever. The failed row is kept, marked resolved, and
the batch's audit event counts it, so the trail still says what failed and when."""

import pytest

from openimr.audit.services import AuditEvent
from openimr.decisions.models import Decision, SourceFile
from openimr.decisions.services import corpus_ingest
from openimr.decisions.tests.ingest_files import generated_texts

pytestmark = pytest.mark.django_db
URL = "/decisions/failures/"


@pytest.fixture
def replaced(tmp_path):
    """letter.txt failed, then was replaced by a letter that parses and ingested again."""
    ((case_number, text),) = generated_texts(1)
    letter = tmp_path / "letter.txt"
    letter.write_text("eggs, milk and flour", encoding="utf-8")
    (tmp_path / "shopping.txt").write_text("bread and butter", encoding="utf-8")
    first = corpus_ingest([tmp_path], actor="test")
    assert first.failed == 2
    letter.write_text(text, encoding="utf-8")
    second = corpus_ingest([tmp_path], actor="test")
    assert (second.parsed, second.skipped) == (1, 1)
    return letter, case_number


def test_the_staff_list_no_longer_shows_the_file_that_now_parses(client, staff_client, replaced):
    letter, case_number = replaced
    page = client.get(URL).content.decode()
    assert "1 source file failed" in page
    assert "shopping.txt" in page
    assert str(letter) not in page
    assert "1 earlier failure was resolved" in page
    assert Decision.objects.filter(case_number=case_number).exists()


def test_the_failed_row_stays_marked_resolved_and_the_audit_counts_it(replaced):
    letter, _ = replaced
    failed = SourceFile.objects.get(name=str(letter), status="failed")
    parsed = SourceFile.objects.get(name=str(letter), status="parsed")
    assert failed.resolved_at == parsed.seen_at
    event = AuditEvent.objects.filter(action="corpus.ingested").order_by("id").last()
    assert event is not None and event.detail["resolved"] == 1


def test_a_failure_whose_file_still_fails_stays_listed(client, staff_client, tmp_path):
    (tmp_path / "shopping.txt").write_text("eggs, milk and flour", encoding="utf-8")
    corpus_ingest([tmp_path], actor="test")
    (tmp_path / "shopping.txt").write_text("eggs, milk and sugar", encoding="utf-8")
    corpus_ingest([tmp_path], actor="test")
    page = client.get(URL).content.decode()
    assert "2 source files failed" in page and "resolved" not in page
