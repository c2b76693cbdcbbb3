"""Corpus search speed: full-text and filter queries over N generated decisions.

Run from the repository root: `python bench/search.py [--count N] [--queries N] [--seed S]`.
Without DATABASE_URL it builds a temporary SQLite database (removed afterwards); with
DATABASE_URL (a scratch PostgreSQL database: the bench empties the corpus tables) it runs
there. N decisions come from `bench.corpus.generate_cases` (default 1,000,000), loaded in big
transactions with the index built in one statement (bench/search_load.py). With `--keep DIR`
the corpus is kept (SQLite's database in DIR; PostgreSQL's left filled) and reused by the
next run asking for the same count: migrations run first, so a kept corpus gets any new
index, and only the queries are measured again.

Then a fixed, seeded mix of queries (a third words only, a third words and one or two
filters, a third filters only; the words are treatments and summary words of the generated
corpus; half of the searches of more than one word ask it as a quoted phrase) runs
through `openimr.decisions.search.search` exactly as the search page calls it:
once without facet counts, once with them, and once more with them but without the lookup
of the forms glued to a number ("norco10" for "norco": `search_match.with_glued`). The
names per specialty are timed too: counted over the letters (as before migration 0012)
and read from the counts 0012 keeps. The baseline, in the same run, is the plainest
indexed read a page makes: one decision by primary key. Printed: p50 and p95 of each, and
the ratio of the search's p95 to the baseline's.
"""

import argparse
import importlib
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from unittest import mock

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

FILTERS = {
    "outcome": ["upheld", "overturned"],
    "category": ["pharmaceuticals", "rehabilitation", "diagnostics", "injections", "surgery",
                 "dmepos", "chiropractic", "acupuncture"],
    "family": ["mtus", "acoem", "odg", "other"],
    "mtus_based": ["yes", "no"],
    "year": [str(y) for y in range(2013, 2025)],
    "priority": ["standard", "expedited"],
}  # fmt: skip


def _django(data_dir: str) -> None:
    os.environ["OPENIMR_DATA_DIR"] = data_dir  # never the working database
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django  # noqa: PLC0415

    django.setup()
    from django.core.management import call_command  # noqa: PLC0415

    call_command("migrate", verbosity=0)


