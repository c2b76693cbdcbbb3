"""What the session time limits (`openimr.accounts.middleware.SessionTimeoutMiddleware`)
cost each signed-in request: the same request through the whole middleware stack with the
middleware and without it, in turns, in one process.

Run from the repository root: `python bench/session_timeout.py [--requests N] [--rounds N]`.
A fresh SQLite file in a temporary folder, migrated; a signed-in account with no role (no
second factor asked) asking for the start page, which answers it 404: every middleware runs,
the session is read and its user loaded. Within a minute of the last one counted no request
writes the session, which is what nearly every request is. Prints the median microseconds a
request (wall and this process's CPU) of each variant over the rounds, and the difference.
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

TIMEOUT = "openimr.accounts.middleware.SessionTimeoutMiddleware"


def _timed(client: object, requests: int) -> tuple[float, float]:
    """Wall and CPU microseconds a request (the CPU swings less with the machine's load)."""
    started, cpu = time.perf_counter(), time.process_time()
    for _ in range(requests):
        client.get("/")  # type: ignore[attr-defined]
    wall, spent = time.perf_counter() - started, time.process_time() - cpu
    return wall / requests * 1e6, spent / requests * 1e6


def _signed_in(middleware: list[str]) -> object:
    """A client of its own (Django builds a client's middleware chain at its first request),
    signed in as the visitor."""
    from django.contrib.auth import get_user_model  # noqa: PLC0415
    from django.test import Client, override_settings  # noqa: PLC0415

    with override_settings(MIDDLEWARE=middleware):
        client = Client()
        client.force_login(get_user_model().objects.get(username="visitor"))
        _timed(client, 200)  # warm, and builds the chain under these settings
    return client


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        set_up(folder, "session", test_client=True)
        from django.conf import settings  # noqa: PLC0415
        from django.contrib.auth import get_user_model  # noqa: PLC0415

        logging.disable(logging.WARNING)  # Django logs each 404: not what is measured
        get_user_model().objects.create_user("visitor", password="a-long-visitor-password")
        shipped = list(settings.MIDDLEWARE)
        clients = {
            "with": _signed_in(shipped),
            "without": _signed_in([m for m in shipped if m != TIMEOUT]),
        }
        print(f"{platform.processor() or platform.machine()}, Python {platform.python_version()}")
        found: dict[str, list[tuple[float, float]]] = {"with": [], "without": []}
        for _ in range(args.rounds):
            for name, client in clients.items():
                found[name].append(_timed(client, args.requests))
        wall = {n: statistics.median(w for w, _ in runs) for n, runs in found.items()}
        cpu = {n: statistics.median(c for _, c in runs) for n, runs in found.items()}
        print(
            f"with the limits {wall['with']:7.1f} us, without {wall['without']:7.1f} us, "
            f"+{wall['with'] - wall['without']:5.1f} us; CPU {cpu['with']:7.1f} us, "
            f"without {cpu['without']:7.1f} us, +{cpu['with'] - cpu['without']:5.1f} us"
        )


if __name__ == "__main__":
    main()
