"""Each `openimr corpus ingest` run is one audit event, `corpus.ingest_run`: the paths it
was given (absolute), what it found, stored, failed and skipped, how it ended, and the
account that ran the command. The letters it reads can carry PHI, and it writes the
corpus from them; a run that only skipped (nothing new) or was interrupted is recorded
too, and paths refused before anything is read record nothing."""

import getpass
import json
from pathlib import Path

import pytest

from openimr.audit.models import AuditEvent
from openimr.cli import main
from openimr.decisions.models import Decision
from openimr.decisions.services import corpus_ingest
from openimr.decisions.tests.ingest_files import generated_texts

pytestmark = pytest.mark.django_db
RUN = "corpus.ingest_run"


@pytest.fixture
def letters(tmp_path: Path) -> Path:
    folder = tmp_path / "letters"
    folder.mkdir()
    for number, text in generated_texts(5, seed=31):
        (folder / f"{number}.txt").write_text(text, encoding="utf-8")
    return folder


def _runs() -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=RUN).order_by("pk"))


def test_the_command_records_its_run_with_paths_counts_and_account(letters, capsys):
    extra = letters.parent / "one.txt"
    extra.write_text(generated_texts(1, seed=32)[0][1], encoding="utf-8")

    assert main(["corpus", "ingest", str(letters), str(extra), "--json"]) == 0

    (run,) = _runs()
    assert (run.actor_label, run.object_type, run.object_id) == ("cli", "corpus", "letters")
    assert run.detail == {
        "paths": [str(letters), str(extra)],
        "paths_given": 2,
        "found": 6,
        "parsed": 6,
        "failed": 0,
        "skipped": 0,
        "ended": "finished",
        "os_user": getpass.getuser(),
    }
    assert json.loads(capsys.readouterr().out)["parsed"] == 6


def test_a_rerun_that_stores_nothing_is_recorded_too(letters):
    corpus_ingest([letters], actor="test")
    corpus_ingest([letters], actor="test")

    first, second = _runs()
    assert (first.detail["parsed"], second.detail["parsed"]) == (5, 0)
    assert second.detail["skipped"] == 5
    assert AuditEvent.objects.filter(action="corpus.ingested").count() == 1  # batches stored


def test_an_interrupted_run_is_recorded_with_what_it_stored(letters):
    reads = []

    def interrupt_at_the_fourth() -> None:
        reads.append(1)
        if len(reads) == 4:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        corpus_ingest([letters], actor="test", batch=2, on_read=interrupt_at_the_fourth)

    (run,) = _runs()
    assert run.detail["ended"] == "interrupted"
    assert run.detail["parsed"] == Decision.objects.count() == 2  # the first batch, kept


def test_a_relative_path_is_recorded_absolute(letters, monkeypatch):
    monkeypatch.chdir(letters.parent)
    corpus_ingest(["letters"], actor="test")
    assert _runs()[0].detail["paths"] == [str(letters)]


def test_a_path_refused_before_reading_records_nothing(tmp_path, capsys):
    assert main(["corpus", "ingest", str(tmp_path / "nowhere")]) == 2
    assert "nowhere" in capsys.readouterr().err
    assert _runs() == []
