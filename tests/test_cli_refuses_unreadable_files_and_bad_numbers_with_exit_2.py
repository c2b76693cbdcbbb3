"""Every command that reads a file named on its command line, or takes a date or a count,
answers a missing file, a folder, a file that is not UTF-8 text, an impossible date or a
count below 1 with exit 2 and one line naming the argument and what is wrong, and writes
nothing; these used to end in a Python traceback (exit 1), or to run (`--max-tasks 0` ran
without a limit, `simulate --applications -5` made a database and simulated nothing, `demo
--corpus -1` loaded the whole demo before refusing)."""

import json
from datetime import UTC, datetime

import pytest

from conftest import APPLICATION_FILE
from openimr.cli import main


@pytest.fixture
def not_utf8(tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes("name\nJosé\n".encode("latin-1"))
    return path


@pytest.mark.parametrize(
    "command",
    [
        ["eligibility", "check"],
        ["applications", "import"],
        ["reviewers", "import"],
        ["reviewers", "match", "--panel", str(APPLICATION_FILE)],
    ],
    ids=lambda c: " ".join(c[:2]),
)
def test_a_missing_file_or_a_folder_is_named_with_exit_2(command, tmp_path, capsys):
    assert main([*command, str(tmp_path / "gone.json")]) == 2
    assert f"cannot read {tmp_path / 'gone.json'}: No such file or directory" in (
        capsys.readouterr().err
    )
    assert main([*command, str(tmp_path)]) == 2
    assert f"cannot read {tmp_path}: Is a directory" in capsys.readouterr().err


@pytest.mark.parametrize(
    "command",
    [
        ["eligibility", "check"],
        ["applications", "import"],
        ["reviewers", "import"],
        ["reviewers", "match", "--panel", "x"],
    ],
    ids=lambda c: " ".join(c[:2]),
)
def test_a_file_that_is_not_utf8_is_named_with_exit_2(command, not_utf8, capsys):
    assert main([*command, str(not_utf8)]) == 2
    assert f"{not_utf8} is not UTF-8 text (byte 8: invalid continuation byte)" in (
        capsys.readouterr().err
    )


@pytest.mark.parametrize("today", ["2024-02-30", "yesterday"])
def test_eligibility_check_names_an_impossible_today(today, capsys):
    assert main(["eligibility", "check", str(APPLICATION_FILE), "--today", today]) == 2
    assert capsys.readouterr().err == f"error: --today: {today!r} is not a YYYY-MM-DD date\n"


def test_eligibility_check_counts_today_in_california(monkeypatch, capsys):
    # 02:00 UTC on April 6 is still April 5, the last day to apply, in California.
    monkeypatch.setattr("openimr.core.clock.now", lambda: datetime(2024, 4, 6, 2, 0, tzinfo=UTC))
    assert main(["eligibility", "check", str(APPLICATION_FILE), "--json"]) == 0
    codes = {r["code"] for r in json.loads(capsys.readouterr().out)["reasons"]}
    assert "late" not in codes


@pytest.mark.parametrize(
    ("option", "value"),
    [("--applications", "-5"), ("--applications", "0"), ("--workers", "0"), ("--days", "0")],
)
def test_simulate_refuses_a_count_below_1_before_making_its_database(
    option, value, tmp_path, monkeypatch, capsys
):
    monkeypatch.setenv("OPENIMR_DATA_DIR", str(tmp_path))
    assert main(["simulate", "--quiet", option, value]) == 2
    assert capsys.readouterr().err == f"error: {option}: must be 1 or more\n"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--max-tasks", "0", "--max-tasks: must be 1 or more"),
        ("--max-tasks", "-1", "--max-tasks: must be 1 or more"),
        ("--interval", "0", "--interval: must be more than 0 seconds, a finite number"),
    ],
)
def test_worker_refuses_a_count_or_interval_that_would_run_unbounded(
    option, value, message, capsys
):
    assert main(["worker", "--batch", option, value]) == 2
    assert capsys.readouterr().err == f"error: {message}\n"


@pytest.mark.django_db(transaction=True)
def test_demo_refuses_a_negative_corpus_before_loading_anything(capsys):
    from django.contrib.auth import get_user_model

    assert main(["demo", "--corpus", "-1"]) == 2
    assert capsys.readouterr().err == "error: --corpus: must be 0 or more\n"
    assert get_user_model().objects.count() == 0
