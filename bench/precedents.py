"""The reviewer workspace's precedent panel: CPU time of `precedents_for_case`, nothing kept.

Run from the repository root over a corpus `bench/search.py --count N --keep DIR` built:

    python bench/precedents.py --keep DIR [--cases 200] [--seed S]
    DATABASE_URL=postgres://... python bench/precedents.py --keep DIR

Cases under review are generated with another seed than the corpus (bench.corpus), so
their treatments and conditions are the corpus's kinds but none is a published letter. Each
case's panel is computed with the panel and cohort caches bypassed, as a first visit after
a publication computes it; the CPU time (`time.process_time`, fairer than wall time on a
shared machine) of each is taken, and its wall time: on PostgreSQL (DATABASE_URL, over a
corpus `bench/search.py --keep` left there) the queries run in the server's process, whose
CPU this one's does not count. Printed: CPU per case (p50, p95, total; of the total, the
cohorts' share: the window of letters naming the treatment and the count), wall time per
case (p50, p95, total), what the panels
found (items, items whose cohort shows a rate, items with no decision listed, the cohort
sizes' mean), so a change of what is found is seen beside a change of cost.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


class Uncached:
    """Stands for a StampedCache: computes every time."""

    def get_or_compute(self, key: Any, compute: Any) -> Any:
        return compute()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--keep", metavar="DIR", required=True, help="bench/search.py's corpus")
    parser.add_argument("--cases", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    os.environ["OPENIMR_DATA_DIR"] = args.keep
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django  # noqa: PLC0415

    django.setup()
    from django.db import connection  # noqa: PLC0415

    from bench.corpus import generate_cases  # noqa: PLC0415
    from openimr.decisions import precedents  # noqa: PLC0415
    from openimr.decisions.models import Decision  # noqa: PLC0415

    precedents._PANELS = precedents._COHORTS = Uncached()  # type: ignore[assignment]
    in_cohorts: list[float] = []
    cohort_of = precedents._cohort_of

    def timed(*args: Any) -> Any:  # the window and the count, apart from the rest
        start = time.process_time()
        try:
            return cohort_of(*args)
        finally:
            in_cohorts.append((time.process_time() - start) * 1000)

    precedents._cohort_of = timed  # type: ignore[assignment]
    cases = list(generate_cases(args.cases, args.seed))
    for case in cases[:5]:  # the database's pages warm, as a running server has them
        precedents.precedents_for_case(case)
    in_cohorts.clear()
    cpu, wall, panels = [], [], []
    for case in cases:
        start, started = time.process_time(), time.perf_counter()
        panels += precedents.precedents_for_case(case)
        cpu.append((time.process_time() - start) * 1000)
        wall.append((time.perf_counter() - started) * 1000)
    sizes = [p.cohort_size for p in panels]
    print(f"{Decision.objects.count():,} letters ({connection.vendor}), {len(cases)} cases, "
          f"{len(panels)} items, load average {os.getloadavg()[0]:.1f}")  # fmt: skip
    p95, total = statistics.quantiles(cpu, n=20)[18], sum(cpu) / 1000
    print(f"  CPU a case: p50 {statistics.median(cpu):.2f} ms, p95 {p95:.2f} ms, "
          f"total {total:.2f} s, of which cohorts {sum(in_cohorts) / 1000:.2f} s")  # fmt: skip
    print(f"  wall a case: p50 {statistics.median(wall):.2f} ms, "
          f"p95 {statistics.quantiles(wall, n=20)[18]:.2f} ms, "
          f"total {sum(wall) / 1000:.2f} s")  # fmt: skip
    print(f"  items with a rate shown {sum(p.rate is not None for p in panels)}, "
          f"with no decision listed {sum(not p.decisions for p in panels)}, "
          f"mean cohort {statistics.mean(sizes):.1f}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
