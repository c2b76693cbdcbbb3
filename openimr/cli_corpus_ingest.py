"""`openimr corpus ingest PATH...` (published letters into the corpus) and `openimr corpus
publish` (this organization's issued letters, de-identified)."""

import argparse
import json
import os
import sys
from typing import Any

from openimr.cli_output import shown_name
from openimr.core.text import shown_literally


def _django() -> None:
    from openimr.cli import _django as setup

    setup()


def cmd_corpus_ingest(args: argparse.Namespace) -> int:
    from openimr.core.errors import InvalidInput, Problem

    if args.workers < 1:
        raise InvalidInput([Problem("--workers", "must be 1 or more")])
    if args.batch < 1:
        raise InvalidInput([Problem("--batch", "must be 1 or more")])
    _django()
    from openimr.cli import _os_user
    from openimr.decisions.services import corpus_ingest

    # The run's audit event names the account that ran it, as `case export`'s does.
    def run(**hooks: Any) -> Any:
        return corpus_ingest(args.paths, actor="cli", os_user=_os_user(), **hooks)

    summary = _with_progress(args, run)
    if args.json:
        print(json.dumps(summary.as_dict(), indent=2))
    else:
        _print_summary(summary.as_dict())
    if not summary.found:  # a mistyped folder reads as an ingest that found nothing new
        paths = ", ".join(shown_name(p) for p in args.paths)
        print(f"found no PDF, text or zip file under {paths}", file=sys.stderr)
    return 0


def _with_progress(args: argparse.Namespace, run: Any) -> Any:
    """A rich progress bar on a terminal (standard error, so --json output stays clean)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    console = Console(stderr=True)
    columns = (BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console, disable=not console.is_terminal) as progress:
        task = progress.add_task("ingest", total=None)
        return run(
            workers=args.workers,
            batch=args.batch,
            on_start=lambda total: progress.update(task, total=total),
            on_read=lambda: progress.advance(task),
        )


def _print_summary(summary: dict[str, Any]) -> None:
    print(
        f"found {summary['found']}: "
        f"parsed {summary['parsed']} (with warnings {summary['warned']}), "
        f"failed {summary['failed']}, skipped (already seen) {summary['skipped']}"
        + (f" (copies of stored letters {len(summary['copies'])})" if summary["copies"] else "")
    )
    for layout, count in summary["by_layout"].items():
        print(f"  {layout}: {count}")
    for link in summary["links"]:
        print(_link_line(link))
    for failure in summary["failures"][:20]:
        # Both read from the disk or a zip: a name or a member's name quoted in the reason
        # may hold an escape sequence or a U+202E.
        file, reason = shown_name(failure["file"]), shown_literally(failure["reason"])
        print(f"  failed: {file}: {reason}", file=sys.stderr)
    if len(summary["failures"]) > 20:
        print(f"  ... and {len(summary['failures']) - 20} more failures", file=sys.stderr)


def _link_line(link: dict[str, Any]) -> str:
    """What became of a link to a folder: followed, or not, and why."""
    named, target = shown_name(link["link"]), shown_name(link["target"])
    if link["followed"]:
        return f"  followed the link {named} to {target}"
    return (
        f"  did not follow the link {named} to {target}: that folder is read "
        "already, or holds one that is (a loop, or a second way to the same letters)"
    )


def cmd_corpus_publish(args: argparse.Namespace) -> int:
    _django()
    from openimr.decisions.services import decisions_publish

    numbers = args.case_numbers or None
    done = decisions_publish(case_numbers=numbers, actor="cli")
    print(f"published {len(done.published)}, already in the corpus {len(done.already)}")
    return 0


def register(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Adds this module's `corpus` subcommands."""
    ingest = commands.add_parser(
        "ingest", help="read published letters (folders, zips, PDFs, text) into the corpus"
    )
    ingest.add_argument("paths", nargs="+", metavar="PATH")
    ingest.add_argument(
        "--workers",
        type=int,
        default=os.cpu_count() or 1,
        metavar="N",
        help="sandbox reader processes parsing letters at once (default: the CPU count)",
    )
    ingest.add_argument(
        "--batch",
        type=int,
        default=250,
        metavar="N",
        help="files stored per transaction (default 250)",
    )
    ingest.add_argument("--json", action="store_true", help="print the summary as JSON")
    # Each batch commits whole, and a rerun skips what is stored (by SHA-256).
    kept = "the batches stored before it are kept; run the same command again to read the rest"
    ingest.set_defaults(handler=cmd_corpus_ingest, interrupted=kept)
    publish = commands.add_parser(
        "publish", help="publish issued letters not yet in the corpus, de-identified"
    )
    publish.add_argument(
        "case_numbers", nargs="*", metavar="CASE", help="only these cases (default: all)"
    )
    publish.set_defaults(handler=cmd_corpus_publish)
