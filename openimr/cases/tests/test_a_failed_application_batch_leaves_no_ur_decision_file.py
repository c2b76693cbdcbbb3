"""A batch of applications is written whole or not at all, and so are the UR decision PDFs
it carries: a batch that fails after its files were written (here the database refusing
the audit rows of the file's second batch) leaves no case and no file in the media folder,
where it had left orphan copies of the UR decisions, the earlier batches' too. A file an earlier, committed
application stored is kept."""

import base64
import json
from pathlib import Path

import pytest
from django.db import OperationalError

from conftest import make_pdf
from openimr import cli_intake
from openimr.cases.intake_schema import parse_application_json
from openimr.cases.models import Application, Case
from openimr.cases.services import intake
from openimr.cli import main
from openimr.core.clock import now

pytestmark = pytest.mark.django_db(transaction=True)


def _files(media_root: str) -> list[Path]:
    return sorted(p for p in Path(media_root).rglob("*") if p.is_file())


def _with_ur(doc: dict, claim: str) -> dict:
    pdf = make_pdf(f"Utilization Review Determination for claim {claim}: not certified.")
    upload = {"filename": "ur.pdf", "content_base64": base64.b64encode(pdf).decode()}
    return dict(doc, claim_number=claim, ur_decision_document=upload)


@pytest.fixture
def second_batch_fails(monkeypatch):
    monkeypatch.setattr(cli_intake, "IMPORT_BATCH", 1)
    calls = []
    save = intake.audit_save

    def failing(events):
        calls.append(events)
        if len(calls) == 4:
            raise OperationalError("database is locked")
        return save(events)

    monkeypatch.setattr(intake, "audit_save", failing)


def test_a_failed_batch_leaves_no_new_file(tmp_path, application_doc, settings, second_batch_fails):
    stored_before = _with_ur(application_doc, "KEPT-1")
    intake.applications_receive(
        filings=[intake.Filing(parse_application_json(json.dumps(stored_before)), now())],
        via="api",
        actor="test",
        client="portal",
    )  # the first call to audit_save: committed, its file kept
    before = _files(settings.MEDIA_ROOT)
    assert len(before) == 1
    # One batch a line: the first sends the kept file's bytes again, the second commits its
    # own new file within the file's transaction, the third fails after writing its file.
    lines = [dict(stored_before, claim_number="KEPT-2")]
    lines += [_with_ur(application_doc, claim) for claim in ("NEW-1", "NEW-2")]
    path = tmp_path / "batch.jsonl"
    path.write_text("".join(json.dumps(doc) + "\n" for doc in lines), encoding="utf-8")
    with pytest.raises(OperationalError):
        main(["applications", "import", str(path)])
    assert _files(settings.MEDIA_ROOT) == before
    assert Case.objects.count() == Application.objects.count() == 1
