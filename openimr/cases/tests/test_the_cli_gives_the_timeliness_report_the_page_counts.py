"""`openimr clocks timeliness` gives a state agency the staff page's timeliness report on a
schedule: the same months counted the same way, every missed deadline named (the page lists
only its first LATE_LISTED), the claims administrators, the page's CSV to the byte, and the
page's refusals of a month as exit 2 naming the option."""

import csv
import io
import json
from datetime import datetime

import pytest
import time_machine

from openimr.cli import main
from openimr.core.clock import CALIFORNIA

pytestmark = pytest.mark.django_db
TODAY = datetime(2026, 6, 1, 9, 0, tzinfo=CALIFORNIA)
SPAN = ["--from", "2026-03", "--to", "2026-04"]


def _cli(capsysbinary, *args):
    with time_machine.travel(TODAY, tick=False):
        status = main(["clocks", "timeliness", *args])
    out, err = capsysbinary.readouterr()
    return status, out.decode("utf-8"), err.decode("utf-8")


def _page(client, query):
    with time_machine.travel(TODAY, tick=False):
        return client.get(f"/cases/timeliness/{query}")


def test_the_csv_is_the_pages_csv_to_the_byte(client, staff_client, late_case, capsysbinary):
    status, out, _ = _cli(capsysbinary, *SPAN, "--csv")
    page = _page(client, "?from=2026-03&to=2026-04&format=csv")
    assert status == 0
    assert out.encode("utf-8") == page.content
    assert len(list(csv.DictReader(io.StringIO(out)))) == 3


def test_the_json_counts_each_month_as_the_page_does(client, staff_client, late_case, capsysbinary):
    status, out, _ = _cli(capsysbinary, *SPAN, "--json")
    report = json.loads(out)
    page = _page(client, "?from=2026-03&to=2026-04&format=csv").content.decode("utf-8-sig")
    on_page = {
        (r["month"], r["clock"]): (int(r["due"]), int(r["late"]), int(r["overdue"]))
        for r in csv.DictReader(io.StringIO(page))
    }
    assert status == 0
    assert {
        (m["month"], m["clock"]): (m["due"], m["late"], m["overdue"]) for m in report["months"]
    } == on_page
    assert report["missed_total"] == 3
    assert [m["status"] for m in report["missed"]] == ["late", "late", "overdue"]
    assert {m["case_number"] for m in report["missed"]} == {late_case.case_number}
    assert report["administrators"] == [
        {"name": "Late Mutual", "records_due": 1, "records_late_or_overdue": 1}
    ]


def test_the_json_names_every_missed_deadline_the_page_leaves_out(
    client, staff_client, late_case, capsysbinary, monkeypatch
):
    monkeypatch.setattr("openimr.cases.report_views.LATE_LISTED", 1)
    body = _page(client, "?from=2026-03&to=2026-04").content.decode()
    assert "the first 1 by due date are listed" in body
    _, out, _ = _cli(capsysbinary, *SPAN, "--json")
    assert len(json.loads(out)["missed"]) == 3


def test_the_table_reads_each_month_and_the_late_administrator(late_case, capsysbinary):
    status, out, _ = _cli(capsysbinary, *SPAN)
    assert status == 0
    assert "2026-03  Notice of Assignment" in out
    assert "3 deadline(s) met late or overdue" in out
    assert "Late Mutual: 1, 1" in out


@pytest.mark.parametrize(
    ("span", "said"),
    [
        (
            ["--from", "2026-13", "--to", "2026-12"],
            "--from: '2026-13' is not a month written YYYY-MM",
        ),
        (["--from", "2026-05", "--to", "2026-04"], "--to: 2026-04 is before 2026-05"),
        (
            ["--from", "2025-01", "--to", "2026-04"],
            "--to: 2025-01 to 2026-04 is 16 months; at most 12",
        ),
        (["--from", "9999-12", "--to", "9999-12"], "--from: 9999-12 is not a month from 1900-01"),
    ],
)
def test_a_month_the_page_refuses_exits_2_naming_the_option(span, said, capsysbinary):
    status, out, err = _cli(capsysbinary, *span, "--json")
    assert status == 2
    assert said in err
    assert out == ""
