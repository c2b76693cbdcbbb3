"""A new SQLite database opened with the project's settings is in WAL mode, and stays so on
disk: readers never wait for the writer, and a killed writer loses only what it had not
committed."""

from django.conf import settings
from django.db.backends.sqlite3.base import DatabaseWrapper

from tests.ops.backups import journal_mode


def test_a_fresh_database_file_is_in_wal_mode_on_disk(tmp_path, django_db_blocker):
    path = tmp_path / "fresh.sqlite3"
    config = {**settings.DATABASES["default"], "NAME": str(path)}
    if config["ENGINE"] != "django.db.backends.sqlite3":
        config = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(path)}
        config["OPTIONS"] = dict(settings.SQLITE_OPTIONS)
    wrapper = DatabaseWrapper(config, alias="fresh")
    with django_db_blocker.unblock():
        try:
            with wrapper.cursor() as cursor:
                cursor.execute("PRAGMA journal_mode")
                assert cursor.fetchone()[0] == "wal"
                cursor.execute("CREATE TABLE t (x INTEGER)")
        finally:
            wrapper.close()
    assert journal_mode(path) == "wal", "WAL is recorded in the file, not only the connection"
