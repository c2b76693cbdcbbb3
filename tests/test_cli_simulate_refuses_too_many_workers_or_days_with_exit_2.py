"""`openimr simulate` caps ``--workers`` and ``--days`` as it caps ``--applications``: a count
beyond the cap (99999999999999999999999 workers were accepted and forked until the machine
gave out; days beyond the year silently meant the whole year) is refused with exit 2, the
option and its maximum named, and nothing is made."""

import pytest

from openimr.cli import main
from openimr.cli_intake import MAX_DAYS, MAX_WORKERS


@pytest.mark.parametrize(
    ("option", "count", "said"),
    [
        ("--workers", str(MAX_WORKERS + 1), f"must be at most {MAX_WORKERS}"),
        ("--workers", "99999999999999999999999", f"must be at most {MAX_WORKERS}"),
        ("--days", str(MAX_DAYS + 1), f"must be at most {MAX_DAYS}"),
        ("--days", "99999999999999999999999", f"must be at most {MAX_DAYS}"),
    ],
)
def test_a_count_above_the_maximum_is_refused_naming_the_option(
    option, count, said, tmp_path, monkeypatch, capsys
):
    monkeypatch.setenv("OPENIMR_DATA_DIR", str(tmp_path))
    assert main(["simulate", "--quiet", "--applications", "3", option, count]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {option}: {said} (")
    assert list(tmp_path.iterdir()) == []


def test_both_are_named_when_both_are_too_large(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("OPENIMR_DATA_DIR", str(tmp_path))
    args = ["simulate", "--quiet", "--workers", "1000", "--days", "1000"]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "--workers: must be at most" in err and "--days: must be at most" in err
