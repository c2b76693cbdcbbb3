"""`openimr files sweep` removes a stored record or UR decision PDF that no row names once
it is older than the grace period (a COMMIT that failed, or a process killed between writing
the file and committing, left it behind), says what it removed and audits each removal. A
file a row names is kept however old; a file younger than the grace period is kept, since
its upload may still be in flight; a dry run removes nothing and says what would go."""

import base64
import hashlib
import json
import os
import time
from pathlib import Path

import pytest

from conftest import make_pdf
from openimr.audit.models import AuditEvent
from openimr.cases.intake_schema import parse_application_json
from openimr.cases.interchange import case_from_document
from openimr.cases.selectors import case_row
from openimr.cases.services import case_import, intake
from openimr.cli import main
from openimr.core.clock import now
from openimr.records import services as records
from openimr.records.tests.receiving import pdf_of

pytestmark = pytest.mark.django_db
DAY = 24 * 3600


def _aged(path: Path, seconds: float) -> Path:
    at = time.time() - seconds
    os.utime(path, (at, at))
    return path


def _orphan(root: Path, folder: str, text: str, age: float) -> Path:
    # Named as file_store names a file (its hash), as a COMMIT that failed leaves it.
    data = pdf_of(text)
    path = root / folder / f"{hashlib.sha256(data).hexdigest()}.pdf"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return _aged(path, age)


@pytest.fixture
def stored(settings, three_item_doc, application_doc):
    """A record and a UR decision that rows name, and orphans old and young, in both
    folders; every file older than a day but the young orphan."""
    root = Path(settings.MEDIA_ROOT)
    case_import(case=case_from_document(three_item_doc), actor="test")
    record = records.record_receive(
        case=case_row(three_item_doc["case_number"]),
        data=pdf_of("A progress note the case file holds."),
        filename="note.pdf",
        submitted_by="requesting_physician",
        via=records.Via.UPLOAD,
        actor="clerk",
    )
    pdf = make_pdf("Utilization Review Determination: named by its application.")
    upload = {"filename": "ur.pdf", "content_base64": base64.b64encode(pdf).decode()}
    doc = dict(application_doc, ur_decision_document=upload)
    (application,) = intake.applications_receive(
        filings=[intake.Filing(parse_application_json(json.dumps(doc)), now())],
        via="api",
        actor="clerk",
        client="portal",
    )
    return {
        "named": [
            _aged(root / record.file_path, 3 * DAY),
            _aged(root / application.ur_decision_file, 3 * DAY),
        ],
        "old": [
            _orphan(root, "records", "A record whose commit failed.", 2 * DAY),
            _orphan(root, "ur-decisions", "A UR decision whose batch was killed.", 2 * DAY),
        ],
        "young": _orphan(root, "records", "An upload still in flight.", 60),
    }


def test_the_sweep_removes_old_orphans_and_keeps_named_and_young_files(stored, capsys):
    assert main(["files", "sweep"]) == 0
    out = capsys.readouterr().out
    for path in stored["old"]:
        assert not path.exists()
        assert f"removed {path.parent.name}/{path.name} (" in out
    assert all(path.exists() for path in [*stored["named"], stored["young"]])
    assert "removed 2 file(s) no row names" in out
    assert "kept 2 named file(s) and 1 younger than 24 hours" in out
    swept = AuditEvent.objects.filter(action="file.swept", actor_label="cli")
    assert sorted(event.detail["path"] for event in swept) == sorted(
        f"{p.parent.name}/{p.name}" for p in stored["old"]
    )


def test_a_shorter_grace_period_takes_the_younger_orphan_too(stored, capsys):
    assert main(["files", "sweep", "--older-than", "0"]) == 0
    assert not stored["young"].exists()
    assert all(path.exists() for path in stored["named"])
    assert "removed 3 file(s)" in capsys.readouterr().out


def test_a_dry_run_says_what_would_go_and_removes_nothing(stored, capsys):
    assert main(["files", "sweep", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert all(path.exists() for path in stored["old"])
    assert out.count("would remove records/") == 1
    assert out.count("would remove ur-decisions/") == 1
    assert "would remove 2 file(s) no row names" in out
    assert not AuditEvent.objects.filter(action="file.swept").exists()


def test_a_file_a_row_comes_to_name_while_the_sweep_waits_for_it_is_kept(stored, monkeypatch):
    # The first look found no row; by the time the sweep holds the file, the upload that
    # stored the same bytes has committed one. The check under the lock keeps the file.
    from openimr.ops import storage

    orphan = stored["old"][0]
    name = f"{orphan.parent.name}/{orphan.name}"
    looks: list[list[str]] = []

    def naming(paths: list[str]) -> set[str]:
        looks.append(paths)
        return {name} & set(paths) if len(looks) > 1 else set()

    monkeypatch.setitem(storage.SWEPT, "records", naming)
    done = storage.stored_files_sweep(grace=storage.DEFAULT_GRACE, dry_run=False, actor="test")
    assert orphan.exists()
    assert name not in [o.path for o in done.removed]


@pytest.mark.parametrize("hours", ["-1", "nan", "inf"])
def test_a_bad_grace_period_is_refused_naming_the_option(stored, capsys, hours):
    assert main(["files", "sweep", f"--older-than={hours}"]) == 2
    assert (
        capsys.readouterr().err == "error: --older-than: must be 0 or more hours, a finite number\n"
    )
    assert all(path.exists() for path in stored["old"])
