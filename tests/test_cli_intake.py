"""`openimr eligibility check`, `applications import` and `clocks show`."""

import datetime as dt
import json

import pytest

from conftest import APPLICATION_FILE
from openimr.cli import main
from openimr.cli_intake import _due


def test_eligibility_check_prints_outcome_reasons_and_deadlines_as_json(capsys):
    assert (
        main(["eligibility", "check", str(APPLICATION_FILE), "--today", "2024-04-08", "--json"])
        == 0
    )
    report = json.loads(capsys.readouterr().out)
    assert report["outcome"] == "ineligible"
    codes = {r["code"] for r in report["reasons"]}
    assert codes == {"late", "no_ur_decision"}
    assert all(r["source"] and r["text"] for r in report["reasons"])
    assert report["deadlines"]["filing_due"]["due"] == "2024-04-05"


def test_eligibility_check_of_a_bad_file_lists_problems_and_exits_2(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text('{"claim_number": ""}', encoding="utf-8")
    assert main(["eligibility", "check", str(bad), "--json"]) == 2
    err = capsys.readouterr().err
    assert "$.claim_number: must not be empty" in err and "$.employee: is missing" in err


@pytest.mark.django_db(transaction=True)
def test_a_batch_with_one_bad_line_imports_nothing_and_names_the_line(
    tmp_path, application_doc, capsys
):
    from openimr.cases.models import Case

    good = json.dumps(application_doc)
    bad = dict(application_doc, claim_number="")
    path = tmp_path / "batch.jsonl"
    path.write_text(f"{good}\n{json.dumps(bad)}\n", encoding="utf-8")
    assert main(["applications", "import", str(path)]) == 2
    assert "line 2: $.claim_number" in capsys.readouterr().err
    assert Case.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_a_good_batch_imports_and_clocks_show_reads_a_case(tmp_path, application_doc, capsys):
    other = dict(application_doc, claim_number="OTHER-2")
    path = tmp_path / "batch.jsonl"
    path.write_text(f"{json.dumps(application_doc)}\n\n{json.dumps(other)}\n", encoding="utf-8")
    assert main(["applications", "import", str(path)]) == 0
    assert "imported 2 application(s)" in capsys.readouterr().out
    from openimr.cases.models import Case

    number = Case.objects.order_by("case_number").first().case_number
    assert main(["clocks", "show", number, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["case_number"] == number
    assert all({"name", "due", "rule", "source", "status"} <= set(d) for d in shown["deadlines"])


@pytest.mark.django_db(transaction=True)
def test_a_batch_with_an_unreadable_upload_imports_nothing_and_names_its_line(
    tmp_path, application_doc, capsys
):
    from openimr.cases.models import Case

    bad = dict(application_doc, claim_number="OTHER-3")
    bad["ur_decision_document"] = {"filename": "ur.pdf", "content_base64": "bm90IGEgcGRm"}
    path = tmp_path / "batch.jsonl"
    path.write_text(f"{json.dumps(application_doc)}\n\n{json.dumps(bad)}\n", encoding="utf-8")
    assert main(["applications", "import", str(path)]) == 2
    assert "line 3: $.ur_decision_document.content_base64: the file is not a PDF" in (
        capsys.readouterr().err
    )
    assert Case.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_clocks_show_of_an_unknown_case_exits_2(capsys):
    assert main(["clocks", "show", "CM00-0000000"]) == 2


def test_clocks_show_prints_an_hour_deadline_in_california_time_to_the_minute():
    # An expedited review's records are due within hours: a moment, not a day.
    due = dt.datetime(2026, 11, 28, 11, 47, 0, 112941, tzinfo=dt.UTC)
    assert _due(due) == "2026-11-28 03:47 PST"
    assert _due(dt.datetime(2026, 7, 1, 19, 0, tzinfo=dt.UTC)) == "2026-07-01 12:00 PDT"
    assert _due(dt.date(2026, 12, 28)) == "2026-12-28"
