"""What the corpus's readers computed, kept until the corpus changes.

The published corpus changes only when letters are published or ingested; between those,
the same search or the same precedent panel gives the same answer. Each process keeps the
answers it computed under the corpus's version stamp (migration 0005: a trigger gives the
stamp a new random value at every write to the corpus tables), and reads the stamp (one
row, one indexed read) before using one. A stale answer is never served: an entry whose
stamp is not the current one is computed again, and an answer computed while the stamp
moved is not kept. Without the stamp's row or triggers (a database flushed, a migration
that dropped the triggers) nothing is kept.

Per process, in memory, bounded (least recently used first out): no shared cache to run,
and each of N app servers behind a load balancer reads the one stamp in the database. A
cache may have a shelf (openimr.decisions.corpus_shelf): files under the data folder, under
the same stamp, that the processes of one machine share."""

import logging
import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from django.db import connection

from openimr.decisions.corpus_shelf import Shelf

log = logging.getLogger(__name__)
T = TypeVar("T")

TABLE = "decisions_corpusversion"
TRIGGERS = {"sqlite": 9, "postgresql": 3}  # migration 0005's triggers, by vendor
# Hits and misses by cache, for the load benchmark's report (gunicorn's worker_exit hook).
STATS: Counter[str] = Counter()
_checked: dict[str, bool] = {}


def _triggers_installed() -> bool:
    """Checked once per process and database: the stamp means nothing without them."""
    vendor = connection.vendor
    key = f"{vendor}:{connection.settings_dict.get('NAME')}"
    if key not in _checked:
        with connection.cursor() as cursor:
            if vendor == "postgresql":
                cursor.execute(
                    "SELECT COUNT(*) FROM pg_trigger WHERE tgname = %s", [f"{TABLE}_touch"]
                )
            else:
                cursor.execute(
                    "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s",
                    [f"{TABLE}_%"],
                )
            found = cursor.fetchone()[0]
        _checked[key] = found == TRIGGERS.get(vendor, -1)
        if not _checked[key]:
            log.warning("corpus version triggers missing (%s of %s): no caching", found, vendor)
    return _checked[key]


def corpus_stamp() -> int | None:
    """The corpus's current version stamp; None when it cannot be trusted."""
    if not _triggers_installed():
        return None
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT stamp FROM {TABLE} WHERE id = 1")
        row = cursor.fetchone()
    return None if row is None else int(row[0])


class StampedCache:
    """Answers by key, each with the stamp it was computed under; at most ``size``."""

    def __init__(self, name: str, size: int, shelf: Shelf | None = None) -> None:
        self.name, self.size, self.shelf = name, size, shelf
        self._entries: OrderedDict[Hashable, tuple[int, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def get_or_compute(self, key: Hashable, compute: Callable[[], T]) -> T:
        stamp = corpus_stamp()
        if stamp is None:
            return compute()
        with self._lock:
            found = self._entries.get(key)
            if found is not None and found[0] == stamp:
                self._entries.move_to_end(key)
                STATS[f"{self.name} hit"] += 1
                return found[1]
        shared = self.shelf.get(stamp, key) if self.shelf else None
        if shared is not None:  # another process computed it under this stamp
            STATS[f"{self.name} shared hit"] += 1
            self._keep(key, stamp, shared)
            return shared
        STATS[f"{self.name} miss"] += 1
        value = compute()
        if corpus_stamp() == stamp:  # the corpus did not change while it was computed
            self._keep(key, stamp, value)
            if self.shelf:
                self.shelf.put(stamp, key, value)
        return value

    def _keep(self, key: Hashable, stamp: int, value: Any) -> None:
        with self._lock:
            self._entries[key] = (stamp, value)
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
