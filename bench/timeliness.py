"""The timeliness report's cost (`/cases/timeliness/`, `openimr.cases.timeliness`): a span of
months read from a year of cases, against the least any such report must do, reading the
same cases' clock columns (the same query, the same rows) without counting anything.

Run from the repository root: `python bench/timeliness.py [--cases N] [--months N]`. A fresh
SQLite file in a temporary folder, migrated, gets N cases (default 200,000, California's
year) with eligibility dates spread over 2025, each notice sent 0-2 business days later,
the records complete 5-20 days after it (a tenth late), a determination issued 5-35 days
after that for most, the rest still in review. Rows are written directly (bulk_create):
this measures the report, not intake. Prints the CPU and wall seconds of each (best of 3)
and their ratio.
"""

import argparse
import platform
import random
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.django_sqlite import set_up  # noqa: E402


def _cases(count: int, seed: int) -> None:
    from openimr.cases import models  # noqa: PLC0415
    from openimr.core.clock import CALIFORNIA  # noqa: PLC0415

    rng = random.Random(seed)
    administrators = [f"Claims Administrator {n}" for n in range(60)]
    rows = []
    for n in range(count):
        eligible = date(2025, 1, 1) + timedelta(days=rng.randrange(365))
        sent = datetime.combine(eligible, datetime.min.time(), tzinfo=CALIFORNIA)
        sent += timedelta(days=rng.choice((0, 1, 1, 1, 2)), hours=rng.randrange(8, 18))
        complete = sent + timedelta(days=rng.randrange(5, 21) + 10 * (rng.random() < 0.1))
        decided = complete + timedelta(days=rng.randrange(5, 36))
        issued = rng.random() < 0.9
        rows.append(
            models.Case(
                case_number=f"CM25-{n:07d}",
                state="issued" if issued else "in_review",
                eligible_on=eligible,
                noarfi_sent_at=sent,
                noarfi_method=rng.choice(("mail", "electronic")),
                records_complete_at=complete,
                decided_at=decided if issued else None,
                claims_administrator_name=rng.choice(administrators),
            )
        )
    models.Case.objects.bulk_create(rows, batch_size=5000)


def _best(run, rounds: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    cpu, wall = [], []
    for _ in range(rounds):
        c, w = time.process_time(), time.perf_counter()
        run()
        cpu.append(time.process_time() - c)
        wall.append(time.perf_counter() - w)
    return min(cpu), min(wall)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=200_000)
    parser.add_argument("--months", type=int, default=3, help="the span, ending 2025-06")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="openimr-timeliness-") as folder:
        set_up(folder, "timeliness")
        started = time.perf_counter()
        _cases(args.cases, args.seed)
        print(f"{args.cases:,} cases written in {time.perf_counter() - started:.1f} s")

        from openimr.cases import timeliness  # noqa: PLC0415
        from openimr.core.clock import now  # noqa: PLC0415

        first = f"2025-{7 - args.months:02d}"
        start, end = timeliness.month_span(first, "2025-06")

        def baseline() -> None:
            for _ in timeliness._candidates(start, end):
                pass

        def report() -> None:
            timeliness.timeliness_report(first=first, last="2025-06", at=now())

        found = timeliness.timeliness_report(first=first, last="2025-06", at=now())
        read = sum(1 for _ in timeliness._candidates(start, end))
        base_cpu, base_wall = _best(baseline, args.rounds)
        cpu, wall = _best(report, args.rounds)
        counted = sum(row.due for row in found.months)
        print(f"python {platform.python_version()} on {platform.machine()}")
        print(f"span {first} to 2025-06: {read:,} cases read, {counted:,} deadlines counted")
        print(f"baseline (read the rows): {base_cpu:.2f} s CPU, {base_wall:.2f} s wall")
        print(f"report:                   {cpu:.2f} s CPU, {wall:.2f} s wall")
        print(f"ratio: {cpu / base_cpu:.2f}x CPU, {wall / base_wall:.2f}x wall")


if __name__ == "__main__":
    main()
