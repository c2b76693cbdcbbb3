"""`openimr applications import`, `eligibility check`, `clocks show`, `api token ...` and
`simulate`: intake from the command line, over the same services as the web and API."""

import argparse
import json
import re
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openimr import cli_eligibility, cli_timeliness
from openimr.core.errors import InvalidInput, Problem


def _django(*, migrated: bool = True) -> None:
    from openimr.cli import _django as setup

    setup(migrated=migrated)


def _json_default(value: Any) -> str:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


# The days a `--today` may name: the application form's earliest date, and a century
# ahead. Day 1 or 9999-12-31 ended in a traceback from the date arithmetic of matching.
EARLIEST_DAY, LATEST_DAY = date(1900, 1, 1), date(2100, 12, 31)
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def day_option(value: str | None, what: str) -> date:
    """A YYYY-MM-DD argument; by default today in California, where the law counts days
    (the machine's own calendar may be a day ahead, in UTC)."""
    from openimr.core.clock import local_date, now

    if value is None:
        return local_date(now())
    try:
        if not _ISO_DAY.fullmatch(value):  # fromisoformat also takes 20240320 and a week
            raise ValueError(value)
        day = date.fromisoformat(value)
    except ValueError as exc:
        raise InvalidInput([Problem(what, f"{value!r} is not a YYYY-MM-DD date")]) from exc
    if not EARLIEST_DAY <= day <= LATEST_DAY:
        message = f"{value} is not between {EARLIEST_DAY} and {LATEST_DAY}"
        raise InvalidInput([Problem(what, message)])
    return day


def _read_lines(path: Path) -> list[tuple[int, Any]]:
    """Every line parsed and validated before anything is stored; problems carry the line."""
    from openimr.cases.intake_schema import parse_application_json

    forms: list[tuple[int, Any]] = []
    problems: list[Problem] = []
    from openimr.cli import read_text_input

    # utf-8-sig: a byte-order mark (Windows editors write one) is not part of line 1.
    text = read_text_input(str(path), "FILE.jsonl", "utf-8-sig")
    if not text.strip():  # an export gone wrong, not a batch of none
        raise InvalidInput([Problem("FILE.jsonl", f"{path} holds no application")])
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            forms.append((number, parse_application_json(line)))
        except InvalidInput as exc:
            problems += [Problem(f"line {number}: {p.path}", p.message) for p in exc.problems]
    if problems:
        raise InvalidInput(problems, f"{path}: {len(problems)} problem(s); nothing was imported")
    return forms


# Applications written per batch: large enough that a file of thousands costs a few
# statements per batch, small enough to stay within every database's parameter limits.
IMPORT_BATCH = 500


def cmd_applications_import(args: argparse.Namespace) -> int:
    lines = _read_lines(Path(args.file))
    _django()
    from django.db import transaction

    from openimr.cases.services import Filing, applications_receive
    from openimr.core.clock import now
    from openimr.records.services import files_discarded_on_error

    at = now()
    filings = [Filing(form, at, where=f"line {number}: ") for number, form in lines]
    # The whole file or nothing: a failed batch undoes the earlier ones, and their files.
    # One call, so that every UR decision PDF of the file is held before any is written.
    with transaction.atomic(), files_discarded_on_error():
        results = applications_receive(
            filings=filings, via="batch", actor="cli", client="batch", batch=IMPORT_BATCH
        )
    outcomes: dict[str, int] = {}
    for application in results:
        outcomes[application.outcome] = outcomes.get(application.outcome, 0) + 1
    print(
        f"imported {len(results)} application(s): "
        + ", ".join(f"{v} {k}" for k, v in sorted(outcomes.items()))
    )
    return 0


