"""Given only its last month, the timeliness report (page and `openimr clocks timeliness`)
reads the three months ending then, as it reads the three ending this month by default:
`--to 2026-01` in June had been refused as "2026-01 is before 2026-04", a month nobody
gave. Given only its first month, it still runs to this month."""

import json
from datetime import datetime

import pytest
import time_machine

from openimr.cli import main
from openimr.core.clock import CALIFORNIA

pytestmark = pytest.mark.django_db
TODAY = datetime(2026, 6, 1, 9, 0, tzinfo=CALIFORNIA)


def _cli(capsys, *args):
    with time_machine.travel(TODAY, tick=False):
        status = main(["clocks", "timeliness", "--json", *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_the_command_given_only_to_reads_the_three_months_ending_then(capsys):
    status, out, err = _cli(capsys, "--to", "2026-01")
    assert (status, err) == (0, "")
    assert (json.loads(out)["from"], json.loads(out)["to"]) == ("2025-11", "2026-01")


def test_the_command_given_only_from_runs_to_this_month(capsys):
    status, out, _ = _cli(capsys, "--from", "2026-02")
    assert status == 0
    assert (json.loads(out)["from"], json.loads(out)["to"]) == ("2026-02", "2026-06")


def test_the_page_given_only_to_reads_the_three_months_ending_then(client, staff_client):
    with time_machine.travel(TODAY, tick=False):
        answer = client.get("/cases/timeliness/?to=2026-01")
    assert answer.status_code == 200
    assert (answer.context["first"], answer.context["last"]) == ("2025-11", "2026-01")


def test_a_bad_to_alone_is_still_refused_at_to(capsys):
    status, out, err = _cli(capsys, "--to", "2026-1")
    assert (status, out) == (2, "") and "--to: '2026-1' is not a month written YYYY-MM" in err
