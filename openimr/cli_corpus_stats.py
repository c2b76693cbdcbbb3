"""`openimr corpus stats --by FIELD [--json]` (items decided, overturned and the overturn
rate per value) and `openimr corpus export --format csv|jsonl|parquet -o FILE` (the
de-identified corpus, or one search of it, streamed to a file)."""

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

from openimr.core.errors import InvalidInput, Problem

STATS_FIELDS = ("category", "family", "specialty", "year", "month", "priority", "outcome")
FORMATS = ("csv", "jsonl", "parquet")


def _django() -> None:
    from openimr.cli import _django as setup

    setup()


def cmd_corpus_stats(args: argparse.Namespace) -> int:
    _django()
    from openimr.decisions.selectors import overturn_by

    rows = overturn_by(args.by)
    if args.json:
        out = [
            {"key": r.key, "count": r.count, "overturned": r.overturned, "rate": r.rate}
            for r in rows
        ]
        print(json.dumps({"by": args.by, "rows": out}, indent=2))
        return 0
    width = max([len(args.by), *(len(r.key) for r in rows)])
    print(f"{args.by:<{width}}  {'count':>9}  {'overturned':>10}  {'rate':>6}")
    for r in rows:
        rate = "" if r.rate is None else f"{r.rate:.1%}"
        print(f"{r.key:<{width}}  {r.count:>9}  {r.overturned:>10}  {rate:>6}")
    return 0


def _where(pairs: list[str]) -> dict[str, str]:
    found = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise InvalidInput([Problem("--where", f"{pair!r} is not KEY=VALUE")])
        found[key.strip()] = value
    return found


def cmd_corpus_export(args: argparse.Namespace) -> int:
    """Streams to a temporary file beside the target and renames it at the end, so an
    interrupted export never leaves a half-written file under the target's name."""
    params = _where(args.where)
    if args.q:
        params["q"] = args.q
    _django()
    from openimr.decisions.selectors import corpus_export

    chunks = corpus_export(args.format, params)
    target = Path(args.output)
    if not target.parent.is_dir():
        raise InvalidInput([Problem("--output", f"no folder {target.parent}")])
    size = 0
    with tempfile.NamedTemporaryFile(dir=target.parent, delete=False) as handle:
        try:
            for chunk in chunks:
                handle.write(chunk)
                size += len(chunk)
        except BaseException:
            os.unlink(handle.name)
            raise
    os.replace(handle.name, target)
    print(f"wrote {target} ({size:,} bytes, {args.format})", file=sys.stderr)
    return 0


def register(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Adds this module's `corpus` subcommands."""
    stats = commands.add_parser("stats", help="overturn counts and rate by one field")
    stats.add_argument("--by", required=True, choices=STATS_FIELDS)
    stats.add_argument("--json", action="store_true", help="print JSON")
    stats.set_defaults(handler=cmd_corpus_stats)
    out = commands.add_parser("export", help="the de-identified corpus as CSV, JSONL or Parquet")
    out.add_argument("--format", required=True, choices=FORMATS)
    out.add_argument("-o", "--output", required=True, help="file to write")
    out.add_argument("--q", default="", help="only decisions matching these words")
    out.add_argument(
        "--where",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="a filter as on the search page (outcome, category, specialty, family, "
        "mtus_based, year, priority); repeatable",
    )
    out.set_defaults(handler=cmd_corpus_export)
