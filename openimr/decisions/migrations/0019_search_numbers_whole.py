"""SQLite: the numbers of each decision writing a decimal as whole tokens, in a table of
their own (``decisions_search_numbers``: a row per such decision, its numbers in the order
its text writes them, ``openimr.decisions.domain.number_runs``; where a letter writes no
decimal, FTS5's runs of digits are its whole numbers), so that a number searched is found as
typed: FTS5's tokenizer cuts "0.5" into "0" and "5", and "5%" had found "0.5%" ("12.5" had
found "12-5"), where PostgreSQL's parser reads a decimal whole. The search asks the row of
each candidate its FTS5 match finds (`search_numbers.sqlite_condition`).

A table of its own, not a column of the FTS5 table: adding one rebuilds that index (minutes
at a million letters). The rows are written by triggers from the same text the index holds
(the summary, and each item's treatment and rationale), through the SQL function
``decisions_number_runs`` every Django connection registers; the inserts skip while a store
batch indexes its decisions itself (migration 0003's ``decisions_search_deferred``), and
the store then writes the batch's rows in one statement (``search.index_decisions``).
Every decision already stored is checked once here (3 microseconds a letter, and 30 to read
one writing a decimal: 12.6 s of CPU at 1,000,000 generated letters). The
reading rules changing later need a migration that fills the table again (``FILL``).

A later migration that rebuilds decisions_decision or decisions_decisionitem on SQLite drops
these triggers: it must create them again (``SQLITE_TRIGGERS``). PostgreSQL: nothing (its
parser reads a decimal whole)."""

import importlib

from django.db import migrations

from openimr.decisions import number_runs_sql as runs_sql

_0003 = importlib.import_module("openimr.decisions.migrations.0003_search_index_once_per_batch")

TABLE = runs_sql.TABLE
CREATE = f"CREATE TABLE {TABLE} (decision_id integer NOT NULL PRIMARY KEY, runs text NOT NULL)"
FILL = runs_sql.rows_of("")
_DEFERRED = _0003.DEFERRED


def _refresh(ref: str) -> str:
    return runs_sql.row_of(ref) + "; "  # two statements: the old row out, the new one in


SQLITE_TRIGGERS = [
    f"CREATE TRIGGER {TABLE}_decision_ai AFTER INSERT ON decisions_decision WHEN {_DEFERRED} "
    f"BEGIN {_refresh('new.id')}END",
    f"CREATE TRIGGER {TABLE}_decision_au AFTER UPDATE OF clinical_summary ON decisions_decision "
    f"BEGIN {_refresh('new.id')}END",
    f"CREATE TRIGGER {TABLE}_decision_ad AFTER DELETE ON decisions_decision "
    f"BEGIN DELETE FROM {TABLE} WHERE decision_id = old.id; END",
    f"CREATE TRIGGER {TABLE}_item_ai AFTER INSERT ON decisions_decisionitem WHEN {_DEFERRED} "
    f"BEGIN {_refresh('new.decision_id')}END",
    f"CREATE TRIGGER {TABLE}_item_au AFTER UPDATE OF treatment, rationale, decision_id "
    f"ON decisions_decisionitem BEGIN {_refresh('old.decision_id')}{_refresh('new.decision_id')}END",
    f"CREATE TRIGGER {TABLE}_item_ad AFTER DELETE ON decisions_decisionitem "
    f"BEGIN {_refresh('old.decision_id')}END",
]
TRIGGER_NAMES = [s.split()[2] for s in SQLITE_TRIGGERS]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    schema_editor.connection.ensure_connection()
    runs_sql.register(schema_editor.connection.connection)
    for sql in [CREATE, FILL, *SQLITE_TRIGGERS]:
        schema_editor.execute(sql)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for name in TRIGGER_NAMES:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")
    schema_editor.execute(f"DROP TABLE IF EXISTS {TABLE}")


class Migration(migrations.Migration):
    dependencies = [("decisions", "0018_pg_search_items_index")]

    operations = [migrations.RunPython(forward, backward, elidable=False)]
