"""`openimr corpus recheck` gives the letters ingested before a letter de-identification
changed lost its PDF the same treatment: each published letter that still has a PDF is
read again from it, and one whose de-identification changes it loses the PDF (its link a
404, the warning on the decision and its source file, an audit row, the file gone). A
letter it leaves as it is keeps its PDF; a second run changes nothing; ``--dry-run`` only
names them."""

import json
from pathlib import Path

import pytest
from django.conf import settings

from openimr.audit.models import AuditEvent
from openimr.cli import main
from openimr.decisions.models import Decision, SourceFile
from openimr.decisions.services import corpus_ingest
from openimr.decisions.services.ingest import WITHHELD
from openimr.decisions.services.pdf_copies import pdf_store
from openimr.decisions.services.recheck import corpus_recheck
from openimr.decisions.tests.ingest_files import planted_letter, real_pdfs

pytestmark = pytest.mark.django_db
PLANTED = "CM16-0999991"


def _as_before_the_rule(number: str, data: bytes) -> None:
    """What an ingest before the rule stored: the letter with its PDF, and no warning."""
    decision = Decision.objects.get(case_number=number)
    decision.letter_path = pdf_store(data, decision.content_sha256)
    decision.warnings = [w for w in decision.warnings if w != WITHHELD]
    decision.save()
    for source in SourceFile.objects.filter(decision=decision):
        source.warnings = [w for w in source.warnings if w != WITHHELD]
        source.save()


@pytest.fixture
def old_corpus(tmp_path: Path) -> str:
    planted = planted_letter(PLANTED)
    (tmp_path / "planted.pdf").write_bytes(planted)
    (tmp_path / "clean.pdf").write_bytes(real_pdfs(2)[1].read_bytes())
    corpus_ingest([tmp_path], actor="test", workers=1)
    _as_before_the_rule(PLANTED, planted)
    return Decision.objects.get(case_number=PLANTED).letter_path


def test_a_letter_its_de_identification_changes_loses_its_pdf(
    client, old_corpus, django_capture_on_commit_callbacks
):
    assert client.get(f"/decisions/{PLANTED}/letter.pdf").status_code == 200  # as before

    with django_capture_on_commit_callbacks(execute=True):  # the file goes once committed
        summary = corpus_recheck(actor="test", workers=1)

    assert (summary.checked, summary.withheld) == (2, [PLANTED])
    decision = Decision.objects.get(case_number=PLANTED)
    assert decision.letter_path == "" and WITHHELD in decision.warnings
    assert all(WITHHELD in s.warnings for s in SourceFile.objects.filter(decision=decision))
    assert client.get(f"/decisions/{PLANTED}/letter.pdf").status_code == 404
    assert not (Path(settings.MEDIA_ROOT) / old_corpus).exists()
    event = AuditEvent.objects.get(action="corpus.pdf_withheld")
    assert event.object_id == PLANTED and event.detail["letter_path"] == old_corpus


def test_a_letter_it_leaves_as_it_is_keeps_its_pdf(client, old_corpus):
    clean = real_pdfs(2)[1]
    corpus_recheck(actor="test", workers=1)
    response = client.get(f"/decisions/{clean.stem}/letter.pdf")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == clean.read_bytes()
    assert WITHHELD not in Decision.objects.get(case_number=clean.stem).warnings


def test_a_second_run_changes_nothing(old_corpus):
    corpus_recheck(actor="test", workers=1)
    before = list(Decision.objects.order_by("id").values("letter_path", "warnings"))

    again = corpus_recheck(actor="test", workers=1)

    assert (again.checked, again.withheld) == (1, [])
    assert list(Decision.objects.order_by("id").values("letter_path", "warnings")) == before
    assert AuditEvent.objects.filter(action="corpus.pdf_withheld").count() == 1


def test_a_dry_run_names_the_letters_and_writes_nothing(old_corpus):
    summary = corpus_recheck(actor="test", workers=1, dry_run=True)
    assert summary.withheld == [PLANTED]
    assert Decision.objects.get(case_number=PLANTED).letter_path == old_corpus
    assert (Path(settings.MEDIA_ROOT) / old_corpus).is_file()
    assert not AuditEvent.objects.filter(action="corpus.pdf_withheld").exists()


def test_a_missing_pdf_is_named_and_left_as_it_is(old_corpus):
    (Path(settings.MEDIA_ROOT) / old_corpus).unlink()
    summary = corpus_recheck(actor="test", workers=1)
    assert (summary.checked, summary.missing, summary.withheld) == (1, [PLANTED], [])
    assert Decision.objects.get(case_number=PLANTED).letter_path == old_corpus


def test_the_command_prints_its_summary(old_corpus, capsys):
    assert main(["corpus", "recheck", "--workers", "1", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["checked"] == 2 and out["withheld"] == [PLANTED] and not out["dry_run"]
    assert main(["corpus", "recheck", "--workers", "1"]) == 0
    assert "checked 1 published letters with a PDF; withheld the PDF of 0" in (
        capsys.readouterr().out
    )


def test_the_command_refuses_a_bad_worker_count_and_writes_nothing(old_corpus, capsys):
    assert main(["corpus", "recheck", "--workers", "0"]) == 2
    assert "--workers: must be 1 or more" in capsys.readouterr().err
    assert Decision.objects.get(case_number=PLANTED).letter_path == old_corpus


def test_a_pdf_an_interrupted_run_left_behind_is_removed_by_the_next(
    old_corpus, django_capture_on_commit_callbacks
):
    # The letter lost its PDF and the run ended before the file went (killed after the
    # commit): nothing points to the file, and the letter has no PDF left to read again.
    corpus_recheck(actor="test", workers=1)
    assert (Path(settings.MEDIA_ROOT) / old_corpus).is_file()

    with django_capture_on_commit_callbacks(execute=True):
        again = corpus_recheck(actor="test", workers=1)

    assert not (Path(settings.MEDIA_ROOT) / old_corpus).exists()
    assert (again.withheld, again.left_behind) == ([], [old_corpus])
    assert AuditEvent.objects.filter(action="corpus.pdf_withheld").count() == 1


def test_the_command_names_the_file_it_removed_as_left_behind(old_corpus, capsys):
    corpus_recheck(actor="test", workers=1)  # the file's removal never ran
    assert main(["corpus", "recheck", "--workers", "1"]) == 0
    out = capsys.readouterr().out
    assert f"removed the withheld PDF an earlier run left behind: {old_corpus}" in out
    assert not (Path(settings.MEDIA_ROOT) / old_corpus).exists()


def test_a_file_a_letter_still_names_is_never_removed_as_left_behind(old_corpus):
    corpus_recheck(actor="test", workers=1)
    Decision.objects.filter(case_number=PLANTED).update(letter_path=old_corpus)  # named again

    again = corpus_recheck(actor="test", workers=1)

    assert again.left_behind == []
    assert (Path(settings.MEDIA_ROOT) / old_corpus).is_file()
