"""`openimr demo` on a fresh data folder migrates it and loads the demo, as docs/cli.md
says ("Migrates the database, creates the demo logins and cases..."): the check that a
command's database holds every migration refused it first, telling a new operator to run
`python manage.py migrate` that the demo runs itself."""

from tests.ops.backups import counts, openimr


def test_the_demo_migrates_a_fresh_data_folder_and_loads(tmp_path):
    done = openimr(tmp_path, "demo", "--corpus", "0")

    assert done.returncode == 0, done.stderr
    assert "The seed case's Final Determination Letter (PDF):" in done.stdout
    loaded = counts(tmp_path / "openimr.sqlite3")
    assert loaded["cases_case"] > 0 and loaded["letters_issuedletter"] > 0
    # The folder is then one every other command takes.
    exported = openimr(tmp_path, "case", "export", "CM17-0600001")
    assert exported.returncode == 0, exported.stderr
    assert '"case_number": "CM17-0600001"' in exported.stdout


def test_a_demo_code_on_a_fresh_data_folder_says_to_set_it_up(tmp_path):
    done = openimr(tmp_path, "demo", "--code", "staff")

    assert done.returncode == 2
    assert done.stderr.startswith("error: the database is not set up")
    assert done.stderr.count("\n") == 1 and done.stdout == ""
