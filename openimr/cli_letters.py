"""`openimr letter ...`: render a case file's Final Determination Letter, and read published
letters (PDF or text) as corpus ingest reads them. Neither needs the database."""

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from openimr.cli_output import print_json, shown_name
from openimr.core.errors import InvalidInput
from openimr.core.text import shown_literally


def _configured_template() -> Path | None:
    value = os.environ.get("OPENIMR_LETTER_TEMPLATE")
    return Path(value) if value else None


def cmd_letter_render(args: argparse.Namespace) -> int:
    from openimr.cases.interchange import case_from_file
    from openimr.cli_output import write_output
    from openimr.letters.rendering import render

    try:
        case = case_from_file(Path(args.file))
    except InvalidInput as exc:
        raise exc.located(args.file) from exc
    template = Path(args.template) if args.template else _configured_template()
    write_output(render(case, args.format, template), args.output)
    return 0


ZIP_GIVEN = (
    "a zip archive, not a letter: `openimr corpus ingest` reads the letters in one "
    "(or extract them and parse each)"
)


def _parse_one(name: str) -> dict[str, object]:
    """Read as corpus ingest reads it: in a sandbox reader, under the PDF time and memory
    limits (a decompression bomb read here took gigabytes), text as ``letter_text`` reads it."""
    from openimr.core.text import empty_path, file_name
    from openimr.letters.parsing import LetterUnreadable
    from openimr.letters.parsing.sandboxed import parse_letter_sandboxed

    shown = file_name(name)  # a raw byte of a name made the JSON invalid UTF-8
    empty = empty_path(name, "a letter's file (PDF or text)")
    if empty:  # read as the folder the command runs in: "cannot read the file: Is a directory"
        return {"file": shown, "error": empty}
    try:
        data = Path(name).read_bytes()
    except OSError as exc:
        return {"file": shown, "error": f"cannot read the file: {exc.strerror}"}
    if data[:4] == b"PK\x03\x04":  # read as text, it said "not a letter", as if none inside were
        return {"file": shown, "error": ZIP_GIVEN}
    try:
        parsed = parse_letter_sandboxed(data)
    except LetterUnreadable as exc:
        return {"file": shown, "error": str(exc)}
    return {
        "file": shown,
        "layout": parsed.layout,
        "case": parsed.case,
        "warnings": list(parsed.warnings),
        "confidence": parsed.confidence,
        "printed": parsed.printed,
    }


def _summary_line(result: dict[str, Any]) -> str:
    case = result["case"]
    items = "; ".join(f"{i['treatment']}: {i['decision'] or 'undecided'}" for i in case["items"])
    head = f"{result['layout']}, case {case['case_number']}, {items}"
    # What the letter says, with no control of it left to drive the terminal (as --json).
    lines = [head, *(f"  warning: {w}" for w in result["warnings"])]
    return f"{shown_name(result['file'])}: " + "\n".join(shown_literally(x) for x in lines)


def cmd_letter_parse(args: argparse.Namespace) -> int:
    """One JSON object for one file, an array of them for several, or a line per file; a file that
    cannot be read says why, the others are still printed, and the exit code is 2."""
    from openimr.cli import EXIT_INVALID

    results = [_parse_one(name) for name in args.files]
    for failed in (r for r in results if "error" in r):
        # An empty name is the argument's: ": an empty path" named nothing.
        file = shown_name(str(failed["file"])) or "FILE"
        print(f"{file}: {shown_literally(str(failed['error']))}", file=sys.stderr)
    if args.json:
        body = results[0] if len(results) == 1 else results
        print_json(body)
    else:
        for result in results:
            if "error" not in result:
                print(_summary_line(result))
    return EXIT_INVALID if any("error" in r for r in results) else 0


def register(groups: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    letter = groups.add_parser("letter", help="Final Determination Letters")
    letter_cmds = letter.add_subparsers(dest="command", required=True)
    render = letter_cmds.add_parser("render", help="render a case file's letter (no database)")
    render.add_argument("file", metavar="FILE")
    render.add_argument("--format", choices=("text", "html", "pdf"), default="text")
    render.add_argument(
        "-o", "--output", metavar="OUT", help="file to write (default: standard output)"
    )
    render.add_argument("--template", metavar="TOML", help="the organization's letter template")
    render.set_defaults(handler=cmd_letter_render)
    parse = letter_cmds.add_parser(
        "parse", help="read published letters (PDF or text) (no database)"
    )
    parse.add_argument("files", nargs="+", metavar="FILE")
    parse.add_argument(
        "--json",
        action="store_true",
        help="print JSON: an object for one file, an array of objects for several",
    )
    parse.set_defaults(handler=cmd_letter_parse)
