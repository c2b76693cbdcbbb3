"""`openimr reviewers match`, through a small harness that behaves like `openimr.cli.main`:
parse, run the handler, turn an `InvalidInput` into the error text and exit code 2."""

import argparse
import json
import sys

import pytest

from openimr import cli_reviewers
from openimr.core.errors import InvalidInput
from openimr.reviewers.tests.builders import DATA, DEMO_PANEL

CASE, PANEL = str(DATA / "case-for-matching.json"), str(DEMO_PANEL)


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="openimr")
    cli_reviewers.register(parser.add_subparsers(dest="group", required=True))
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except InvalidInput as exc:
        print("error: " + exc.report(), file=sys.stderr)
        return 2


def test_match_prints_the_choice_as_json(capsys):
    assert run("reviewers", "match", CASE, "--panel", PANEL, "--today", "2026-11-26", "--json") == 0
    out = json.loads(capsys.readouterr().out)
    assert out["chosen"] == ["R-101"]
    assert out["multi_reviewer"] is False
    assert out["coverage"] == {"0": "R-101", "1": "R-101", "2": "R-101"}
    assert [r["reviewer_id"] for r in out["ranked"]] == ["R-101", "R-103"]
    assert out["ranked"][0]["expected_decision"] == "2026-11-27"
    excluded = {e["reviewer_id"]: e["reasons"] for e in out["excluded"]}
    (conflict,) = excluded["R-102"]
    assert conflict["code"] == "affiliated_claims_administrator"
    assert conflict["matched"] == [
        "Golden State Claims Services, Inc.",
        "Golden State Claims Svcs.",
    ]
    assert conflict["source"] == "LC 139.5(d); 8 CCR 9792.10.6"
    assert set(conflict) == {"code", "text", "source", "matched"}


def test_match_prints_plain_words_by_default(capsys):
    assert run("reviewers", "match", CASE, "--panel", PANEL, "--today", "2026-11-26") == 0
    out = capsys.readouterr().out
    assert out.startswith("chosen: R-101\n")
    assert "excluded R-108:\n  - On leave from 11/20/2026 to 12/15/2026. (LC 4610.6(d))" in out
    assert "Dr. Maya Lindqvist" not in out  # ids only


def test_a_bad_panel_is_reported_by_json_path_with_exit_code_2(tmp_path, capsys):
    doc = json.loads((DEMO_PANEL).read_text(encoding="utf-8"))
    doc["reviewers"][2]["licenses"][0]["state"] = "ZZ"
    bad = tmp_path / "panel.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    assert run("reviewers", "match", CASE, "--panel", str(bad)) == 2
    err = capsys.readouterr().err
    assert "$.reviewers[2].licenses[0].state: 'ZZ' is not a US state code" in err
    assert f"--panel {bad}: 1 problem(s)" in err


def test_the_two_files_swapped_are_each_named_in_the_error(capsys):
    # Both are JSON: the problems had been listed with no word of which file held them.
    assert run("reviewers", "match", PANEL, "--panel", CASE) == 2
    assert f"--panel {CASE}: " in capsys.readouterr().err
    assert run("reviewers", "match", PANEL, "--panel", PANEL) == 2
    err = capsys.readouterr().err
    assert f"CASE.json {PANEL}: 1 problem(s)" in err and "$.case_number: is required" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("--today", "26/11/2026"), "--today: '26/11/2026' is not a YYYY-MM-DD date"),
        (("--panel", "/nonexistent/panel.json"), "--panel: cannot read /nonexistent/panel.json"),
    ],
)
def test_bad_arguments_are_reported_with_exit_code_2(argv, message, capsys):
    options = {"--panel": PANEL, "--today": "2026-11-26"} | dict([argv])
    assert run("reviewers", "match", CASE, *[x for kv in options.items() for x in kv]) == 2
    assert message in capsys.readouterr().err


def test_a_case_file_that_is_not_json_is_refused(tmp_path, capsys):
    bad = tmp_path / "case.json"
    bad.write_text("[1, 2]", encoding="utf-8")
    assert run("reviewers", "match", str(bad), "--panel", PANEL) == 2
    assert "must hold one JSON object" in capsys.readouterr().err


def test_the_panel_option_is_required(capsys):
    with pytest.raises(SystemExit):
        run("reviewers", "match", CASE)
