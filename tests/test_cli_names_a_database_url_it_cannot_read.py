"""A DATABASE_URL the settings cannot read (no scheme, a database openimr does not run on,
a port that is not a number) is refused by every command that opens the database with one
line naming DATABASE_URL and the forms it takes, exit 2, and never the URL's password; an
SQLite file that is not a database is named as a database that cannot be opened, and any
other malformed setting is its one line too. Each ended
in a traceback from the settings or the driver (exit 1), the first two printing the URL's
scheme list or asking to install mysqlclient."""

import pytest

from tests.ops.backups import openimr

FORMS = "postgres://USER:PASSWORD@HOST:PORT/NAME or sqlite:///PATH"


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("openimr-db", "it has no scheme"),
        (
            "mysql://app:s3cret@db.internal/openimr",
            "openimr runs on PostgreSQL or SQLite, not mysql",
        ),
        ("postgres://app:s3cret@db.internal:54x2/openimr", "it cannot be read"),
    ],
    ids=["no scheme", "mysql", "bad port"],
)
@pytest.mark.parametrize("command", [["audit", "verify"], ["backup", "dest"]], ids=" ".join)
def test_a_database_url_that_cannot_be_read_is_named_in_one_line(url, said, command, tmp_path):
    done = openimr(tmp_path / "data", *command, env={"DATABASE_URL": url})

    assert done.returncode == 2, done.stderr
    assert done.stderr == (
        f"error: DATABASE_URL: not a database URL openimr reads ({said}): give {FORMS}\n"
    )
    assert "s3cret" not in done.stderr and done.stdout == ""
    assert not (tmp_path / "data" / "dest").exists()


def test_an_sqlite_file_that_is_not_a_database_is_named(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database, but long enough to be read as one " * 40)
    done = openimr(tmp_path / "data", "audit", "verify", env={"DATABASE_URL": f"sqlite:///{notes}"})

    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("error: cannot open the database (file is not a database)")
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr


def test_a_malformed_setting_is_named_in_one_line(tmp_path):
    done = openimr(tmp_path / "data", "audit", "verify", env={"OPENIMR_PDF_TIMEOUT_SECONDS": "abc"})

    assert done.returncode == 2, done.stderr
    assert done.stderr == "error: OPENIMR_PDF_TIMEOUT_SECONDS='abc' is not a number\n"
