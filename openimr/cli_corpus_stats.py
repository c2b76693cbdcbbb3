"""`openimr corpus stats --by FIELD [--json]` (items decided, overturned and the overturn
rate per value) and `openimr corpus export --format csv|jsonl|parquet -o FILE` (the
de-identified corpus, or one search of it, streamed to a file)."""

import argparse
import json
import sys
from collections.abc import Iterable
from typing import Any

from openimr.cli_output import shown_name
from openimr.core.errors import InvalidInput, Problem

STATS_FIELDS = ("category", "family", "specialty", "year", "month", "priority", "outcome")
FORMATS = ("csv", "jsonl", "parquet")
# The search page's filters (openimr.decisions.search_terms.FILTER_NAMES; a test keeps them
# the same).
WHERE_KEYS = ("outcome", "category", "specialty", "family", "mtus_based", "year", "priority")
# Options whose value is free text, which may start with "-" (`--q -knee`: `openimr.cli`
# hands it on as `--q=-knee`, which argparse would otherwise refuse as an unknown option).
FREE_TEXT = ("--q",)


def _django() -> None:
    from openimr.cli import _django as setup

    setup()


def cmd_corpus_stats(args: argparse.Namespace) -> int:
    _django()
    from openimr.decisions.domain.cohort import MIN_COHORT
    from openimr.decisions.selectors import items_left_out, overturn_by

    rows, left_out = overturn_by(args.by), items_left_out(args.by)
    if args.json:
        out = [
            {"key": r.key, "count": r.count, "overturned": r.overturned, "rate": r.rate}
            for r in rows
        ]
        print(json.dumps({"by": args.by, "rows": out, "left_out": left_out}, indent=2))
        return 0
    width = max([len(args.by), *(len(r.key) for r in rows)])
    print(f"{args.by:<{width}}  {'count':>9}  {'overturned':>10}  {'rate':>6}")
    for r in rows:
        print(f"{r.key:<{width}}  {r.count:>9}  {r.overturned:>10}  {_rate(r):>6}")
    if any(0 < r.count < MIN_COHORT for r in rows):
        # As the analytics page says it: the rate is withheld, the counts are not.
        print(f"(—: fewer than {MIN_COHORT} decided items, too few for a rate)")
    if not rows and not left_out:  # a header alone read as a command that had failed
        print("(no decided item is published yet: nothing to count)")
    if left_out:
        items = "item has" if left_out == 1 else "items have"
        are = "is" if left_out == 1 else "are"
        print(f"({left_out:,} decided {items} no {args.by} and {are} not counted above)")
    return 0


def _rate(row: Any) -> str:
    """The rate as the table prints it: "—" when withheld over too few items, as the page
    prints it; nothing for a month or year that decided nothing."""
    return row.percent or ("—" if row.count else "")


def _where(pairs: list[str]) -> dict[str, str]:
    """The filters: a key that is not one of WHERE_KEYS, one given twice or one with no
    value would otherwise be ignored or overridden and export more than was asked."""
    found: dict[str, str] = {}
    problems = []
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = key.strip()
        if not sep or not key:
            problems.append(Problem("--where", f"{pair!r} is not KEY=VALUE"))
        elif key not in WHERE_KEYS:
            problems.append(
                Problem("--where", f"unknown filter {key!r}; one of: {', '.join(WHERE_KEYS)}")
            )
        elif key in found:
            problems.append(Problem("--where", f"{key} is given twice"))
        elif not value.strip():  # `--where "year=$UNSET"`: the page reads it as no filter
            problems.append(Problem(f"--where {key}", "has no value: give one, or leave it out"))
        else:
            found[key] = value
    if problems:
        raise InvalidInput(problems)
    return found


def cmd_corpus_export(args: argparse.Namespace) -> int:
    """Streams to a temporary file beside the target and renames it at the end, so an
    interrupted export never leaves a half-written file under the target's name."""
    params = _where(args.where)
    if args.q:
        params["q"] = args.q
    _django()
    from openimr.cli_output import write_file
    from openimr.decisions.selectors import (
        ExportTally,
        corpus_export,
        search_query,
        searched_words,
    )

    tally = ExportTally()
    to_stdout = args.output == "-"  # as `-o -` is for `case export`: `... -o - | jq`
    if to_stdout:  # what reached the pipe before a Ctrl-C stays there
        args.interrupted = ""
    try:
        chunks = corpus_export(args.format, params, tally)
        size = _to_stdout(chunks) if to_stdout else write_file(chunks, args.output, public=True)
    except InvalidInput as exc:
        raise InvalidInput([_as_option(p) for p in exc.problems]) from exc
    count = f"{tally.decisions:,} decision{'' if tally.decisions == 1 else 's'}"
    where = "standard output" if to_stdout else shown_name(args.output)
    print(f"wrote {count} to {where} ({size:,} bytes, {args.format})", file=sys.stderr)
    if args.q:
        _say_searched(searched_words(search_query(params, paged=False)))
    return 0


def _to_stdout(chunks: Iterable[bytes]) -> int:
    """The chunks written to standard output as they come; the bytes written."""
    size = 0
    for chunk in chunks:
        sys.stdout.buffer.write(chunk)
        size += len(chunk)
    sys.stdout.flush()
    return size


def _say_searched(words: tuple[list[str], list[str], list[str]]) -> None:
    """Which words the export searched, as the search page says it (every one required),
    those left out as too common, and the letters left out for a word typed with a "-"."""
    searched, common, excluded = words
    if searched:
        print(f"searched: every one of {', '.join(searched)}", file=sys.stderr)
    if excluded:
        print(f"leaving out letters holding any of: {', '.join(excluded)}", file=sys.stderr)
    if common:
        print(f"left out as too common: {', '.join(common)}", file=sys.stderr)


def _as_option(problem: Problem) -> Problem:
    """The corpus's parser names the search page's parameters ("$.q", "$.year"); here the
    user typed options: "--q", "--where year"."""
    name = problem.path.removeprefix("$.")
    if name == "q":
        return Problem("--q", problem.message)
    if name in WHERE_KEYS:
        return Problem(f"--where {name}", problem.message)
    return problem


def register(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Adds this module's `corpus` subcommands."""
    stats = commands.add_parser("stats", help="overturn counts and rate by one field")
    stats.add_argument("--by", required=True, choices=STATS_FIELDS)
    stats.add_argument("--json", action="store_true", help="print JSON")
    stats.set_defaults(handler=cmd_corpus_stats)
    out = commands.add_parser("export", help="the de-identified corpus as CSV, JSONL or Parquet")
    out.add_argument("--format", required=True, choices=FORMATS)
    out.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE",
        help='file to write ("-": standard output)',
    )
    out.add_argument("--q", default="", metavar="WORDS", help="only decisions matching these words")
    out.add_argument(
        "--where",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help=f"a filter as on the search page ({', '.join(WHERE_KEYS)}); repeatable",
    )
    # Written beside the target and renamed at the end (`openimr.cli_output.write_file`).
    out.set_defaults(
        handler=cmd_corpus_export, interrupted="nothing is left half-written at {output}"
    )
