"""The timeliness report's share on time rounds a half up, in integers, on the page, in the
command's table, its JSON and the CSV, as the analytics and the precedent panel round: 1 of
8 on time read 12 % on the page, 1 of 16 6.2% in the table and 1 of 32 0.0312 in the CSV and
the JSON, a binary float's half rounded to even."""

import csv
import io
import json

import pytest

from openimr.cases.domain.timeliness import MonthRow
from openimr.cases.timeliness import TimelinessReport
from openimr.cli import main

ONE_IN_8 = MonthRow("2026-03", "records_due", 1, 7, 0, 0)
ONE_IN_16 = MonthRow("2026-04", "records_due", 1, 15, 0, 0)
ONE_IN_32 = MonthRow("2026-04", "determination_due", 1, 30, 1, 4)


@pytest.mark.parametrize(
    ("row", "page", "table", "fraction"),
    [
        (ONE_IN_8, "13", "12.5%", "0.1250"),
        (ONE_IN_16, "6", "6.3%", "0.0625"),
        (ONE_IN_32, "3", "3.1%", "0.0313"),
        (MonthRow("2026-04", "records_due", 2, 1, 0, 0), "67", "66.7%", "0.6667"),
        (MonthRow("2026-04", "records_due", 0, 0, 0, 3), "", "", ""),
    ],
)
def test_a_share_rounds_a_half_up(row, page, table, fraction):
    assert row.on_time_rounded(0, percent=True) == page
    assert row.on_time_rounded(1, percent=True) + ("%" if table else "") == table
    assert row.on_time_rounded(4) == fraction


@pytest.fixture
def report(monkeypatch) -> None:
    made = TimelinessReport("2026-03", "2026-04", [ONE_IN_8, ONE_IN_16, ONE_IN_32])
    monkeypatch.setattr("openimr.cases.report_views.timeliness_report", lambda **_: made)
    monkeypatch.setattr("openimr.cases.selectors.timeliness_report", lambda **_: made)


@pytest.mark.django_db
def test_the_page_and_its_csv_round_a_half_up(client, staff_client, report):
    page = client.get("/cases/timeliness/?from=2026-03&to=2026-04").content.decode()
    assert "<td>13&nbsp;%</td>" in page and "<td>12&nbsp;%</td>" not in page
    body = client.get("/cases/timeliness/?from=2026-03&to=2026-04&format=csv").content
    shares = [r["on_time_share"] for r in csv.DictReader(io.StringIO(body.decode()))]
    assert shares == ["0.1250", "0.0625", "0.0313"]


@pytest.mark.django_db
def test_the_commands_table_and_json_round_a_half_up(capsys, report):
    assert main(["clocks", "timeliness", "--from", "2026-03", "--to", "2026-04"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[-1] for line in lines[2:5]] == ["12.5%", "6.3%", "3.1%"]
    assert main(["clocks", "timeliness", "--from", "2026-03", "--to", "2026-04", "--json"]) == 0
    months = json.loads(capsys.readouterr().out)["months"]
    assert [m["on_time_share"] for m in months] == [0.125, 0.0625, 0.0313]
