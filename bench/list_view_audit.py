"""What auditing one staff list view costs: ``audit_list_viewed`` for a page showing 50
cases (one event naming them, and on this branch the 50 rows of the case index), each in
its own transaction as a page view's is, in a freshly migrated database.

Run with the tree to measure first on PYTHONPATH (so main and a branch run in turns):
`PYTHONPATH=. python bench/list_view_audit.py [--views N] [--rounds N] [--database-url URL]`.
Prints the median and best milliseconds a view over ``--rounds`` rounds of ``--views``
views, and the median CPU milliseconds of this process a view (less moved by other
people's load on a shared machine than the time on the clock; the database's writes to
its files are in both). The tree measured is the one on PYTHONPATH, so this script can
time main's code too. Without ``--database-url`` the database is a SQLite file in a
temporary folder (``TMPDIR``); with it, the PostgreSQL database must be empty (its schema
is dropped afterwards).
"""

import argparse
import json
import os
import shutil
import statistics
import tempfile
import time


def _views(count: int, cases: int) -> tuple[float, float]:
    from django.db import transaction  # noqa: PLC0415

    from openimr.audit.services import audit_list_viewed  # noqa: PLC0415

    numbers = [f"CM26-{n:07d}" for n in range(cases)]
    started, cpu = time.perf_counter(), time.process_time()
    for _ in range(count):
        with transaction.atomic():
            audit_list_viewed(actor="bench", page="cases:list", cases=numbers)
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    return wall / count * 1000, cpu / count * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--views", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--cases", type=int, default=50)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="list-view-")
    os.environ.update(OPENIMR_DATA_DIR=folder, OPENIMR_DEBUG="false")
    os.environ.setdefault("OPENIMR_SECRET_KEY", "bench-only")
    os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{folder}/bench.sqlite3"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    import django  # noqa: PLC0415

    django.setup()
    from django.core.management import call_command  # noqa: PLC0415

    call_command("migrate", verbosity=0, interactive=False)
    _views(20, args.cases)  # warm up: statements prepared, pages cached
    times, cpus = zip(*(_views(args.views, args.cases) for _ in range(args.rounds)), strict=True)
    median, best, cpu = statistics.median(times), min(times), statistics.median(cpus)
    print(json.dumps({"median_ms": median, "best_ms": best, "cpu_median_ms": cpu}))
    from django.db import connection  # noqa: PLC0415

    if args.database_url:
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    connection.close()
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
