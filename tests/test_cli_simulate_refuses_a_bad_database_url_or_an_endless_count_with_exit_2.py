"""`openimr simulate` refuses, with exit 2 and the option named, what it cannot run: a
``--database-url`` that is not a database URL or names a server that does not answer
(each printed a raw traceback, exit 1) and an ``--applications`` count above its maximum
(99999999999999999999999 was accepted and ran until killed). Nothing is made: no database
file, no tables."""

import pytest

from openimr.cli import main
from openimr.cli_intake import MAX_APPLICATIONS
from tests.ops.backups import openimr


@pytest.mark.parametrize("url", ["nonsense", "ftp://example.invalid/db", "postgres//missing"])
def test_a_url_that_is_not_a_database_url_is_refused_naming_the_option(
    url, tmp_path, monkeypatch, capsys
):
    monkeypatch.setenv("OPENIMR_DATA_DIR", str(tmp_path))
    assert main(["simulate", "--quiet", "--applications", "3", "--database-url", url]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: --database-url: ")
    assert "postgres://" in err and "sqlite:///" in err  # says what it takes
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("count", [str(MAX_APPLICATIONS + 1), "99999999999999999999999"])
def test_a_count_above_the_maximum_is_refused_before_any_database_is_made(
    count, tmp_path, monkeypatch, capsys
):
    monkeypatch.setenv("OPENIMR_DATA_DIR", str(tmp_path))
    assert main(["simulate", "--quiet", "--applications", count]) == 2
    assert capsys.readouterr().err == (
        f"error: --applications: must be at most {MAX_APPLICATIONS:,}"
        " (a year in California is about 200,000)\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_a_server_that_does_not_answer_is_named_without_its_password(tmp_path):
    url = "postgres://openimr:s3cret-pw@127.0.0.1:9/nowhere"  # port 9 (discard): refused
    done = openimr(tmp_path, "simulate", "--quiet", "--database-url", url)
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("error: --database-url: cannot connect to ")
    assert "127.0.0.1:9/nowhere" in done.stderr
    assert "Traceback" not in done.stderr and "s3cret-pw" not in done.stderr
    assert list(tmp_path.iterdir()) == []
