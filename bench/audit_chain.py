"""What the audit trail's hash chain costs a simulated year: `openimr simulate` with the chain
(locking the chain head, hashing every event) against the same run with the chain switched
off in this script only (events written as before the chain: no head, no hash), in the
same session, alternating, each in a fresh database.

Run from the repository root:
`python bench/audit_chain.py [--days N] [--rounds N] [--database-url URL --workers N]`.
Without `--database-url` each run gets a fresh SQLite file in a temporary folder; with it,
the database must be empty and is migrated, run and dropped (its tables) each time.
"""

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def _unchained() -> None:
    """The write path as it was before the chain: no head row, no lock, no hash."""
    from openimr.audit import services  # noqa: PLC0415

    def plain(events: Any, alias: str) -> list[dict[str, Any]]:
        return [{**vars(event), "prev_hash": "", "hash": ""} for event in events]

    services._chained = plain
    services._plain = lambda detail: detail or {}


def _pdf_in_process() -> None:
    """Read PDFs in this process instead of a sandboxed child (bench/sandbox.py measures
    that cost): the chain's share of a year is then not lost in it, and the simulation's
    pool workers, which may not start children, can run."""
    from openimr.core import sandbox  # noqa: PLC0415

    sandbox.run = lambda function, *args, limits=None: function(*args)


def _child(args: argparse.Namespace) -> None:
    if args.pdf_in_process:
        _pdf_in_process()
    if args.mode == "plain":
        os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
        import django  # noqa: PLC0415

        from openimr.cli import main  # noqa: PLC0415

        # simulate sets Django up itself; patch after the apps load, before the run.
        original = django.setup

        def setup(*a: Any, **k: Any) -> None:
            original(*a, **k)
            _unchained()

        django.setup = setup
    else:
        from openimr.cli import main  # noqa: PLC0415
    argv = ["simulate", "--applications", "200000", "--days", str(args.days), "--quiet"]
    argv += ["--workers", str(args.workers)]
    if args.database_url:
        argv += ["--database-url", args.database_url]
    sys.exit(main(argv))


def _events_child(args: argparse.Namespace) -> None:
    """Write ``--events`` events in batches of 100, each batch its own transaction (as
    the simulation's service calls do), and print the seconds it took."""
    import time  # noqa: PLC0415

    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    os.environ["OPENIMR_DEBUG"] = "false"
    os.environ.setdefault("OPENIMR_SECRET_KEY", "bench-only")
    os.environ["DATABASE_URL"] = args.database_url or (
        f"sqlite:///{os.environ['OPENIMR_DATA_DIR']}/events.sqlite3"
    )
    import django  # noqa: PLC0415

    django.setup()
    from django.core.management import call_command  # noqa: PLC0415
    from django.db import transaction  # noqa: PLC0415

    from openimr.audit.services import audit_event, audit_save  # noqa: PLC0415

    call_command("migrate", verbosity=0, interactive=False)
    if args.mode == "events-plain":
        _unchained()
    started = time.perf_counter()
    for start in range(0, args.events, 100):
        with transaction.atomic():
            audit_save(
                [
                    audit_event(
                        actor="simulation",
                        action="case.transition",
                        object_type="case",
                        object_id=f"CM25-{n:07d}",
                        detail={"from": "screening", "to": "assigned", "n": n},
                    )
                    for n in range(start, start + 100)
                ]
            )
    print(json.dumps({"seconds": time.perf_counter() - started}))


def _reset(url: str) -> None:
    """An empty PostgreSQL database again: drop the schema the last run made."""
    import psycopg  # noqa: PLC0415

    with psycopg.connect(url.replace("postgres://", "postgresql://"), autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")


def _run(mode: str, args: argparse.Namespace) -> dict[str, Any]:
    if args.database_url:
        _reset(args.database_url)
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "OPENIMR_DATA_DIR": folder}
        command = [sys.executable, __file__, "--child", mode, "--days", str(args.days)]
        command += ["--workers", str(args.workers)]
        if args.database_url:
            command += ["--database-url", args.database_url]
        if args.pdf_in_process:
            command.append("--pdf-in-process")
        done = subprocess.run(
            command, env=env, cwd=ROOT, capture_output=True, text=True, check=False
        )
    if done.returncode != 0:
        raise SystemExit(f"{mode} run failed:\n{done.stderr[-3000:]}")
    report: dict[str, Any] = json.loads(done.stdout[done.stdout.index("{") :])
    return report


def _events(args: argparse.Namespace) -> None:
    seconds: dict[str, list[float]] = {"plain": [], "chained": []}
    for _ in range(args.rounds):
        for mode in ("plain", "chained"):
            if args.database_url:
                _reset(args.database_url)
            with tempfile.TemporaryDirectory() as folder:
                command = [sys.executable, __file__, "--child", f"events-{mode}"]
                command += ["--events", str(args.events)]
                if args.database_url:
                    command += ["--database-url", args.database_url]
                done = subprocess.run(
                    command,
                    env={**os.environ, "OPENIMR_DATA_DIR": folder},
                    cwd=ROOT,
                    capture_output=True,
                    text=True,
                    check=False,
                )
            if done.returncode != 0:
                raise SystemExit(f"{mode} run failed:\n{done.stderr[-3000:]}")
            seconds[mode].append(json.loads(done.stdout)["seconds"])
    best = {mode: min(values) for mode, values in seconds.items()}
    per = {mode: best[mode] / args.events * 1e6 for mode in best}
    where = "PostgreSQL" if args.database_url else "SQLite"
    print(f"{platform.python_version()}, {where}, {args.events:,} events in batches of 100")
    print(
        f"best of {args.rounds}: unchained {per['plain']:.1f} µs/event,"
        f" chained {per['chained']:.1f} µs/event, ratio {best['chained'] / best['plain']:.2f},"
        f" chain cost {per['chained'] - per['plain']:.1f} µs/event"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--days", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--database-url")
    parser.add_argument(
        "--pdf-in-process", action="store_true", help="read PDFs without the sandbox"
    )
    parser.add_argument(
        "--events", type=int, default=0, help="time writing this many events, not a year"
    )
    parser.add_argument(
        "--child",
        choices=("plain", "chained", "events-plain", "events-chained"),
        dest="mode",
        help=argparse.SUPPRESS,
    )
    args = parser.parse_args()
    if args.mode in ("events-plain", "events-chained"):
        _events_child(args)
        return
    if args.mode:
        _child(args)
    if args.events:
        _events(args)
        return
    rates: dict[str, list[float]] = {"plain": [], "chained": []}
    for _ in range(args.rounds):
        for mode in ("plain", "chained"):
            report = _run(mode, args)
            rates[mode].append(report["applications_per_second"])
            print(
                f"{mode}: {report['applications']:,} applications, {report['seconds']} s,"
                f" {report['applications_per_second']}/s, deadlines wrong"
                f" {report['deadlines_wrong']}",
                flush=True,
            )
    best = {mode: max(values) for mode, values in rates.items()}
    where = "PostgreSQL" if args.database_url else "SQLite"
    print(f"{platform.python_version()}, {where}, {args.workers} worker(s), --days {args.days}")
    print(
        f"best of {args.rounds}: unchained {best['plain']}/s, chained {best['chained']}/s,"
        f" ratio chained/unchained {best['chained'] / best['plain']:.3f}"
    )


if __name__ == "__main__":
    main()
