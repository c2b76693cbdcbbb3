"""`openimr restore` gives the corpus new stamps and empties the folder of kept answers: the
restore had brought back the backup's stamps, so a search kept after the backup (counting a
letter ingested since, no longer in the database) was served until its lease ended, and the
kept files outlived a restart (openimr.decisions.services.kept_answers)."""

import sqlite3
from pathlib import Path

import pytest
from django.db import connection

from openimr.cli import main
from openimr.decisions import precedents
from openimr.decisions.corpus import TABLE
from openimr.decisions.models import Decision
from openimr.decisions.services.kept_answers import kept_answers_forget
from openimr.decisions.tests.public_factories import make_decision
from openimr.decisions.views import _PAGES
from tests.ops.backups import openimr

LAG = 900


@pytest.fixture(autouse=True)
def _lag(settings, tmp_path):
    settings.OPENIMR_CORPUS_LAG_SECONDS = LAG
    settings.DATA_DIR = tmp_path / "var"
    for cache in (_PAGES, precedents._PANELS, precedents._COHORTS):
        cache.clear()


def _stamps_here() -> tuple[int, int]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT stamp, removal FROM {TABLE} WHERE id = 1")
        return tuple(cursor.fetchone())


def _set_stamps(stamps: tuple[int, int]) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {TABLE} SET stamp = %s, removal = %s WHERE id = 1", list(stamps))


def _search(client) -> str:
    return client.get("/decisions/", {"q": "surgeon"}).content.decode()


@pytest.mark.django_db
def test_a_search_kept_after_the_backup_is_not_served_once_the_backup_is_back(client, settings):
    make_decision(case_number="CM16-0000001", summary="Seen by a spine surgeon.")
    at_backup = _stamps_here()
    make_decision(case_number="CM16-0000002", summary="Referred to a hand surgeon.")
    assert "CM16-0000002" in _search(client)  # kept, under the stamps after the backup
    assert any((Path(settings.DATA_DIR) / "cache").rglob("*")), "kept on the shelf too"

    # What a restore does to the database: the backup's rows, and its stamps with them.
    Decision.objects.filter(case_number="CM16-0000002").delete()
    _set_stamps(at_backup)
    assert "CM16-0000002" in _search(client), "the lagging answer the restore left"

    kept_answers_forget()

    assert _stamps_here()[1] != at_backup[1]
    assert not (Path(settings.DATA_DIR) / "cache").exists()
    assert "CM16-0000002" not in _search(client)


@pytest.mark.django_db
def test_forgetting_on_a_database_without_the_stamps_row_writes_it(client):
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE}")
    kept_answers_forget()
    assert _stamps_here() is not None


def _stamps_in(db: Path) -> tuple[int, int]:
    with sqlite3.connect(db) as reader:
        row = reader.execute(f"SELECT stamp, removal FROM {TABLE} WHERE id = 1").fetchone()
    reader.close()
    return tuple(row)


@pytest.mark.django_db(transaction=True)
def test_openimr_restore_gives_new_stamps_and_empties_the_kept_answers(tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("restores into a fresh SQLite data folder")
    make_decision(case_number="CM16-0000001", summary="Seen by a spine surgeon.")
    backup = tmp_path / "backup"
    assert main(["backup", str(backup)]) == 0
    machine = tmp_path / "machine"
    kept = machine / "cache" / "search-pages" / "code" / "1234" / "page"
    kept.parent.mkdir(parents=True)
    kept.write_bytes(b"a page kept before the restore")

    done = openimr(machine, "restore", str(backup))

    assert done.returncode == 0, done.stderr
    restored, backed_up = (
        _stamps_in(machine / "openimr.sqlite3"),
        _stamps_in(backup / "database.sqlite3"),
    )
    assert restored[0] != backed_up[0] and restored[1] != backed_up[1]
    assert not (machine / "cache").exists()