def _cases(count: int, seed: int, sample: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    from bench.corpus import generate_cases  # noqa: PLC0415

    for n, case in enumerate(generate_cases(count, seed)):
        if n % 997 == 0 and len(sample) < 500:
            sample.append(case)
        if n and n % 100_000 == 0:
            print(f"  generated {n:,}", file=sys.stderr, flush=True)
        yield case


def _vocabulary(sample: list[dict[str, Any]]) -> list[str]:
    """Realistic words: a treatment's first words, or a long word of a summary."""
    words = []
    for case in sample:
        for item in case.get("items") or []:
            words.append(" ".join(item["treatment"].split()[:2]))
        summary = [w.strip(".,;:()") for w in (case.get("clinical_summary") or "").split()]
        words += [w for w in summary if len(w) > 8 and w.isalpha()][:2]
    return sorted(set(words))


def queries(sample: list[dict[str, Any]], n: int, seed: int) -> list[dict[str, str]]:
    rng = random.Random(seed)
    vocabulary = _vocabulary(sample)
    specialties = sorted(
        {s for c in sample for s in (c.get("reviewer") or {}).get("specialties", [])}
    )
    mix = []
    for k in range(n):
        params: dict[str, str] = {}
        if k % 3 != 2:
            params["q"] = rng.choice(vocabulary)
            if k % 6 in (0, 1) and " " in params["q"]:
                # Half of the searches of more than one word ask them as a quoted
                # phrase ("physical therapy": in that order and adjacent).
                params["q"] = f'"{params["q"]}"'
        if k % 3 != 0:
            for name in rng.sample(sorted(FILTERS), rng.choice((1, 2))):
                params[name] = rng.choice(FILTERS[name])
            if rng.random() < 0.15 and specialties:
                params["specialty"] = rng.choice(specialties)
        mix.append(params)
    return mix


def _time(run: Callable[[], Any]) -> float:
    start = time.perf_counter()
    run()
    return (time.perf_counter() - start) * 1000


def _pcts(samples: list[float]) -> tuple[float, float]:
    cuts = statistics.quantiles(samples, n=20)
    return statistics.median(samples), cuts[18]


def measure(mix: list[dict[str, str]], count: int, seed: int) -> dict[str, tuple[float, float]]:
    from django.db import connection  # noqa: PLC0415

    from openimr.decisions import search as search_module  # noqa: PLC0415
    from openimr.decisions.search import search  # noqa: PLC0415
    from openimr.decisions.search_terms import parse  # noqa: PLC0415
    from openimr.decisions.specialty_names import letters_by_spelling  # noqa: PLC0415

    rng = random.Random(seed)
    parsed = [parse(p) for p in mix]
    for q in parsed[:20]:  # warm the page cache the way a running server has it warm
        search(q, facets=True)

    def by_key() -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT case_number, clinical_summary FROM decisions_decision WHERE id = %s",
                [rng.randint(1, count)],
            )
            cursor.fetchall()

    counted = importlib.import_module("openimr.decisions.migrations.0012_specialty_letters_counted")

    def recount() -> None:
        with connection.cursor() as cursor:
            cursor.execute(counted.RECOUNT)
            cursor.fetchall()

    results = {
        "baseline: one decision by primary key": [_time(by_key) for _ in parsed],
        # The one name per specialty: counted over every letter (until migration 0012), and
        # read from the counts its triggers keep.
        "specialty names, counted over the letters": [_time(recount) for _ in range(30)],
        "specialty names, read from kept counts": [_time(letters_by_spelling) for _ in range(30)],
        "search, no facets": [_time(lambda q=q: search(q, facets=False)) for q in parsed],
        "search with facet counts (the page)": [_time(lambda q=q: search(q)) for q in parsed],
    }
    # The glued-form lookup (search_match.with_glued: "norco" also asks "norco10") left
    # out, to tell its share of the page's time.
    with mock.patch.object(search_module, "with_glued", lambda cursor, vendor, query: query):
        results["the page without the glued lookup"] = [
            _time(lambda q=q: search(q)) for q in parsed
        ]
    page = results["search with facet counts (the page)"]
    results["the page, quoted phrases alone"] = [
        ms for ms, p in zip(page, mix, strict=True) if p.get("q", "").startswith('"')
    ]
    page_ms = results["search with facet counts (the page)"]
    slow = sorted(zip(page_ms, mix, strict=True), key=lambda pair: pair[0])[-3:]
    for ms, params in slow:
        print(f"  slowest: {ms:7.1f} ms  {params}")
    return {name: _pcts(samples) for name, samples in results.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--seed", type=int, default=20261127)
    parser.add_argument(
        "--keep",
        metavar="DIR",
        help="keep the loaded corpus and reuse it when it holds --count decisions: SQLite's "
        "database is built in DIR; PostgreSQL's is DATABASE_URL's, left filled. Migrations "
        "run first either way, so a kept corpus gets any new index",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="openimr-bench-search-") as data_dir:
        _django(args.keep or data_dir)
        from django.db import connection  # noqa: PLC0415

        from bench.search_load import load  # noqa: PLC0415
        from openimr.decisions.models import Decision  # noqa: PLC0415

        sample: list[dict[str, Any]] = []
        start = time.perf_counter()
        if args.keep and Decision.objects.count() == args.count:
            # The same sample as a load takes: the first 500 of every 997th case.
            head = min(args.count, 500 * 997)
            sample = [c for n, c in enumerate(_cases(head, args.seed, [])) if n % 997 == 0]
            loaded = args.count
            print(f"{connection.vendor}: reusing the {loaded:,} decisions kept in {args.keep}")
        else:
            loaded = load(_cases(args.count, args.seed, sample))
            took = time.perf_counter() - start
            print(f"{connection.vendor}: loaded {loaded:,} decisions (generated and indexed) "
                  f"in {took:.0f} s, {loaded / took:,.0f} a second")  # fmt: skip
        mix = queries(sample, args.queries, args.seed)
        before = os.getloadavg()[0]
        figures = measure(mix, loaded, args.seed)
        base = figures["baseline: one decision by primary key"][1]
        python = f"{platform.python_implementation()} {platform.python_version()}"
        load = f"load average {before:.1f} -> {os.getloadavg()[0]:.1f}"
        print(f"{len(mix)} queries, {python}, {load}")
        for name, (p50, p95) in figures.items():
            print(f"  {name:<40} p50 {p50:7.2f} ms   p95 {p95:7.2f} ms   p95 x{p95 / base:,.0f}")
        connection.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
