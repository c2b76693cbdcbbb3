"""On PostgreSQL, `openimr backup` takes a pg_dump with the stored files, and `openimr
restore` loads it into another, empty database: every row and each letter's bytes return."""

import hashlib
import secrets
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.db import connection

from openimr.cases.interchange import case_from_document
from openimr.cases.services import case_import
from openimr.cli import main
from openimr.letters.models import IssuedLetter
from openimr.letters.services import letter_issue
from tests.ops.backups import TABLES, after_restore, openimr

pytestmark = pytest.mark.django_db(transaction=True)


def _url(name: str) -> str:
    s = connection.settings_dict
    return f"postgres://{s['USER']}:{s['PASSWORD']}@{s['HOST']}:{s['PORT']}/{name}"


def _counts(url: str) -> dict[str, int]:
    with psycopg.connect(url) as db:
        return {t: db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in TABLES}


@pytest.fixture
def empty_database():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only (make test-postgres)")
    name = f"openimr_restore_{secrets.token_hex(4)}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield _url(name)
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_pg_dump_backup_restores_into_an_empty_database(empty_database, tmp_path, three_item_doc):
    case_import(case=case_from_document(three_item_doc), actor="test")
    letter = letter_issue(case_number="CM16-0400101", actor="qa")
    backup = tmp_path / "backup"
    assert main(["backup", str(backup)]) == 0
    assert (backup / "database.pgdump").read_bytes().startswith(b"PGDMP")

    fresh = tmp_path / "new-machine"
    done = openimr(fresh, "restore", str(backup), env={"DATABASE_URL": empty_database})
    assert done.returncode == 0, done.stderr
    with connection.cursor() as cursor:
        source = {}
        for table in TABLES:
            cursor.execute(f'SELECT count(*) FROM "{table}"')
            source[table] = cursor.fetchone()[0]
    assert _counts(empty_database) == after_restore(source)
    restored = (fresh / "media" / letter.pdf_path).read_bytes()
    assert restored == (Path(settings.MEDIA_ROOT) / letter.pdf_path).read_bytes()
    assert hashlib.sha256(restored).hexdigest() == IssuedLetter.objects.get().pdf_sha256

    again = openimr(fresh, "restore", str(backup), env={"DATABASE_URL": empty_database})
    assert again.returncode == 2 and "the target is not empty" in again.stderr
