"""The `openimr` command. Every subcommand calls the same services as the web app; errors
print the one error shape as text and exit with code 2. `case validate` and `letter render`
need no database; the rest set Django up on first use."""

import argparse
import difflib
import getpass
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from openimr import (
    cli_accounts,
    cli_audit,
    cli_corpus,
    cli_corpus_stats,
    cli_intake,
    cli_letters,
    cli_ops,
    cli_output,
    cli_reviewers,
    cli_tokens,
)
from openimr.cli_database import EXIT_INVALID, database_refused
from openimr.cli_output import shown_name
from openimr.console import sigterm_as_interrupt, stopped_line
from openimr.core.errors import InvalidInput, OpenIMRError, Problem
from openimr.core.text import shown_literally

# `openimr --help`'s first line (the module docstring's first line stopped mid-sentence).
DESCRIPTION = (
    "Independent Medical Review from the command line, over the same services as the web "
    "application. Errors print each problem as `path: message` and exit with code 2; "
    "Ctrl-C ends a command with exit 130."
)
Handler = Callable[[argparse.Namespace], int]


def _django(*, migrated: bool = True) -> None:
    """Django set up for a command that reads or writes the database, which must hold
    every migration this version ships (a report on older tables could print figures
    without the newer rules in force); ``migrated=False`` for a command that migrates its
    own database first (`simulate`)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    from config.env import SettingError

    try:
        django.setup()
    except SettingError as exc:  # a malformed setting (DATABASE_URL...): its one line
        raise OpenIMRError(str(exc)) from None
    if migrated:
        from openimr.core.schema import schema_current

        schema_current()


def read_input(name: str, what: str) -> bytes:
    """A file named on the command line; InvalidInput naming it (``what``: its argument)
    when it is missing, a folder or unreadable."""
    try:
        return Path(name).read_bytes()
    except OSError as exc:
        raise InvalidInput([Problem(what, f"cannot read {name}: {exc.strerror}")]) from exc


def read_text_input(name: str, what: str, encoding: str = "utf-8") -> str:
    """``read_input`` decoded; a file that is not text in ``encoding`` is an InvalidInput."""
    data = read_input(name, what)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        problem = f"{name} is not UTF-8 text (byte {exc.start}: {exc.reason})"
        raise InvalidInput([Problem(what, problem)]) from exc


def cmd_case_validate(args: argparse.Namespace) -> int:
    from openimr.cases.interchange import case_from_file

    status = 0
    for name in args.files:
        try:
            case = case_from_file(Path(name))
        except InvalidInput as exc:
            print(f"{shown_name(name)}: invalid\n" + exc.report(), file=sys.stderr)
            status = EXIT_INVALID
        else:
            print(
                f"{shown_name(name)}: valid openimr.case/1, case {case.case_number}, "
                f"{len(case.items)} item(s)"
            )
    return status


def cmd_case_import(args: argparse.Namespace) -> int:
    from openimr.cases.interchange import imported_from_file

    read, problems, refused = [], list[Problem](), 0
    for name in args.files:  # all valid, or none stored
        try:
            read.append(imported_from_file(Path(name)))
        except InvalidInput as exc:  # each file's problems, named by file: JSON paths alone
            problems += [Problem(f"{name}: {p.path}", p.message) for p in exc.problems]
            refused += 1
    if problems:
        files = f"{refused} of {len(args.files)} file{'' if len(args.files) == 1 else 's'}"
        raise InvalidInput(problems, f"{files} refused; nothing was imported")
    cases = [imported.case for imported in read]
    _refuse_repeated_numbers(args.files, [case.case_number for case in cases])
    _django()
    from openimr.cases.services import case_import_many

    case_import_many(
        cases=cases,
        actor="cli",
        replace=args.replace,
        contacts=[imported.contacts for imported in read],
        claim_numbers=[imported.claim_number for imported in read],
    )
    for case in cases:
        print(f"imported case {case.case_number} ({len(case.items)} item(s))")
    return 0


def _refuse_repeated_numbers(files: list[str], numbers: list[str]) -> None:
    """Two files of one case number: which should be stored is not ours to guess (the store
    used to say the case "already exists" when it did not)."""
    where: dict[str, list[str]] = {}
    for name, number in zip(files, numbers, strict=True):
        # In any letter case: the pages read `cm16-1` as CM16-1.
        where.setdefault(number.upper(), []).append(name)
    problems = [
        Problem(number, f"is in {len(names)} files: {', '.join(names)}")
        for number, names in where.items()
        if len(names) > 1
    ]
    if problems:
        raise InvalidInput(problems, "nothing was imported")


def cmd_case_export(args: argparse.Namespace) -> int:
    """The stored case as openimr.case/1, with the parties' names and contacts and the claim
    number: a disclosure of PHI, audited (`case.exported`, with where it was written and the
    account that ran the command) before anything is written, as every export is (HIPAA
    45 CFR 164.312(b))."""
    _django()
    from openimr.audit.services import audit_record
    from openimr.cases.interchange import case_to_json
    from openimr.cases.selectors import (
        case_by_number,
        case_claim_number,
        case_contacts,
        case_number_stored,
    )

    number = case_number_stored(args.case_number)
    # Staff's export carries the parties' contacts and the claim number, so that it imports
    # again whole.
    case = case_by_number(number)
    written = case_to_json(
        case, contacts=case_contacts(number), claim_number=case_claim_number(number)
    )
    audit_record(
        actor="cli",
        action="case.exported",
        object_type="case",
        object_id=number,
        detail={"to": args.output or "standard output", "os_user": _os_user()},
    )
    cli_output.write_output(written.encode("utf-8"), args.output)
    return 0


def _os_user() -> str:
    """Who ran the command, as the operating system knows them: the command line has no
    login of its own."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for the process's uid (a bare container)
        return f"uid {os.getuid()}"