def cmd_clocks_show(args: argparse.Namespace) -> int:
    _django()
    from openimr.cases import models, selectors

    number = selectors.case_number_stored(args.case_number)
    row = models.Case.objects.filter(case_number=number).first()
    if row is None:
        raise InvalidInput([Problem("case_number", f"no case {args.case_number}")])
    rows = selectors.deadline_rows(row)
    if args.json:
        print(
            json.dumps(
                {"case_number": row.case_number, "state": row.state, "deadlines": rows},
                default=_json_default,
                indent=2,
            )
        )
        return 0
    print(f"{row.case_number} ({row.state}, {row.priority})")
    for d in rows:
        print(
            f"  {d['name']:<20} {_due(d['due']):<26} {d['status']:<9} {d['rule']} [{d['source']}]"
        )
    return 0


def _due(value: object) -> str:
    """A deadline as staff read one: a day as a date, an hour in California time to the
    minute (a 24-hour expedited clock had printed as UTC with its microseconds)."""
    from openimr.core.clock import CALIFORNIA

    if isinstance(value, datetime):
        return value.astimezone(CALIFORNIA).strftime("%Y-%m-%d %H:%M %Z")
    return str(value)


def cmd_token_create(args: argparse.Namespace) -> int:
    _django()
    from openimr.api.services import token_create

    print(token_create(name=args.name, username=args.user))
    print(
        "Keep this token now: it is stored only as a hash and cannot be shown again.",
        file=sys.stderr,
    )
    return 0


def cmd_token_revoke(args: argparse.Namespace) -> int:
    _django()
    from openimr.api.services import token_revoke

    token_revoke(name=args.name)
    print(f"revoked {args.name}")
    return 0


def _positive(args: argparse.Namespace, *names: str) -> None:
    """Refused before the simulation's database is made: 0 or fewer would run nothing."""
    problems = [
        Problem(f"--{name}", "must be 1 or more")
        for name in names
        if getattr(args, name) is not None and getattr(args, name) < 1
    ]
    if problems:
        raise InvalidInput(problems)


# The most applications `simulate` takes: fifty years of California's ~200,000 a year. A
# count beyond it (the parser takes any integer) would run for days before a report.
MAX_APPLICATIONS = 10_000_000
# Each worker is a process with its own database connection: past a few dozen they only
# wait for each other (and PostgreSQL's default takes 100 connections in all).
MAX_WORKERS = 64
# The simulation runs one year of arrivals; no year has more business days, and a larger
# count silently meant the whole year.
MAX_DAYS = 261
_DATABASE_SCHEMES = ("postgres", "postgresql", "pgsql", "sqlite")
_DATABASE_URL_FORMS = "postgres://USER:PASSWORD@HOST:PORT/NAME or sqlite:///PATH"


_CAPS = (
    ("applications", MAX_APPLICATIONS, "a year in California is about 200,000"),
    ("workers", MAX_WORKERS, "each is a process with its own database connection"),
    ("days", MAX_DAYS, "the simulation runs one year, which has no more business days"),
)


def _at_most(args: argparse.Namespace) -> None:
    problems = [
        Problem(f"--{name}", f"must be at most {cap:,} ({why})")
        for name, cap, why in _CAPS
        if getattr(args, name) is not None and getattr(args, name) > cap
    ]
    if problems:
        raise InvalidInput(problems)


def _database_url_checked(url: str) -> None:
    """A URL the settings can read (dj_database_url raised its own traceback otherwise)."""
    import dj_database_url

    scheme = url.partition("://")[0] if "://" in url else ""
    try:
        if scheme not in _DATABASE_SCHEMES:
            raise ValueError(scheme)
        dj_database_url.parse(url)
    except Exception:  # any way the library may refuse it: an unknown scheme, a bad port
        message = f"{url!r} is not a database URL: give {_DATABASE_URL_FORMS}"
        raise InvalidInput([Problem("--database-url", message)]) from None


def _database_reached(url: str) -> None:
    """Connect before migrating, so a server that does not answer is named at its option,
    without the URL's password, instead of a traceback from the first query."""
    import dj_database_url
    from django.db import Error, connection

    try:
        connection.ensure_connection()
    except Error as exc:
        db = dj_database_url.parse(url)
        host, port, name = db.get("HOST") or "", db.get("PORT"), db.get("NAME")
        server = f"{host}:{port}" if port else host
        shown = f"{server}/{name}" if server else str(name)
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        message = f"cannot connect to {shown}: {reason}"
        raise InvalidInput([Problem("--database-url", message)]) from None


