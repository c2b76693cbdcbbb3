"""`openimr corpus recheck [--workers W] [--dry-run] [--json]`: withhold the PDF of every
published letter whose de-identification changes its text, for letters ingested before
ingest did so itself, and read their stored reviewer specialties as the parser now reads
them (openimr.decisions.services.recheck)."""

import argparse
import json
import os
import sys
from typing import Any

from openimr.cli_output import shown_name
from openimr.core.text import shown_literally


def cmd_corpus_recheck(args: argparse.Namespace) -> int:
    from openimr.core.errors import InvalidInput, Problem

    if args.workers < 1:
        raise InvalidInput([Problem("--workers", "must be 1 or more")])
    from openimr.cli import _django

    _django()
    from openimr.decisions.services.recheck import corpus_recheck

    summary = corpus_recheck(actor="cli", workers=args.workers, dry_run=args.dry_run)
    if args.json:
        print(json.dumps(summary.as_dict(), indent=2))
    else:
        _print_summary(summary.as_dict())
    return 0


def _print_summary(summary: dict[str, Any]) -> None:
    verb = "would withhold" if summary["dry_run"] else "withheld the PDF of"
    print(
        f"checked {summary['checked']} published letters with a PDF; {verb} "
        f"{len(summary['withheld'])} (de-identification changes their text); "
        f"PDF missing {len(summary['missing'])}; could not be read {len(summary['unreadable'])}"
    )
    for number in summary["withheld"]:
        print(f"  {verb}: {number}")
    renamed = "would read" if summary["dry_run"] else "read"
    for r in summary["specialties"]:
        print(
            f'  {renamed} the specialty "{r["printed"]}" as "{r["name"]}": {r["letters"]} letters'
        )
    removed = "would remove" if summary["dry_run"] else "removed"
    for path in summary["left_behind"]:
        print(f"  {removed} the withheld PDF an earlier run left behind: {shown_name(path)}")
    for number in summary["missing"][:20]:
        print(f"  PDF missing (left as is): {number}", file=sys.stderr)
    for entry in summary["unreadable"][:20]:
        print(
            f"  could not be read (left as is): {entry['case_number']}: "
            + shown_literally(entry["reason"]),
            file=sys.stderr,
        )


def register(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    recheck = commands.add_parser(
        "recheck",
        help=(
            "withhold the PDF of each published letter whose de-identification changes it; "
            "read stored specialties as the parser now does"
        ),
    )
    recheck.add_argument(
        "--workers",
        type=int,
        default=os.cpu_count() or 1,
        metavar="N",
        help="sandbox reader processes reading PDFs at once (default: the CPU count)",
    )
    recheck.add_argument(
        "--dry-run",
        action="store_true",
        help="say which letters would lose their PDF; write nothing",
    )
    recheck.add_argument("--json", action="store_true", help="print the summary as JSON")
    recheck.set_defaults(handler=cmd_corpus_recheck)
