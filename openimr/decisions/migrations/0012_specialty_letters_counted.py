"""How many letters print each specialty spelling, kept by trigger as letters are written:
the one name shown per specialty (``openimr.decisions.specialty_names``) is read from here,
a row per spelling, instead of counted over every letter's specialties. That count cost
69-138 ms at a million letters and was paid by the first visitor after each corpus change
(the names are exact, never served stale: the analytics computed at the same stamp must
show the same name). Every writer (the store, an ingest, a correction, a withdrawal, the
admin) goes through the table's rows, so the counts follow any write.

SQLite: a row trigger per insert, delete and update of a specialty (one writer at a time).
PostgreSQL: statement triggers over the transition tables, one upsert per statement and
spelling; named after 0005's ``decisions_corpusversion_touch`` so that they fire after it
(same event and timing: by name), and every writer takes the stamp's row lock before any
count's, in the same order: two writers never wait on each other's counts. A TRUNCATE of
the specialties (a bench's load, a test database's flush) empties the counts.

A later migration that rebuilds decisions_decisionspecialty on SQLite drops these triggers
(as 0005's): it must create them again (``SQLITE_TRIGGERS``);
test_specialty_names_follow_every_corpus_change checks the counts against a count."""

import importlib

from django.db import migrations

# 0010's runner: each vendor's statements, in order.
_run = importlib.import_module("openimr.decisions.migrations.0010_search_specialty_as_typed")._run

TABLE = "decisions_specialtyletters"
SOURCE = "decisions_decisionspecialty"
# The count itself, as specialty_names computed it before (one row per letter and spelling:
# the ``specialty_once`` constraint).
RECOUNT = f"SELECT specialty, count(*) FROM {SOURCE} GROUP BY specialty"
_CREATE = f"CREATE TABLE {TABLE} (specialty varchar(120) NOT NULL PRIMARY KEY, letters bigint NOT NULL)"
_FILL = f"INSERT INTO {TABLE} (specialty, letters) {RECOUNT}"

_SQLITE_ADD = (
    f"INSERT INTO {TABLE} (specialty, letters) VALUES (new.specialty, 1) "
    "ON CONFLICT(specialty) DO UPDATE SET letters = letters + 1"
)
_SQLITE_REMOVE = f"UPDATE {TABLE} SET letters = letters - 1 WHERE specialty = old.specialty"
SQLITE_TRIGGERS = [
    f"CREATE TRIGGER {TABLE}_insert AFTER INSERT ON {SOURCE} BEGIN {_SQLITE_ADD}; END",
    f"CREATE TRIGGER {TABLE}_delete AFTER DELETE ON {SOURCE} BEGIN {_SQLITE_REMOVE}; END",
    f"CREATE TRIGGER {TABLE}_update AFTER UPDATE OF specialty ON {SOURCE} "
    f"BEGIN {_SQLITE_REMOVE}; {_SQLITE_ADD}; END",
]
SQLITE_FORWARD = [_CREATE, _FILL, *SQLITE_TRIGGERS]

_PG_ADD = (
    f"INSERT INTO {TABLE} AS t (specialty, letters) SELECT specialty, count(*) FROM added "
    "GROUP BY specialty ORDER BY specialty "
    "ON CONFLICT (specialty) DO UPDATE SET letters = t.letters + excluded.letters;"
)
_PG_REMOVE = (
    f"UPDATE {TABLE} AS t SET letters = t.letters - r.n FROM (SELECT specialty, count(*) AS n "
    "FROM removed GROUP BY specialty ORDER BY specialty) r WHERE t.specialty = r.specialty;"
)


def _pg_function(name: str, body: str) -> str:
    return (
        f"CREATE OR REPLACE FUNCTION {TABLE}_{name}() RETURNS trigger AS $$ "
        f"BEGIN {body} RETURN NULL; END $$ LANGUAGE plpgsql"
    )


_PG_EVENTS = {
    "insert": ("INSERT", "NEW TABLE AS added", _PG_ADD),
    "delete": ("DELETE", "OLD TABLE AS removed", _PG_REMOVE),
    "update": ("UPDATE", "OLD TABLE AS removed NEW TABLE AS added", _PG_REMOVE + _PG_ADD),
}
PG_FORWARD = [
    _CREATE,
    _FILL,
    *(_pg_function(name, body) for name, (_, _, body) in _PG_EVENTS.items()),
    *(
        f"CREATE TRIGGER {TABLE}_{name} AFTER {event} ON {SOURCE} REFERENCING {tables} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {TABLE}_{name}()"
        for name, (event, tables, _) in _PG_EVENTS.items()
    ),
    _pg_function("truncate", f"DELETE FROM {TABLE};"),
    f"CREATE TRIGGER {TABLE}_truncate AFTER TRUNCATE ON {SOURCE} "
    f"FOR EACH STATEMENT EXECUTE FUNCTION {TABLE}_truncate()",
]
_NAMES = (*_PG_EVENTS, "truncate")
BACKWARD = {
    "sqlite": [*(f"DROP TRIGGER IF EXISTS {TABLE}_{n}" for n in _PG_EVENTS), f"DROP TABLE {TABLE}"],
    "postgresql": [
        *(f"DROP TRIGGER IF EXISTS {TABLE}_{n} ON {SOURCE}" for n in _NAMES),
        *(f"DROP FUNCTION IF EXISTS {TABLE}_{n}()" for n in _NAMES),
        f"DROP TABLE {TABLE}",
    ],
}


class Migration(migrations.Migration):
    dependencies = [("decisions", "0011_failures_resolved_by_a_later_read")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": PG_FORWARD}), _run(BACKWARD)
        )
    ]
