"""A command whose database cannot be opened (a DATABASE_URL naming a folder that does not
exist, a server that is down) says so with the reason and exit 2; it ended in a traceback,
or, for a PostgreSQL database that does not exist, was told to run `migrate`."""

import pytest
from django.db import connection

from tests.ops.backups import openimr


@pytest.mark.parametrize(
    "command", [["worker", "--batch"], ["case", "export", "CM16-0400101"], ["audit", "verify"]]
)
def test_a_database_in_a_missing_folder_is_named_with_exit_2(command, tmp_path):
    url = f"sqlite:///{tmp_path / 'no-such-folder' / 'openimr.sqlite3'}"
    done = openimr(tmp_path / "data", *command, env={"DATABASE_URL": url})
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert "error: cannot open the database (unable to open database file)" in done.stderr
    assert "check DATABASE_URL" in done.stderr
    assert not (tmp_path / "no-such-folder").exists()


def test_a_postgresql_database_that_does_not_exist_is_named_not_sent_to_migrate(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only (make test-postgres)")
    s = connection.settings_dict
    url = f"postgres://{s['USER']}:{s['PASSWORD']}@{s['HOST']}:{s['PORT']}/openimr_never_made"
    done = openimr(tmp_path, "audit", "verify", env={"DATABASE_URL": url})
    assert done.returncode == 2, done.stderr
    assert "error: cannot open the database" in done.stderr
    assert '"openimr_never_made" does not exist' in done.stderr
    assert "migrate" not in done.stderr


def test_an_unmigrated_postgresql_database_is_told_to_migrate_in_one_line(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only (make test-postgres)")
    s = connection.settings_dict
    url = f"postgres://{s['USER']}:{s['PASSWORD']}@{s['HOST']}:{s['PORT']}/postgres"
    done = openimr(tmp_path, "audit", "verify", env={"DATABASE_URL": url})
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith(
        "error: the database is not set up for this version of openimr (relation "
    )
    assert done.stderr.count("\n") == 1, done.stderr
