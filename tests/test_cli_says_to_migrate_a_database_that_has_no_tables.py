"""A command run against a data folder that was never migrated says what to run, with exit
2, instead of a traceback from its first query (found in a QA pass)."""

from tests.ops.backups import openimr


def test_a_command_on_an_unmigrated_database_says_to_run_migrate(tmp_path):
    done = openimr(tmp_path / "fresh", "case", "export", "CM16-0000001")
    assert done.returncode == 2, done.stderr
    assert "the database is not set up" in done.stderr
    assert "python manage.py migrate" in done.stderr
    assert "Traceback" not in done.stderr
