"""`openimr corpus ingest` over a folder of real published PDFs, a zip and a text file: every
letter becomes a decision, its PDF is kept once, and a second run adds nothing."""

import json
from pathlib import Path

import pytest

from openimr.audit.models import AuditEvent
from openimr.cli import main
from openimr.decisions.models import Decision, SourceFile
from openimr.decisions.services import corpus_ingest
from openimr.decisions.tests.ingest_files import generated_texts, real_pdfs, write_zip

pytestmark = pytest.mark.django_db


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "letters"
    (folder / "nested").mkdir(parents=True)
    pdfs = real_pdfs(4)
    for pdf in pdfs[:3]:
        (folder / "nested" / pdf.name).write_bytes(pdf.read_bytes())
    (number, text), (other, other_text) = generated_texts(2)
    (folder / f"{number}.txt").write_text(text, encoding="utf-8")
    write_zip(
        folder / "bundle.zip",
        {f"in/{pdfs[3].name}": pdfs[3].read_bytes(), f"{other}.TXT": other_text.encode()},
    )
    (folder / "notes.docx").write_bytes(b"not read: not a letter format")
    return folder


def test_every_letter_in_folders_zips_and_text_files_becomes_a_decision(inputs, capsys):
    assert main(["corpus", "ingest", str(inputs), "--workers", "2", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert (summary["parsed"], summary["failed"], summary["skipped"]) == (6, 0, 0)
    assert sum(summary["by_layout"].values()) == 6
    assert Decision.objects.count() == 6
    numbers = {p.stem for p in real_pdfs(4)}
    assert numbers <= set(Decision.objects.values_list("case_number", flat=True))
    assert SourceFile.objects.filter(status="parsed").count() == 6


def test_a_zip_member_is_named_by_its_archive_and_its_path(inputs):
    corpus_ingest([inputs], actor="test")
    names = set(SourceFile.objects.values_list("name", flat=True))
    assert any(n.endswith("bundle.zip:in/" + real_pdfs(4)[3].name) for n in names)


def test_an_ingested_pdf_is_kept_once_by_its_hash(inputs, settings):
    corpus_ingest([inputs], actor="test")
    pdf = real_pdfs(1)[0]
    decision = Decision.objects.get(case_number=pdf.stem)
    stored = Path(settings.MEDIA_ROOT) / decision.letter_path
    assert stored.read_bytes() == pdf.read_bytes()
    assert decision.content_sha256 in decision.letter_path


def test_a_text_letter_has_no_pdf(inputs):
    corpus_ingest([inputs], actor="test")
    without_pdf = Decision.objects.filter(letter_path="")
    assert {d.layout for d in without_pdf} == {"fdl-2016", "maximus-decisions"}
    assert without_pdf.count() == 2


def test_a_second_run_adds_nothing_and_says_every_file_was_seen(inputs):
    first = corpus_ingest([inputs], actor="test")
    rows = (Decision.objects.count(), SourceFile.objects.count())
    again = corpus_ingest([inputs], actor="test", workers=2)
    assert (first.parsed, again.parsed, again.skipped) == (6, 0, 6)
    assert (Decision.objects.count(), SourceFile.objects.count()) == rows


def test_the_same_file_twice_in_one_run_is_read_once(inputs):
    pdf = real_pdfs(1)[0]
    summary = corpus_ingest([inputs, pdf], actor="test")
    assert (summary.parsed, summary.skipped) == (6, 1)


def test_one_audit_event_records_each_batch_not_each_letter(inputs):
    corpus_ingest([inputs], actor="test", batch=4)
    events = AuditEvent.objects.filter(action="corpus.ingested")
    assert [e.detail["parsed"] + e.detail["failed"] for e in events] == [4, 2]


def test_the_corpus_stores_the_letter_de_identified_with_its_items(inputs):
    corpus_ingest([inputs], actor="test")
    decision = Decision.objects.get(case_number="CM16-0219557")
    assert decision.injury_date.isoformat() == "2016-10-10"
    assert decision.layout == "fdl-2016"
    item = decision.items.get()
    assert (item.outcome, item.category) == ("upheld", "injections")
    assert item.cites_mtus and item.cites_acoem and item.mtus_based
    assert set(decision.specialties.values_list("specialty", flat=True)) == {
        "Preventive Medicine",
        "Occupational Medicine",
    }
