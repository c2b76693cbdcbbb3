"""A letter's PDF is stored, then its row written, in one transaction. A sweep that finds
the PDF while the letter is being issued (old: an earlier attempt that never committed
left the same bytes there; and no committed row names it yet) must not take it, or the
issued letter, a legal record, would name a file that is gone. The PDF is stored inside
the issuing transaction, held as an upload holds its file, so the sweep waits for the
letter to commit, finds its row and keeps the file. Two processes on PostgreSQL (SQLite's
one writer at a time keeps them apart anyway)."""

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
from openimr.letters.models import IssuedLetter
from openimr.ops.storage import stored_files_sweep
from openimr.records.tests.racing import received
from openimr.records.tests.receiving import pdf_of

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite admits one writer at a time"
)
DAYS_OLD = 2 * 24 * 3600


def _wait_for(signal: Path) -> None:
    deadline = time.monotonic() + 60
    while not signal.exists():
        assert time.monotonic() < deadline, f"{signal.name} never came"
        time.sleep(0.02)


def _issuer(case_number: str, folder: Path) -> subprocess.Popen[str]:
    s = connection.settings_dict
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{s['USER']}:{s['PASSWORD']}@{s['HOST']}:{s['PORT']}/{s['NAME']}",
        "OPENIMR_DATA_DIR": str(Path(settings.MEDIA_ROOT).parent),
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    command = [sys.executable, "-m", "openimr.ops.tests.letter_in_flight", case_number]
    return subprocess.Popen([*command, str(folder)], env=env, stdout=subprocess.PIPE, text=True)


@pytest.mark.django_db(transaction=True)
def test_the_sweep_keeps_the_pdf_of_a_letter_that_commits_while_it_waits(three_item_doc, tmp_path):
    number = three_item_doc["case_number"]
    case_import(case=case_from_document(three_item_doc), actor="test")
    # A record already on file: a database naming no stored file is refused outright.
    (tmp_path / "note.pdf").write_bytes(pdf_of("A progress note the case file holds."))
    received(number, tmp_path / "note.pdf", actor="clerk")
    issuer = _issuer(number, tmp_path)
    _wait_for(tmp_path / "stored")
    pdf = Path(settings.MEDIA_ROOT) / (tmp_path / "stored").read_text(encoding="utf-8")
    # As an earlier attempt of the same bytes, never committed, would have left it.
    os.utime(pdf, (time.time() - DAYS_OLD,) * 2)
    done = stored_files_sweep(grace=timedelta(hours=1), dry_run=False, actor="test")
    (tmp_path / "swept").touch()

    issued = json.loads(issuer.communicate(timeout=120)[0].splitlines()[-1])
    assert "error" not in issued, issued["error"]
    assert done.removed == []
    letter = IssuedLetter.objects.get(case__case_number=number)
    assert letter.pdf_path == issued["pdf_path"]
    assert hashlib.sha256(pdf.read_bytes()).hexdigest() == letter.pdf_sha256
