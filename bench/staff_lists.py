"""Staff lists over a year of cases: the case list, the work queue, the QA queue and the
print queue, each page's size, queries and time in process (Django's test client, no
server), the first request of each page unmeasured (imports, templates, the program's rules).

Run from the repository root against a database `openimr simulate` made (it adds two bench
logins to it, `bench-staff` in intake and `bench-qa` in QA):

    openimr simulate --applications 2000 --database-url sqlite:////tmp/sim/sim.sqlite3
    DATABASE_URL=sqlite:////tmp/sim/sim.sqlite3 python bench/staff_lists.py

Set PYTHONPATH to the tree to measure, and run two trees in turns on a shared machine.
"""

import argparse
import os
import statistics
import time
from typing import Any

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django_otp import DEVICE_ID_SESSION_KEY  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402

PAGES = (
    ("intake", "/cases/"),
    ("intake", "/cases/queue/"),
    ("qa", "/review/qa/"),
    ("intake", "/review/print-queue/"),
)


def _signed_in(role: str) -> Client:
    """A client past both login steps as the bench's login in ``role``."""
    user, _ = get_user_model().objects.get_or_create(
        username=f"bench-{role}", defaults={"is_staff": role == "intake"}
    )
    user.groups.add(Group.objects.get_or_create(name=role)[0])
    device, _ = TOTPDevice.objects.get_or_create(user=user, name="bench")
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def _measured(client: Client, url: str, rounds: int) -> dict[str, Any]:
    client.get(url)
    times, queries, size = [], 0, 0
    for _ in range(rounds):
        # The log keeps 9,000 queries: once full, a capture's count reads 0.
        connection.queries_log.clear()
        with CaptureQueriesContext(connection) as seen:
            start = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - start)
        queries, size = len(seen), len(response.content)
        assert response.status_code == 200, (url, response.status_code)
    return {"kb": size / 1024, "queries": queries, "ms": statistics.median(times) * 1000}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5, help="measured requests a page")
    args = parser.parse_args()
    clients = {role: _signed_in(role) for role in {role for role, _ in PAGES}}
    for role, url in PAGES:
        found = _measured(clients[role], url, args.rounds)
        print(f"{url:22} {found['kb']:7.0f} KB {found['queries']:5d} queries {found['ms']:8.0f} ms")


if __name__ == "__main__":
    main()
