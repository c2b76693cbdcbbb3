"""`--today` of `eligibility check` and `reviewers match` takes a YYYY-MM-DD day from
1900-01-01 to 2100-12-31: day 1 and 9999-12-31 ended `reviewers match` in a traceback from
its date arithmetic, and eligibility screened applications "received" in year 1."""

import pytest

from conftest import APPLICATION_FILE
from openimr.cli import main
from tests.ops.backups import ROOT

COMMANDS = {
    "eligibility check": ["eligibility", "check", str(APPLICATION_FILE)],
    "reviewers match": [
        "reviewers",
        "match",
        str(ROOT / "tests" / "data" / "case-for-matching.json"),
        "--panel",
        str(ROOT / "openimr" / "demo" / "panel.json"),
    ],
}


@pytest.mark.parametrize("command", COMMANDS.values(), ids=COMMANDS.keys())
@pytest.mark.parametrize("today", ["0001-01-01", "1899-12-31", "2101-01-01", "9999-12-31"])
def test_a_day_out_of_range_is_named_with_exit_2(command, today, capsys):
    assert main([*command, "--today", today]) == 2
    assert capsys.readouterr().err == (
        f"error: --today: {today} is not between 1900-01-01 and 2100-12-31\n"
    )


@pytest.mark.parametrize("command", COMMANDS.values(), ids=COMMANDS.keys())
@pytest.mark.parametrize("today", ["20240320", "2024-W12-3"])
def test_a_day_not_written_yyyy_mm_dd_is_refused(command, today, capsys):
    assert main([*command, "--today", today]) == 2
    assert f"{today!r} is not a YYYY-MM-DD date" in capsys.readouterr().err


@pytest.mark.parametrize("command", COMMANDS.values(), ids=COMMANDS.keys())
def test_the_first_and_last_days_of_the_range_are_taken(command, capsys):
    main([*command, "--today", "1900-01-01"])  # eligibility: the example is dated later
    assert "--today" not in capsys.readouterr().err
    assert main([*command, "--today", "2100-12-31"]) == 0, capsys.readouterr().err
