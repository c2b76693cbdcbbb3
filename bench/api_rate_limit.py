"""What the API's rate limit (`openimr.api.rate_limit`) costs each request: the same API
requests through the whole middleware stack with the limit counting (limits set too high to
refuse anything) and with it off (0), in turns, in one process.

Run from the repository root: `python bench/api_rate_limit.py [--requests N] [--rounds N]`.
A fresh SQLite file in a temporary folder, migrated; the counts in the database, as
shipped since session 23 (before it, Django's default cache, in memory, per process; limits
of 0 count nothing since). Requests: a public decision that is not published (404, the cheapest
answer that runs the API) from one address, and the same with a forged bearer token (401,
which the limit also counts against the address). Prints each variant's median microseconds
a request over the rounds, and the difference.
"""

import argparse
import logging
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.django_sqlite import set_up  # noqa: E402


def _timed(client: object, requests: int, headers: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU microseconds a request: on a shared machine the wall time swings with
    the load, while the CPU this process spends (the database is SQLite, in process) does
    not."""
    started, cpu = time.perf_counter(), time.process_time()
    for _ in range(requests):
        client.get("/api/v1/decisions/CM99-0000001", headers=headers)  # type: ignore[attr-defined]
    wall, spent = time.perf_counter() - started, time.process_time() - cpu
    return wall / requests * 1e6, spent / requests * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        set_up(folder, "rate", test_client=True)
        from django.conf import settings  # noqa: PLC0415
        from django.test import Client  # noqa: PLC0415

        logging.disable(logging.WARNING)  # Django logs each 404 and 401: not what is measured
        client = Client()
        variants = {"anonymous": {}, "forged token": {"Authorization": "Bearer oimr_forged"}}
        print(f"{platform.processor() or platform.machine()}, Python {platform.python_version()}")
        for name, headers in variants.items():
            on, off = [], []
            _timed(client, 200, headers)  # warm
            for _ in range(args.rounds):
                settings.OPENIMR_API_RATE_PER_MINUTE = 10**9
                settings.OPENIMR_API_ANON_RATE_PER_MINUTE = 10**9
                on.append(_timed(client, args.requests, headers))
                settings.OPENIMR_API_RATE_PER_MINUTE = 0
                settings.OPENIMR_API_ANON_RATE_PER_MINUTE = 0
                off.append(_timed(client, args.requests, headers))
            a, b = statistics.median(w for w, _ in on), statistics.median(w for w, _ in off)
            c, d = statistics.median(c for _, c in on), statistics.median(c for _, c in off)
            print(
                f"{name:>13}: limit counting {a:7.1f} us, off {b:7.1f} us, +{a - b:5.1f} us; "
                f"CPU {c:7.1f} us, off {d:7.1f} us, +{c - d:5.1f} us"
            )


if __name__ == "__main__":
    main()
