"""`openimr worker` runs the background tasks queued in the database: a record received
while no worker ran waits as pending, and the worker reads its pages."""

import sqlite3

import pytest
from django.db import connection

from openimr.cases.interchange import case_from_document
from openimr.cases.selectors import case_row
from openimr.cases.services import case_import
from openimr.records import services as records
from openimr.records.tests.receiving import PROGRESS_NOTE, pdf_of
from tests.ops.backups import openimr

DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def _record(db) -> tuple[str, int]:
    with sqlite3.connect(db) as reader:
        status = reader.execute("SELECT status FROM records_record").fetchone()[0]
        pages = reader.execute("SELECT count(*) FROM records_recordpage").fetchone()[0]
    reader.close()
    return status, pages


@pytest.mark.django_db(transaction=True)
def test_a_record_queued_without_a_worker_is_read_when_the_worker_runs(
    tmp_path, settings, three_item_doc
):
    if connection.vendor != "sqlite":
        pytest.skip("copies the test database to a file, which only SQLite can")
    settings.TASKS = DATABASE
    case_import(case=case_from_document(three_item_doc), actor="test")
    records.record_receive(
        case=case_row("CM16-0400101"),
        data=pdf_of(*PROGRESS_NOTE),
        filename="pr2.pdf",
        submitted_by=records.Party.REQUESTING_PHYSICIAN,
        via=records.Via.UPLOAD,
        actor="clerk",
    )
    db = tmp_path / "queued.sqlite3"
    with connection.cursor() as cursor:
        cursor.execute("VACUUM INTO %s", [str(db)])
    assert _record(db) == ("pending", 0)

    env = {"DATABASE_URL": f"sqlite:///{db}", "OPENIMR_TASKS_BACKEND": "database"}
    done = openimr(tmp_path, "worker", "--batch", env=env)
    assert done.returncode == 0, done.stderr
    assert _record(db) == ("extracted", 2)


def test_the_worker_refuses_a_backend_that_keeps_no_queue(tmp_path):
    done = openimr(tmp_path, "worker", "--batch", env={"OPENIMR_TASKS_BACKEND": "immediate"})
    assert done.returncode == 2
    assert "set OPENIMR_TASKS_BACKEND=database" in done.stderr
