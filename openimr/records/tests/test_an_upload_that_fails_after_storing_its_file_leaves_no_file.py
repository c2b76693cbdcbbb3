"""An upload that fails once its file is written (its audit row cannot be written) leaves
nothing behind: no record, no audit row, no file. Files are stored by their content's hash,
so removing it must never take the file of the same bytes from an upload that succeeds at
the same moment (another case's, or a retry): the racing upload keeps its file, tested
with two processes on the test's own database."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from openimr.audit.models import AuditEvent
from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import
from openimr.cases.tests.intake_racing import database_url
from openimr.records import services
from openimr.records.models import Record
from openimr.records.tests.receiving import pdf_of, stored_files

RACE_SECONDS = 90


def _audit_down(*_: object, **__: object) -> None:
    raise RuntimeError("the audit trail cannot be written")


@pytest.mark.django_db
def test_a_failed_upload_leaves_no_record_and_no_file(receive, monkeypatch):
    monkeypatch.setattr(services, "_audit", _audit_down)
    with pytest.raises(RuntimeError):
        receive(data=pdf_of("A report whose receipt was never audited."))
    assert Record.objects.count() == 0
    assert not AuditEvent.objects.filter(object_type="record").exists()
    assert stored_files(settings.MEDIA_ROOT) == []


@pytest.mark.django_db
def test_a_failed_upload_keeps_the_file_an_earlier_record_holds(receive, monkeypatch):
    data = pdf_of("A report sent twice.")
    first = receive(data=data)
    Record.objects.all().delete()  # the bytes' file stays: a record of them was committed
    monkeypatch.setattr(services, "_audit", _audit_down)
    with pytest.raises(RuntimeError):
        receive(data=data)
    assert (Path(settings.MEDIA_ROOT) / first.file_path).read_bytes() == data


def _racer(role: str, case_number: str, folder: Path, url: str) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "OPENIMR_DATA_DIR": str(Path(settings.MEDIA_ROOT).parent),
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "OPENIMR_TASKS_BACKEND": "database",
    }
    command = [sys.executable, "-m", "openimr.records.tests.racing", role, case_number]
    return subprocess.Popen(
        [*command, str(folder / "report.pdf"), str(folder)],
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )


@pytest.mark.parametrize("same_case", [False, True], ids=["another case", "the same case"])
@pytest.mark.django_db(transaction=True)
def test_an_upload_that_fails_spares_the_file_of_a_racing_one(case, seed_doc, tmp_path, same_case):
    case_import(case=case_from_document(seed_doc), actor="test")
    other = case.case_number if same_case else seed_doc["case_number"]
    data = pdf_of("One report sent by two parties at once.")
    (tmp_path / "report.pdf").write_bytes(data)
    url = database_url(tmp_path)
    failing = _racer("fails", case.case_number, tmp_path, url)
    succeeding = _racer("succeeds", other, tmp_path, url)
    outputs = [p.communicate(timeout=RACE_SECONDS)[0] for p in (failing, succeeding)]

    failed, stored = (json.loads(out.strip().splitlines()[-1]) for out in outputs)
    assert failed == {"error": "the audit trail cannot be written"}
    assert stored["replayed"] is False
    assert (Path(settings.MEDIA_ROOT) / stored["file_path"]).read_bytes() == data
    assert stored_files(settings.MEDIA_ROOT) == [Path(settings.MEDIA_ROOT) / stored["file_path"]]
