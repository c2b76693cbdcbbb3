"""`openimr files sweep` sweeps the letters' folder and the corpus's folders too, and an
issued letter's PDF is a legal record (LC 4610.6(g)): with every stored file days old and
no grace period at all, the sweep keeps every file a row names (the issued letter, each
amended letter, the published PDF of the letter as last corrected, an ingested letter's
PDF, a record, a UR decision) byte for byte, and removes every file no row names (a letter
whose issue never committed, the public PDF of the version a correction replaced, an
ingest's copy left behind), each removal audited. Notices and drafts have no stored file:
they are rendered when asked, and still are after the sweep."""

import base64
import hashlib
import json
import os
import time
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import make_pdf
from openimr.audit.models import AuditEvent
from openimr.cases.intake_schema import parse_application_json
from openimr.cases.interchange import case_from_document
from openimr.cases.models import Application, Notice
from openimr.cases.selectors import case_row
from openimr.cases.services import case_import, intake
from openimr.cli import main
from openimr.core.clock import now
from openimr.decisions.models import Decision
from openimr.decisions.services import decisions_publish
from openimr.decisions.services.pdf_copies import pdf_store
from openimr.decisions.tests.public_factories import make_decision
from openimr.letters.models import AmendedLetter, IssuedLetter, LetterService
from openimr.letters.selectors import issued_case, stored_pdf
from openimr.letters.services import letter_amend, letter_issue
from openimr.letters.serving import _mail_of
from openimr.ops import storage
from openimr.records import services as records
from openimr.records.models import Record
from openimr.records.tests.receiving import pdf_of

pytestmark = pytest.mark.django_db
CASE = "CM16-0400101"
DAYS = 3 * 24 * 3600


def _orphan(root: Path, folder: str, data: bytes, suffix: str = ".pdf") -> str:
    # Named as the writers name a file (its hash), as a write that never committed left it.
    path = root / folder / f"{hashlib.sha256(data).hexdigest()}{suffix}"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path.relative_to(root).as_posix()


