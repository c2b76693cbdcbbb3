"""`openimr files sweep` takes the copies kept for readers (`record-copies/`) that no record
needs: of bytes no record has any more, or made by an older version of the copy, which is
never served again. A current copy of a record's bytes is kept however old."""

import os
import time
from pathlib import Path

import pytest

from openimr.audit.models import AuditEvent
from openimr.cases.interchange import case_from_document
from openimr.cases.selectors import case_row
from openimr.cases.services import case_import
from openimr.cli import main
from openimr.records import copies
from openimr.records import services as records
from openimr.records.tests.receiving import pdf_of

pytestmark = pytest.mark.django_db
DAY = 24 * 3600


def _aged(path: Path) -> Path:
    at = time.time() - 2 * DAY
    os.utime(path, (at, at))
    return path


def _copy(root: Path, sha: str, version: int) -> Path:
    path = root / "record-copies" / sha / f"{sha}.v{version}.{'0' * 64}.pdf"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"%PDF-1.7 a copy")
    return _aged(path)


def test_only_current_copies_of_a_records_bytes_are_kept(settings, capsys, three_item_doc):
    case_import(case=case_from_document(three_item_doc), actor="test")
    sent = {"filename": "note.pdf", "submitted_by": "requesting_physician", "actor": "clerk"}
    case = case_row(three_item_doc["case_number"])
    upload = records.Via.UPLOAD
    record = records.record_receive(case=case, data=pdf_of("A note."), via=upload, **sent)
    _aged(Path(settings.MEDIA_ROOT) / record.file_path)
    root = Path(settings.MEDIA_ROOT)
    current = _copy(root, record.sha256, copies.COPY_VERSION)
    old = _copy(root, record.sha256, copies.COPY_VERSION - 1)
    gone = _copy(root, "f" * 64, copies.COPY_VERSION)
    assert main(["files", "sweep"]) == 0
    assert current.exists() and not old.exists() and not gone.exists()
    swept = AuditEvent.objects.filter(action="file.swept").values_list("detail", flat=True)
    assert sorted(d["path"] for d in swept) == sorted(
        p.relative_to(root).as_posix() for p in (old, gone)
    )
    assert "removed 2 file(s) no row names" in capsys.readouterr().out