def cmd_demo(args: argparse.Namespace) -> int:
    # Loading migrates the database first (demo_load), so a fresh data folder is set up
    # rather than refused; `--code` only reads, from a database that must be current.
    _django(migrated=args.code is not None)
    from openimr.demo.services import USERS, demo_code, demo_load, demo_secret

    if args.code is not None:  # `--code ""` (an unset variable) loaded the whole demo
        print(demo_code(args.code))
        return 0
    if args.corpus < 0:  # refused before anything is loaded
        raise InvalidInput([Problem("--corpus", "must be 0 or more")])
    seed_pdf = demo_load()
    print(f"The seed case's Final Determination Letter (PDF): {seed_pdf}")
    _demo_corpus(args.corpus)
    print("Second factor of the demo logins: `openimr demo --code USER` prints the current")
    print("code, or add the key to an authenticator app:")
    for username, *_ in USERS:
        print(f"  {username:<9} {demo_secret(username)}")
    return 0


def _demo_corpus(count: int) -> None:
    from openimr.demo.services import demo_corpus_load

    if count == 0:
        return
    loaded = demo_corpus_load(count)
    if loaded.summary is None:
        print(f"Generated public corpus: {loaded.reason} ({loaded.seconds:.1f} s).")
        return
    done = loaded.summary
    print(
        f"Generated public corpus: {done.parsed} letters ingested, {done.skipped} seen "
        f"already, {done.failed} failed, in {loaded.seconds:.1f} s."
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="openimr", description=DESCRIPTION)
    groups = parser.add_subparsers(dest="group", required=True)

    case = groups.add_parser("case", help="validate, import and export openimr.case/1 files")
    case_cmds = case.add_subparsers(dest="command", required=True)
    validate = case_cmds.add_parser("validate", help="check files against the schema and rules")
    validate.add_argument("files", nargs="+", metavar="FILE")
    validate.set_defaults(handler=cmd_case_validate)
    imp = case_cmds.add_parser("import", help="store cases in the database (all or none)")
    imp.add_argument("files", nargs="+", metavar="FILE")
    imp.add_argument(
        "--replace", action="store_true", help="overwrite a stored case of the same number"
    )
    imp.set_defaults(handler=cmd_case_import)
    exp = case_cmds.add_parser("export", help="write a stored case as openimr.case/1 JSON")
    exp.add_argument("case_number", metavar="CASE_NUMBER")
    exp.add_argument(
        "-o", "--output", metavar="OUT", help="file to write (default: standard output)"
    )
    exp.set_defaults(handler=cmd_case_export)

    demo = groups.add_parser("demo", help="load the demo cases and users, issue their letters")
    demo.add_argument(
        "--code", metavar="USER", help="print a demo login's current second-factor code"
    )
    demo.add_argument(
        "--corpus",
        type=int,
        default=2000,
        metavar="N",
        help="generated letters to publish for the public search (default 2000; 0: none)",
    )
    demo.set_defaults(handler=cmd_demo)
    cli_letters.register(groups)
    cli_intake.register(groups)
    cli_reviewers.register(groups)
    cli_corpus.register(groups)
    cli_audit.register(groups)
    cli_ops.register(groups)
    cli_tokens.register(groups)
    cli_accounts.register(groups)
    return parser


