"""The store indexes each decision once per batch. The insert triggers of 0002 rewrote a
decision's index row at its insert and again at each item's and specialty's, so a three-item
letter was tokenized four or more times (0.6 ms of the 0.84 ms a letter cost to store).

While a row is in ``decisions_search_deferred`` (the store puts one there for the length of
a batch, inside its transaction, so no other transaction ever sees it) the insert triggers
leave the index alone; the store then indexes the batch's decisions with one statement
(``openimr.decisions.search.index_decisions``). Every other writer (the ORM, raw SQL, the
test factories) is still indexed by the triggers, and updates and deletes by anyone still
are too, so the index stays in step with the tables whatever writes them."""

import importlib

from django.db import migrations

_0002 = importlib.import_module("openimr.decisions.migrations.0002_search_index")
DEFERRED = "NOT EXISTS (SELECT 1 FROM decisions_search_deferred)"
_INSERT_TRIGGERS = ("decision_ai", "item_ai", "specialty_ai")


def _sqlite_0002(name: str) -> str:
    return next(
        s
        for s in _0002.SQLITE_FORWARD
        if s.startswith(f"CREATE TRIGGER decisions_search_{name} ")
    )


def _sqlite_deferrable(name: str) -> str:
    """0002's insert trigger, skipped while a batch defers the indexing."""
    head, body = _sqlite_0002(name).split(" BEGIN ", 1)
    return f"{head} WHEN {DEFERRED} BEGIN {body}"


SQLITE_FORWARD = [
    "CREATE TABLE decisions_search_deferred (batch integer NOT NULL)",
    *(f"DROP TRIGGER decisions_search_{name}" for name in _INSERT_TRIGGERS),
    *(_sqlite_deferrable(name) for name in _INSERT_TRIGGERS),
]

SQLITE_BACKWARD = [
    *(f"DROP TRIGGER decisions_search_{name}" for name in _INSERT_TRIGGERS),
    *(_sqlite_0002(name) for name in _INSERT_TRIGGERS),
    "DROP TABLE decisions_search_deferred",
]


def _pg_0002(name: str) -> str:
    found = next(s for s in _0002.PG_FORWARD if s.startswith(f"CREATE FUNCTION {name}()"))
    return found.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1)


PG_FORWARD = [
    "CREATE TABLE decisions_search_deferred (batch integer NOT NULL)",
    f"""CREATE OR REPLACE FUNCTION decisions_search_on_decision() RETURNS trigger AS $$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        DELETE FROM decisions_search WHERE decision_id = OLD.id;
      ELSIF TG_OP = 'UPDATE' OR {DEFERRED} THEN
        PERFORM decisions_search_refresh(NEW.id);
      END IF;
      RETURN NULL;
    END $$ LANGUAGE plpgsql""",
    f"""CREATE OR REPLACE FUNCTION decisions_search_on_item() RETURNS trigger AS $$
    BEGIN
      IF TG_OP = 'INSERT' AND NOT ({DEFERRED}) THEN RETURN NULL; END IF;
      IF TG_OP <> 'INSERT' THEN PERFORM decisions_search_refresh(OLD.decision_id); END IF;
      IF TG_OP <> 'DELETE' THEN PERFORM decisions_search_refresh(NEW.decision_id); END IF;
      RETURN NULL;
    END $$ LANGUAGE plpgsql""",
]

PG_BACKWARD = [
    _pg_0002("decisions_search_on_decision"),
    _pg_0002("decisions_search_on_item"),
    "DROP TABLE decisions_search_deferred",
]


def _run(statements: dict[str, list[str]]):
    def run(apps, schema_editor):
        for sql in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("decisions", "0002_search_index")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": PG_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": PG_BACKWARD}),
        ),
    ]
