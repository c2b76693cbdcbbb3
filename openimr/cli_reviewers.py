"""`openimr reviewers match`: choose a case's reviewer from a panel file, offline.

No database and no Django: the case is an ``openimr.case/1`` file, the panel an
``openimr.panel/1`` file, the specialty table the shipped one. The output names reviewers by
id only; it is for IMRO staff (a reviewer's name never leaves the IMRO, LC 4610.6(f)).
"""

import argparse
import json
import sys
from dataclasses import asdict
from typing import Any

from openimr.cli_intake import day_option
from openimr.cli_output import print_json
from openimr.core.errors import InvalidInput, Problem
from openimr.core.text import shown_literally
from openimr.reviewers.domain.matching import MatchResult, match
from openimr.reviewers.index import PanelIndex
from openimr.reviewers.match_input import match_case_from_document
from openimr.reviewers.panel_format import panel_from_json
from openimr.reviewers.specialty_data import default_specialty_table


def _read(path: str, what: str, encoding: str = "utf-8") -> str:
    from openimr.cli import read_text_input

    return read_text_input(path, what, encoding)


def _case_document(path: str) -> dict[str, Any]:
    try:
        doc = json.loads(_read(path, "case"))
    except json.JSONDecodeError as exc:
        raise InvalidInput([Problem("$", f"{path} is not valid JSON: {exc}")]) from exc
    if not isinstance(doc, dict):
        raise InvalidInput([Problem("$", f"{path} must hold one JSON object")])
    return doc


def report(result: MatchResult) -> dict[str, Any]:
    """The result as JSON-ready data: ids, reasons and the proposed coverage."""
    return {
        "chosen": list(result.chosen),
        "ranked": [
            asdict(r)
            | {"covers": list(r.covers), "expected_decision": r.expected_decision.isoformat()}
            for r in result.ranked
        ],
        "excluded": [
            {
                "reviewer_id": e.reviewer_id,
                "reasons": [asdict(r) | {"matched": list(r.matched)} for r in e.reasons],
            }
            for e in result.excluded
        ],
        "multi_reviewer": result.multi_reviewer,
        "coverage": {str(item): rid for item, rid in result.coverage},
        "uncovered": list(result.uncovered),
        "not_considered": result.not_considered,
    }


def _print_text(result: MatchResult) -> None:
    chosen = ", ".join(result.chosen) or "nobody"
    print(
        f"chosen: {chosen}"
        + (" (several reviewers: needs the AD's approval)" if result.multi_reviewer else "")
    )
    for item, rid in result.coverage:
        print(f"  item {item + 1}: {rid}")
    for item in result.uncovered:
        print(f"  item {item + 1}: no eligible reviewer fits")
    for ranked in result.ranked:
        print(f"ranked {ranked.reviewer_id} ({ranked.score:.2f}): {ranked.why}")
    for exclusion in result.excluded:
        print(f"excluded {exclusion.reviewer_id}:")
        for reason in exclusion.reasons:
            print(f"  - {reason.text} ({reason.source})")
    print(f"{result.not_considered} reviewer(s) of other specialties not considered")


def cmd_reviewers_match(args: argparse.Namespace) -> int:
    doc = _case_document(args.case)
    try:
        panel = PanelIndex(panel_from_json(_read(args.panel, "--panel")).values())
    except InvalidInput as exc:
        raise exc.located(f"--panel {args.panel}") from exc
    try:
        case = match_case_from_document(doc)
    except InvalidInput as exc:
        raise exc.located(f"CASE.json {args.case}") from exc
    result = match(case, panel, panel, default_specialty_table(), day_option(args.today, "--today"))
    if args.json:
        print_json(report(result))
    else:
        _print_text(result)
    return 0


def cmd_reviewers_import(args: argparse.Namespace) -> int:
    """Import a panel CSV into the database: rejected rows are listed with line and field,
    every other row imports; exit 2 when any row was rejected."""
    from openimr.cli import _django

    text = _read(args.file, "PANEL.csv", "utf-8-sig")
    _django()
    from openimr.reviewers.services import reviewers_import_csv

    report = reviewers_import_csv(text=text, actor="cli")
    print(f"imported {len(report.imported)} reviewer(s), rejected {len(report.rejected)} row(s)")
    for reviewer_id, said in report.kept:  # staff's entries the file did not replace
        print(f"  {reviewer_id}: {said}")
    for _line, problems in report.rejected:
        for problem in problems:  # its path names the line and column: "line 3: weekly_hours"
            print(f"  {shown_literally(str(problem))}", file=sys.stderr)
    return 2 if report.rejected else 0


def register(groups: Any) -> None:
    """Add ``reviewers match`` and ``reviewers import`` to the ``openimr`` command."""
    reviewers = groups.add_parser("reviewers", help="the reviewer panel")
    commands = reviewers.add_subparsers(dest="command", required=True)
    found = commands.add_parser(
        "match", help="choose a case's reviewer from a panel file (no database)"
    )
    found.add_argument("case", metavar="CASE.json", help="an openimr.case/1 file")
    found.add_argument(
        "--panel", required=True, metavar="PANEL.json", help="an openimr.panel/1 file"
    )
    found.add_argument("--today", metavar="YYYY-MM-DD", help="the day of matching (default: today)")
    found.add_argument("--json", action="store_true", help="print the result as JSON")
    found.set_defaults(handler=cmd_reviewers_match)
    imported = commands.add_parser(
        "import", help="import a panel CSV; bad rows reported, the rest imported"
    )
    imported.add_argument("file", metavar="PANEL.csv")
    imported.set_defaults(handler=cmd_reviewers_import)
