"""A command whose database cannot be opened (a DATABASE_URL naming a folder that does not
exist, a server that is down) says so with the reason and exit 2; it ended in a traceback,
or, for a PostgreSQL database that does not exist, was told to run `migrate`."""

import pytest

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
