"""A second stamp beside the corpus's version stamp (0005): ``removal`` takes a new random
value only when a letter, an item or a specialty is changed or deleted, never when one is
added. The search page and the precedent panel may then keep serving an answer computed
before new letters came, for a bounded time (``OPENIMR_CORPUS_LAG_SECONDS``,
openimr.decisions.corpus), but never one computed before a letter was withdrawn or
corrected: a letter taken down (a name that slipped through de-identification, say) leaves
every kept answer at once.

Measured (docs/benchmarks.md, "Load"): with every publication emptying every kept answer, a
server publishing letters through the day was as slow as a cold one.

The row keeps its one upsert; the insert triggers are 0005's, unchanged."""

from django.db import migrations

TABLE = "decisions_corpusversion"
WATCHED = ("decisions_decision", "decisions_decisionitem", "decisions_decisionspecialty")
CHANGES = ("UPDATE", "DELETE")
_SQLITE_BOTH = (
    f"INSERT INTO {TABLE} (id, stamp, removal) VALUES (1, random(), random()) "
    "ON CONFLICT(id) DO UPDATE SET stamp = excluded.stamp, removal = excluded.removal"
)
_SQLITE_STAMP = (
    f"INSERT INTO {TABLE} (id, stamp) VALUES (1, random()) "
    "ON CONFLICT(id) DO UPDATE SET stamp = excluded.stamp"
)


def _sqlite_triggers(body: str) -> list[str]:
    return [
        f"CREATE TRIGGER {TABLE}_{table}_{op.lower()} AFTER {op} ON {table} BEGIN {body}; END"
        for table in WATCHED
        for op in CHANGES
    ]


def _sqlite_drops() -> list[str]:
    return [
        f"DROP TRIGGER IF EXISTS {TABLE}_{table}_{op.lower()}" for table in WATCHED for op in CHANGES
    ]


SQLITE_FORWARD = [
    f"ALTER TABLE {TABLE} ADD COLUMN removal bigint NOT NULL DEFAULT 0",
    f"UPDATE {TABLE} SET removal = random()",
    *_sqlite_drops(),
    *_sqlite_triggers(_SQLITE_BOTH),
]
SQLITE_BACKWARD = [
    *_sqlite_drops(),
    *_sqlite_triggers(_SQLITE_STAMP),
    f"ALTER TABLE {TABLE} DROP COLUMN removal",
]

_PG_RANDOM = "(random() * 9e18)::bigint"
PG_FORWARD = [
    f"ALTER TABLE {TABLE} ADD COLUMN removal bigint NOT NULL DEFAULT 0",
    f"UPDATE {TABLE} SET removal = {_PG_RANDOM}",
    # One function for every statement: an INSERT moves the stamp, anything else both.
    f"""CREATE OR REPLACE FUNCTION {TABLE}_touch() RETURNS trigger AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        INSERT INTO {TABLE} (id, stamp) VALUES (1, {_PG_RANDOM})
          ON CONFLICT (id) DO UPDATE SET stamp = excluded.stamp;
      ELSE
        INSERT INTO {TABLE} (id, stamp, removal) VALUES (1, {_PG_RANDOM}, {_PG_RANDOM})
          ON CONFLICT (id) DO UPDATE SET stamp = excluded.stamp, removal = excluded.removal;
      END IF;
      RETURN NULL;
    END $$ LANGUAGE plpgsql""",
]
PG_BACKWARD = [
    f"""CREATE OR REPLACE FUNCTION {TABLE}_touch() RETURNS trigger AS $$
    BEGIN
      INSERT INTO {TABLE} (id, stamp) VALUES (1, {_PG_RANDOM})
        ON CONFLICT (id) DO UPDATE SET stamp = excluded.stamp;
      RETURN NULL;
    END $$ LANGUAGE plpgsql""",
    f"ALTER TABLE {TABLE} DROP COLUMN removal",
]


def _run(statements: dict[str, list[str]]):  # type: ignore[no-untyped-def]
    def run(apps, schema_editor):  # type: ignore[no-untyped-def]
        for statement in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("decisions", "0006_search_filter_postings")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": PG_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": PG_BACKWARD}),
        )
    ]
