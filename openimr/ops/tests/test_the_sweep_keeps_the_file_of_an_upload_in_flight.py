"""An orphan file the sweep is about to remove (old, no row names it) can be taken up by an
upload of the same bytes at that moment: files are named by their hash, and the upload finds
the file there and does not write it again. The sweep holds the file as the upload does and
looks for a row once more, so it waits for the upload's transaction, sees its record and
keeps the file, where it would have left a record naming no file. Two processes on
PostgreSQL (SQLite's one writer at a time keeps them apart anyway)."""

import hashlib
import json
import os
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import
from openimr.ops.storage import stored_files_sweep
from openimr.records.models import Record
from openimr.records.tests.racing import received
from openimr.records.tests.receiving import pdf_of

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite admits one writer at a time"
)
DAYS_OLD = 2 * 24 * 3600


def _wait_for(signal: Path) -> None:
    deadline = time.monotonic() + 30
    while not signal.exists():
        assert time.monotonic() < deadline, f"{signal.name} never came"
        time.sleep(0.02)


def _uploader(case_number: str, pdf: Path, folder: Path) -> subprocess.Popen[str]:
    s = connection.settings_dict
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{s['USER']}:{s['PASSWORD']}@{s['HOST']}:{s['PORT']}/{s['NAME']}",
        "OPENIMR_DATA_DIR": str(Path(settings.MEDIA_ROOT).parent),
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    command = [sys.executable, "-m", "openimr.ops.tests.upload_in_flight", case_number]
    return subprocess.Popen(
        [*command, str(pdf), str(folder)], env=env, stdout=subprocess.PIPE, text=True
    )


@pytest.mark.django_db(transaction=True)
def test_the_sweep_keeps_the_file_of_an_upload_that_commits_while_it_waits(
    three_item_doc, tmp_path
):
    case_import(case=case_from_document(three_item_doc), actor="test")
    # A record already on file: a database naming no stored file is refused outright.
    (tmp_path / "earlier.pdf").write_bytes(pdf_of("A record received the day before."))
    received(three_item_doc["case_number"], tmp_path / "earlier.pdf", actor="clerk")
    data = pdf_of("A report whose first upload's COMMIT failed, sent again.")
    orphan = Path(settings.MEDIA_ROOT) / "records" / f"{hashlib.sha256(data).hexdigest()}.pdf"
    orphan.parent.mkdir(parents=True, exist_ok=True)
    orphan.write_bytes(data)
    os.utime(orphan, (time.time() - DAYS_OLD,) * 2)
    (tmp_path / "report.pdf").write_bytes(data)
    uploader = _uploader(three_item_doc["case_number"], tmp_path / "report.pdf", tmp_path)
    _wait_for(tmp_path / "stored")
    done = stored_files_sweep(grace=timedelta(hours=1), dry_run=False, actor="test")
    (tmp_path / "swept").touch()

    stored = json.loads(uploader.communicate(timeout=60)[0].splitlines()[-1])
    assert "error" not in stored, stored["error"]
    assert done.removed == []
    assert Record.objects.filter(file_path=stored["file_path"]).count() == 1
    assert (Path(settings.MEDIA_ROOT) / stored["file_path"]).read_bytes() == data
