"""An item's update reindexes its letter for search only when a column the index reads
changes. The items' update trigger (SQLite's ``decisions_search_item_au``, 0002-0010;
PostgreSQL's ``decisions_search_item``, 0002) fired on any column: migration 0015's
backfill of ``regions``, which no index reads, rewrote every letter's index row (40.7 s of
CPU at 100,000 letters, docs/benchmarks.md), and so would any later column's. 0015 now
runs this migration's change before its backfill, which then costs a few per cent of that.

The columns named are those the index's expressions read of an item: its text (treatment
and rationale; PostgreSQL joins them in ``position`` order), its filter tags (category,
outcome, MTUS basis and cited families), and the letter it belongs to. Inserts and deletes
are unchanged. The corpus stamps (0005, 0007) still move on any update: a kept answer may
show any column."""

import importlib

from django.db import migrations

_0002 = importlib.import_module("openimr.decisions.migrations.0002_search_index")
_0010 = importlib.import_module("openimr.decisions.migrations.0010_search_specialty_as_typed")

SQLITE_COLUMNS = (
    "decision_id",
    "treatment",
    "rationale",
    "category",
    "outcome",
    "mtus_based",
    "cites_mtus",
    "cites_acoem",
    "cites_odg",
    "cites_other",
)
PG_COLUMNS = (*SQLITE_COLUMNS, "position")

_ANY = "AFTER UPDATE ON decisions_decisionitem"
_OLD_SQLITE = _0010.sqlite_trigger("item_au")
assert _OLD_SQLITE.count(_ANY) == 1
SQLITE_TRIGGER = _OLD_SQLITE.replace(
    _ANY, f"AFTER UPDATE OF {', '.join(SQLITE_COLUMNS)} ON decisions_decisionitem"
)

SQLITE_FORWARD = ["DROP TRIGGER decisions_search_item_au", SQLITE_TRIGGER]
SQLITE_BACKWARD = ["DROP TRIGGER decisions_search_item_au", _OLD_SQLITE]

_OLD_PG = next(s for s in _0002.PG_FORWARD if s.startswith("CREATE TRIGGER decisions_search_item "))
_PG_ANY = "AFTER INSERT OR UPDATE OR DELETE"
assert _OLD_PG.count(_PG_ANY) == 1
PG_TRIGGER = _OLD_PG.replace(
    _PG_ANY, f"AFTER INSERT OR UPDATE OF {', '.join(PG_COLUMNS)} OR DELETE"
)
_PG_DROP = "DROP TRIGGER decisions_search_item ON decisions_decisionitem"
PG_FORWARD = [_PG_DROP, PG_TRIGGER]
PG_BACKWARD = [_PG_DROP, _OLD_PG]


def _run(statements: dict[str, list[str]]):  # type: ignore[no-untyped-def]
    def run(apps, schema_editor):  # type: ignore[no-untyped-def]
        for statement in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


# Also run by 0015 before its backfill (which, with the trigger of 0010, reindexed every
# letter): a database migrated past 0015 before this migration existed is narrowed here,
# and running both leaves the same trigger.
narrowed = _run({"sqlite": SQLITE_FORWARD, "postgresql": PG_FORWARD})
widened = _run({"sqlite": SQLITE_BACKWARD, "postgresql": PG_BACKWARD})


class Migration(migrations.Migration):
    dependencies = [("decisions", "0015_item_regions")]

    operations = [migrations.RunPython(narrowed, widened)]
