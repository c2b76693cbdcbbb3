"""The corpus's version stamp: one row that every write to the corpus tables (a decision, its
items, its specialties: insert, update or delete, by any writer) sets to a new random
number, by trigger. The search page and the precedent panel keep what they computed under
the stamp they read, and use it again until the stamp changes (openimr.decisions.corpus).

Random, not a counter: a rolled-back write (a test's transaction, a failed batch) brings a
counter back to a value it will reach again with other rows; a random stamp is not met
twice. The row is written with an upsert, so a flushed table gets it back at the next write.

A migration that rebuilds one of these tables on SQLite (most column changes do) drops its
triggers: such a migration must create them again (``SQLITE_FORWARD``); a test checks
that they are there after every migration, and the reader stops caching without them."""

from django.db import migrations

TABLE = "decisions_corpusversion"
WATCHED = ("decisions_decision", "decisions_decisionitem", "decisions_decisionspecialty")
_SQLITE_STAMP = (
    f"INSERT INTO {TABLE} (id, stamp) VALUES (1, random()) "
    "ON CONFLICT(id) DO UPDATE SET stamp = excluded.stamp"
)


def sqlite_triggers() -> list[str]:
    return [
        f"CREATE TRIGGER IF NOT EXISTS {TABLE}_{table}_{op.lower()} AFTER {op} ON {table} "
        f"BEGIN {_SQLITE_STAMP}; END"
        for table in WATCHED
        for op in ("INSERT", "UPDATE", "DELETE")
    ]


SQLITE_FORWARD = [
    f"CREATE TABLE {TABLE} (id integer NOT NULL PRIMARY KEY, stamp bigint NOT NULL)",
    f"INSERT INTO {TABLE} (id, stamp) VALUES (1, random())",
    *sqlite_triggers(),
]
SQLITE_BACKWARD = [
    *(
        f"DROP TRIGGER IF EXISTS {TABLE}_{table}_{op}"
        for table in WATCHED
        for op in ("insert", "update", "delete")
    ),
    f"DROP TABLE {TABLE}",
]

# One stamp per statement: a batch insert of a thousand letters moves it once.
PG_FORWARD = [
    f"CREATE TABLE {TABLE} (id integer NOT NULL PRIMARY KEY, stamp bigint NOT NULL)",
    f"INSERT INTO {TABLE} (id, stamp) VALUES (1, (random() * 9e18)::bigint)",
    f"""CREATE OR REPLACE FUNCTION {TABLE}_touch() RETURNS trigger AS $$
    BEGIN
      INSERT INTO {TABLE} (id, stamp) VALUES (1, (random() * 9e18)::bigint)
        ON CONFLICT (id) DO UPDATE SET stamp = excluded.stamp;
      RETURN NULL;
    END $$ LANGUAGE plpgsql""",
    *(
        f"CREATE TRIGGER {TABLE}_touch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {TABLE}_touch()"
        for table in WATCHED
    ),
]
PG_BACKWARD = [
    *(f"DROP TRIGGER IF EXISTS {TABLE}_touch ON {table}" for table in WATCHED),
    f"DROP FUNCTION IF EXISTS {TABLE}_touch()",
    f"DROP TABLE {TABLE}",
]


def _run(statements: dict[str, list[str]]):  # type: ignore[no-untyped-def]
    def run(apps, schema_editor):  # type: ignore[no-untyped-def]
        for statement in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("decisions", "0004_search_tags_everywhere")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": PG_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": PG_BACKWARD}),
        )
    ]
