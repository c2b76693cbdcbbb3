"""`openimr restore --force` of a PostgreSQL backup older than the running code: the
tables newer migrations added, which the backup lacks, are dropped with the restore (so the
`migrate` that follows recreates them), where one referencing a table of the backup had
stopped pg_restore ("cannot drop constraint cases_case_pkey ... because other objects
depend on it") and the backup could not be restored at all. Another application's table in
the same database is left as it was."""

import pytest
from django.db import connection

from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import
from openimr.cli import main
from openimr.ops import database

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_restore's --clean"),
    pytest.mark.django_db(transaction=True),
]
NEWER = "cases_casenote"  # as a model a later migration adds would be named


def _exists(table: str) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass(%s) IS NOT NULL", [table])
        return bool(cursor.fetchone()[0])


def test_a_table_newer_than_the_backup_is_replaced_by_the_backups_state(
    tmp_path, three_item_doc, monkeypatch, capsys
):
    case_import(case=case_from_document(three_item_doc), actor="test")
    backup = tmp_path / "backup"
    assert main(["backup", str(backup)]) == 0
    # The code moves on: a migration adds a model whose rows point at a case.
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE {NEWER} (id bigint PRIMARY KEY, case_id bigint REFERENCES cases_case)"
        )
        cursor.execute(f"INSERT INTO {NEWER} SELECT 1, id FROM cases_case")
        cursor.execute("CREATE TABLE billing_invoice (id bigint PRIMARY KEY)")
        cursor.execute("INSERT INTO billing_invoice VALUES (7)")
    models = database._model_tables()
    monkeypatch.setattr(database, "_model_tables", lambda: models | {NEWER})

    try:
        code = main(["restore", "--force", str(backup)])
        assert code == 0, capsys.readouterr().err
        assert not _exists(NEWER), "the newer table goes, for migrate to make again"
        with connection.cursor() as cursor:
            cursor.execute("SELECT case_number FROM cases_case")
            assert cursor.fetchall() == [("CM16-0400101",)]
            cursor.execute("SELECT id FROM billing_invoice")
            assert cursor.fetchall() == [(7,)]
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {NEWER}, billing_invoice")