def _free_text_glued(argv: Sequence[str]) -> list[str]:
    """``argv`` with each free-text option joined to a value starting with "-" (`--q -knee`
    as `--q=-knee`): argparse reads "-knee" as an option and refused it ("expected one
    argument"). Not a lone short option ("-o") nor a long one ("--format"): those are the
    next option, the free-text value forgotten, and argparse says so."""
    out, args = [], list(argv)
    while args:
        arg = args.pop(0)
        value = args[0] if args else ""
        if (
            arg in cli_corpus_stats.FREE_TEXT
            and value.startswith("-")
            and len(value) > 2
            and not value.startswith("--")
        ):
            out.append(f"{arg}={args.pop(0)}")
        else:
            out.append(arg)
    return out


def _parsed(argv: list[str]) -> argparse.Namespace:
    """``argv`` read, or exit 2 for an option the command does not take, said by the
    command itself: its usage lists the options it does take, and the nearest is named
    (argparse's own message came from the top, `openimr [-h] {case,demo,...}`, naming none
    of them)."""
    parser = _parser()
    args, unknown = parser.parse_known_args(argv)
    if unknown:
        command = _command_parser(parser, argv)
        options = [o for a in command._actions for o in a.option_strings if o.startswith("--")]
        near = difflib.get_close_matches(unknown[0], options, n=1)
        hint = f" (did you mean {near[0]}?)" if near else ""
        command.error(f"unrecognized arguments: {' '.join(unknown)}{hint}")
    return args


def _command_parser(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.ArgumentParser:
    """The parser of the command ``argv`` names (`corpus stats`'s for `corpus stats ...`)."""
    for word in argv:
        groups = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if not groups:
            break
        parser = groups[0].choices.get(word, parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parsed(_free_text_glued(sys.argv[1:] if argv is None else argv))
    handler: Handler = args.handler
    try:
        with sigterm_as_interrupt():
            return handler(args)
    except InvalidInput as exc:
        print("error: " + exc.report(), file=sys.stderr)
        return EXIT_INVALID
    except OpenIMRError as exc:
        print(f"error: {shown_literally(str(exc))}", file=sys.stderr)
        return EXIT_INVALID
    except KeyboardInterrupt as exc:
        # Ctrl-C or SIGTERM: one line, and what the command kept if it says (its
        # `interrupted` default), instead of a traceback ending in KeyboardInterrupt.
        kept = getattr(args, "interrupted", "").format(**vars(args))
        line, code = stopped_line(exc)
        print(line + (f": {kept}" if kept else ""), file=sys.stderr)
        return code
    except BrokenPipeError:
        # The reader went away (`openimr corpus stats ... | head`): no traceback, and exit
        # 1 as a process killed by SIGPIPE would not succeed either. Standard output goes
        # to /dev/null so that the interpreter's final flush is quiet.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as exc:
        return database_refused(exc)


if __name__ == "__main__":
    sys.exit(main())