def cmd_simulate(args: argparse.Namespace) -> int:
    """Runs in its own database (a fresh SQLite file unless --database-url), never in the
    application's: a year of synthetic cases must not mix with real ones."""
    import os

    _positive(args, "applications", "workers", "days")
    _at_most(args)
    if args.database_url:
        _database_url_checked(args.database_url)
    # Debug mode keeps every SQL statement in memory: a year of them would not fit.
    os.environ["OPENIMR_DEBUG"] = "false"
    os.environ.setdefault("OPENIMR_SECRET_KEY", "simulation-only-" + os.urandom(16).hex())
    if args.database_url:
        os.environ["DATABASE_URL"] = args.database_url
    else:
        target = Path(os.environ.get("OPENIMR_DATA_DIR", "var")) / f"simulate-{args.seed}.sqlite3"
        target.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{target.resolve()}"
    _django(migrated=False)  # it migrates its own database below
    from django.core.management import call_command

    from openimr.cases.simulation import simulate

    if args.database_url:
        _database_reached(args.database_url)
    call_command("migrate", verbosity=0, interactive=False)

    report = simulate(
        applications=args.applications,
        seed=args.seed,
        days=args.days,
        workers=args.workers,
        progress=not args.quiet,
    )
    print(json.dumps(report, indent=2, default=_json_default))
    return 0


def register(groups: Any) -> None:
    apps = groups.add_parser("applications", help="applications for IMR")
    apps_cmds = apps.add_subparsers(dest="command", required=True)
    imp = apps_cmds.add_parser(
        "import", help="file a batch of applications (JSON Lines), all or none"
    )
    imp.add_argument("file", metavar="FILE.jsonl")
    imp.set_defaults(handler=cmd_applications_import)

    cli_eligibility.register(groups)

    clocks = groups.add_parser("clocks", help="deadlines of a case; their timeliness by month")
    clocks_cmds = clocks.add_subparsers(dest="command", required=True)
    show = clocks_cmds.add_parser("show", help="every clock of a case with rule, source and status")
    show.add_argument("case_number", metavar="CASE_NUMBER")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=cmd_clocks_show)
    cli_timeliness.register(clocks_cmds)

    api = groups.add_parser("api", help="API clients")
    api_cmds = api.add_subparsers(dest="command", required=True)
    token = api_cmds.add_parser("token", help="API tokens")
    token_cmds = token.add_subparsers(dest="action", required=True)
    create = token_cmds.add_parser("create", help="create a token (printed once)")
    create.add_argument("name")
    create.add_argument(
        "--user", required=True, metavar="USERNAME", help="the user the client acts as"
    )
    create.set_defaults(handler=cmd_token_create)
    revoke = token_cmds.add_parser("revoke", help="revoke a token")
    revoke.add_argument("name")
    revoke.set_defaults(handler=cmd_token_revoke)

    sim = groups.add_parser("simulate", help="drive a year of applications through the services")
    sim.add_argument(
        "--applications",
        type=int,
        metavar="N",
        default=200_000,
        help=f"how many (1 to {MAX_APPLICATIONS:,}; default a year's 200,000)",
    )
    sim.add_argument(
        "--seed", type=int, default=1, metavar="N", help="the random stream (default 1)"
    )
    sim.add_argument(
        "--workers",
        type=int,
        metavar="N",
        default=1,
        help=f"processes sharing the arrivals, 1 to {MAX_WORKERS} (PostgreSQL; SQLite takes "
        "one writer at a time)",
    )
    sim.add_argument(
        "--days",
        type=int,
        metavar="N",
        default=None,
        help=f"stop after this many business days (1 to {MAX_DAYS}), at the year's daily rate "
        "(a quick measure)",
    )
    sim.add_argument("--quiet", action="store_true", help="no progress bar")
    sim.add_argument(
        "--database-url",
        metavar="URL",
        help="run against this database (it is migrated; use an empty one)",
    )
    sim.set_defaults(handler=cmd_simulate)