def _stored(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


def _named_by_rows() -> dict[str, str | None]:
    """Every stored file a row names, with the hash its row holds (None: the row holds
    none)."""
    named: dict[str, str | None] = {}
    for model in (IssuedLetter, AmendedLetter):
        named.update(model.objects.values_list("pdf_path", "pdf_sha256"))
    named.update(dict.fromkeys(Decision.objects.exclude(letter_path="").values_list(
        "letter_path", flat=True)))  # fmt: skip
    named.update(dict.fromkeys(Record.objects.values_list("file_path", flat=True)))
    named.update(dict.fromkeys(Application.objects.exclude(ur_decision_file="").values_list(
        "ur_decision_file", flat=True)))  # fmt: skip
    return named


@pytest.fixture
def stored(settings, three_item_doc, application_doc):
    """A case issued, published, corrected twice and published again; a record; an
    application with its UR decision and a notice; an ingested letter; and an orphan in
    each folder. Every file three days old."""
    root = Path(settings.MEDIA_ROOT)
    case_import(case=case_from_document(three_item_doc), actor="test")
    records.record_receive(
        case=case_row(CASE),
        data=pdf_of("A progress note the case file holds."),
        filename="note.pdf",
        submitted_by="requesting_physician",
        via=records.Via.UPLOAD,
        actor="clerk",
    )
    letter_issue(case_number=CASE, actor="qa")
    decisions_publish(case_numbers=[CASE], actor="qa")
    first_public = Decision.objects.get(case_number=CASE).letter_path
    for n, reason in enumerate(["a typo in the summary", "a second typo"]):
        corrected = issued_case(CASE)
        summary = f"{corrected.clinical_summary} Corrected {n}."
        letter_amend(
            case_number=CASE,
            corrected=replace(corrected, clinical_summary=summary),
            reason=reason,
            actor="qa",
        )
    decisions_publish(case_numbers=[CASE], actor="qa")
    # Filed out of time (2024-03-20's UR decision, received today): a notice is served.
    pdf = make_pdf("Utilization Review Determination: named by its application.")
    upload = {"filename": "ur.pdf", "content_base64": base64.b64encode(pdf).decode()}
    doc = dict(application_doc, ur_decision_document=upload)
    intake.applications_receive(
        filings=[intake.Filing(parse_application_json(json.dumps(doc)), now())],
        via="api",
        actor="clerk",
        client="portal",
    )
    ingested = pdf_of("A published letter, ingested into the corpus.")
    make_decision(
        case_number="CM15-0000300",
        letter_path=pdf_store(ingested, hashlib.sha256(ingested).hexdigest()),
    )
    orphans = {
        first_public,  # the public PDF of the version the corrections replaced
        _orphan(root, f"letters/{CASE}", make_pdf("A letter whose issue never committed.")),
        _orphan(root, "letters/CM16-0400999", make_pdf("Another case's, never committed.")),
        _orphan(root, "corpus/issued", make_pdf("A publication that rolled back.")),
        _orphan(root, "corpus/published/ab", pdf_of("An ingest killed before its commit.")),
        _orphan(root, "corpus/published/ab", b"half written", suffix=".pdf.77-1.part"),
        _orphan(root, "records", pdf_of("A record whose commit failed.")),
        _orphan(root, "ur-decisions", make_pdf("A UR decision whose batch was killed.")),
    }
    at = time.time() - DAYS
    for path in root.rglob("*"):
        if path.is_file():
            os.utime(path, (at, at))
    return {"root": root, "orphans": orphans}


def test_every_file_a_row_names_survives_and_every_other_goes_audited(stored, capsys):
    root, orphans = stored["root"], stored["orphans"]
    named = _named_by_rows()
    # What the case holds: one issued letter, two amended, a notice; nothing of it orphaned.
    assert IssuedLetter.objects.count() == 1 and AmendedLetter.objects.count() == 2
    assert Notice.objects.exists()
    assert sum(p.startswith(f"letters/{CASE}/") for p in named) == 3
    assert not orphans & set(named)
    assert _stored(root) == set(named) | orphans

    assert main(["files", "sweep", "--older-than", "0"]) == 0

    out = capsys.readouterr().out
    assert _stored(root) == set(named), "every file a row names is left, and nothing else"
    for path, digest in named.items():
        data = (root / path).read_bytes()
        assert digest is None or hashlib.sha256(data).hexdigest() == digest, path
    for path in orphans:
        assert f"removed {path} (" in out
    assert f"removed {len(orphans)} file(s) no row names" in out
    swept = AuditEvent.objects.filter(action="file.swept", actor_label="cli")
    assert sorted(e.detail["path"] for e in swept) == sorted(orphans)
    # The letters still open and go out as issued; a notice is rendered as ever.
    for letter in [*IssuedLetter.objects.all(), *AmendedLetter.objects.all()]:
        with stored_pdf(letter.pdf_path) as pdf:
            assert hashlib.sha256(pdf.read()).hexdigest() == letter.pdf_sha256
    for service in LetterService.objects.all():
        assert _mail_of(service)[3].startswith(b"%PDF-")


def test_a_dry_run_names_the_letters_and_corpus_orphans_and_removes_nothing(stored, capsys):
    before = _stored(stored["root"])
    assert main(["files", "sweep", "--dry-run"]) == 0
    out = capsys.readouterr().out
    for path in stored["orphans"]:
        assert f"would remove {path} (" in out
    assert f"would remove {len(stored['orphans'])} file(s) no row names" in out
    assert _stored(stored["root"]) == before
    assert not AuditEvent.objects.filter(action="file.swept").exists()


def test_a_letter_whose_row_spells_its_path_another_way_keeps_its_pdf_by_its_hash(stored):
    # A row restored from an older version, its path written another way: the file holds
    # the letter's bytes (its name is their hash), so it is the letter's.
    letter = IssuedLetter.objects.get()
    IssuedLetter.objects.filter(pk=letter.pk).update(pdf_path=f"./{letter.pdf_path}")
    assert main(["files", "sweep", "--older-than", "0"]) == 0
    data = (stored["root"] / letter.pdf_path).read_bytes()
    assert hashlib.sha256(data).hexdigest() == letter.pdf_sha256


def test_an_orphan_written_anew_while_the_sweep_looks_is_kept(stored, monkeypatch):
    # The corpus ingest writes its copy anew, without a lock, before its batch commits: a
    # file the sweep found old and unnamed is young again by the time it holds it.
    orphan = next(p for p in stored["orphans"] if p.endswith("/ab/" + Path(p).name)
                  and p.endswith(".pdf"))  # fmt: skip
    path, looks = stored["root"] / orphan, []

    def naming(paths: list[str]) -> set[str]:
        looks.append(paths)
        if orphan in paths and len(looks) == 1:
            os.utime(path)  # written anew, just after the sweep listed it
        return storage.corpus_files_named(paths)

    monkeypatch.setitem(storage.SWEPT, "corpus/published", naming)
    hours = storage.timedelta(hours=1)
    done = storage.stored_files_sweep(grace=hours, dry_run=False, actor="test")
    assert path.exists()
    assert orphan not in [o.path for o in done.removed]
    assert not path.with_name(path.name + ".sweeping").exists()


def test_a_database_that_names_no_stored_file_is_refused_and_nothing_goes(stored, capsys):
    # A DATABASE_URL pointing at a fresh database: every letter would look like an orphan.
    before = _stored(stored["root"])
    for model in (LetterService, AmendedLetter, IssuedLetter):
        model.objects.all()._raw_delete(model.objects.db)  # past the frozen letters' guard
    Decision.objects.all().delete()
    Record.objects.all().delete()
    Application.objects.update(ur_decision_file="")
    assert main(["files", "sweep", "--older-than", "0"]) == 2
    err = capsys.readouterr().err
    assert "no row of this database names any of the stored files" in err
    assert "is DATABASE_URL this deployment's database? Nothing was removed" in err
    assert _stored(stored["root"]) == before
    assert not AuditEvent.objects.filter(action="file.swept").exists()
