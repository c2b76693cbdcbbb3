"""What the corpus's readers computed, kept until the corpus changes in a way that matters.

The published corpus changes only when letters are published, ingested, corrected or
withdrawn; between those, the same search or the same precedent panel gives the same answer.
Each process keeps the answers it computed under the corpus's two stamps, read (one row,
one indexed read) before an answer is used:

- ``written`` takes a new random value at every write to the corpus tables (migration
  0005's triggers). An answer computed under the current one is exact.
- ``removal`` takes a new one only when a letter, item or specialty is changed or deleted
  (migration 0007). An answer computed under an older ``written`` but the current
  ``removal`` lacks only letters added since: it is served for a while longer, at most
  ``OPENIMR_CORPUS_LAG_SECONDS`` after it was computed, then computed again. A withdrawn or
  corrected letter is never served from an older answer.

Why a lag: an IMR organization publishes letters all day, and emptying every kept answer
at each one left a server in service as slow as a cold one (docs/benchmarks.md, "Load").
Each answer's lease is drawn between half the lag and the whole of it, so answers computed
together (a server's first minute) do not all fall due together. A lag of 0 serves exact
answers only. Pages written for a signed-in user are never kept, so staff see a letter the
moment it is published.

An answer computed while a stamp moved is not kept. Without the stamps' row or triggers (a
database flushed, a migration that dropped the triggers) nothing is kept.

Per process, in memory, bounded (least recently used first out): no shared cache to run,
and each of N app servers behind a load balancer reads the one row in the database. A
cache may have a shelf (openimr.decisions.corpus_shelf): files under the data folder that
the processes of one machine share."""

import logging
import random
import threading
import time
from collections import Counter, OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, NamedTuple, TypeVar

from django.conf import settings
from django.db import connection

from openimr.decisions.corpus_shelf import Kept, Shelf

log = logging.getLogger(__name__)
T = TypeVar("T")

TABLE = "decisions_corpusversion"
# Migrations 0005 and 0007's triggers, by vendor: how many, and how many move ``removal``.
TRIGGERS = {"sqlite": (9, 6), "postgresql": (3, 3)}
# Hits and misses by cache, for the load benchmark's report (gunicorn's worker_exit hook).
STATS: Counter[str] = Counter()
_checked: dict[str, bool] = {}


class Stamps(NamedTuple):
    written: int
    removal: int


def _count_triggers(cursor: Any, vendor: str) -> tuple[int, int]:
    if vendor == "postgresql":
        cursor.execute(
            "SELECT COUNT(*), COUNT(*) FILTER (WHERE p.prosrc LIKE '%%removal%%') "
            "FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid WHERE t.tgname = %s",
            [f"{TABLE}_touch"],
        )
    else:
        cursor.execute(
            "SELECT COUNT(*), SUM(sql LIKE '%%removal%%') FROM sqlite_master "
            "WHERE type = 'trigger' AND name LIKE %s",
            [f"{TABLE}_%"],
        )
    found, moving = cursor.fetchone()
    return int(found), int(moving or 0)


def _triggers_installed() -> bool:
    """Checked once per process and database: the stamps mean nothing without them."""
    vendor = connection.vendor
    key = f"{vendor}:{connection.settings_dict.get('NAME')}"
    if key not in _checked:
        with connection.cursor() as cursor:
            found = _count_triggers(cursor, vendor)
        _checked[key] = found == TRIGGERS.get(vendor)
        if not _checked[key]:
            log.warning("corpus version triggers missing (%s of %s): no caching", found, vendor)
    return _checked[key]


def corpus_stamps() -> Stamps | None:
    """The corpus's current stamps; None when they cannot be trusted."""
    if not _triggers_installed():
        return None
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT stamp, removal FROM {TABLE} WHERE id = 1")
        row = cursor.fetchone()
    return None if row is None else Stamps(int(row[0]), int(row[1]))


def _usable(kept: Kept | None, now: Stamps, lags: bool) -> bool:
    """Exact, or (``lags``) lacking only letters added since, within its lease, while a lag
    is allowed at all: an answer leased under a lag set since to 0 is not served stale."""
    if kept is None or kept.removal != now.removal:
        return False
    lagging = lags and float(settings.OPENIMR_CORPUS_LAG_SECONDS) > 0
    return kept.written == now.written or (lagging and time.time() < kept.lease_ends)


def _lease_ends() -> float:
    lag = float(settings.OPENIMR_CORPUS_LAG_SECONDS)
    return time.time() + lag * random.uniform(0.5, 1.0)  # spreads the leases; no secret


class StampedCache:
    """Answers by key, each with the stamps it was computed under; at most ``size``.
    ``lags=False``: exact answers only, for a part that other kept answers are computed
    from (a lagging part would let the answer built on it lag twice as long)."""

    def __init__(
        self, name: str, size: int, shelf: Shelf | None = None, *, lags: bool = True
    ) -> None:
        self.name, self.size, self.shelf, self.lags = name, size, shelf, lags
        self._entries: OrderedDict[Hashable, Kept] = OrderedDict()
        self._lock = threading.Lock()

    def get_or_compute(self, key: Hashable, compute: Callable[[], T]) -> T:
        stamps = corpus_stamps()
        if stamps is None:
            return compute()
        with self._lock:
            found = self._entries.get(key)
            if _usable(found, stamps, self.lags):
                self._entries.move_to_end(key)
                STATS[f"{self.name} hit"] += 1
                if found.written != stamps.written:  # type: ignore[union-attr]
                    STATS[f"{self.name} lagging hit"] += 1
                return found.value  # type: ignore[union-attr]
        shared = self.shelf.get(stamps.removal, key) if self.shelf else None
        if _usable(shared, stamps, self.lags):  # another process computed it
            STATS[f"{self.name} shared hit"] += 1
            self._keep(key, shared)  # type: ignore[arg-type]
            return shared.value  # type: ignore[union-attr]
        STATS[f"{self.name} miss"] += 1
        value = compute()
        if corpus_stamps() == stamps:  # the corpus did not change while it was computed
            # An exact answer has no lease to draw (it serves only its own stamp).
            kept = Kept(stamps.written, stamps.removal, _lease_ends() if self.lags else 0.0, value)
            self._keep(key, kept)
            if self.shelf:
                self.shelf.put(key, kept)
        return value

    def _keep(self, key: Hashable, kept: Kept) -> None:
        with self._lock:
            self._entries[key] = kept
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


def stats_line() -> str:
    """``search hit=…`` and so on, for a worker's last log line."""
    names = sorted({k.rsplit(" ", 1)[0] for k in STATS})
    return ", ".join(f"{n}: {STATS[f'{n} hit']} hits, {STATS[f'{n} miss']} misses" for n in names)
