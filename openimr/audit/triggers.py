"""The database refuses to change or delete an audit event, or a row of the case index that
leads a case's trail to the lists it was shown in: triggers on SQLite and PostgreSQL, so
that no code path (the ORM, raw SQL, a database shell) rewrites the trail quietly. HIPAA 45
CFR 164.312(b) (audit controls) and 164.528 (a case's accounting of disclosures, which a
deleted index row would shorten with every hash intact). TRUNCATE is not a row operation
and is not refused on PostgreSQL: Django's test flush uses it, and it needs the table
owner's rights, which the application's database role should not hold in production
(docs/audit.md).

A migration that rebuilds one of these tables on SQLite (most column changes do) drops its
triggers: such a migration must run `install` for it again, as 0002 and 0004 do; the tests
of append-only fail otherwise."""

from collections.abc import Sequence

from django.db.backends.base.base import BaseDatabaseWrapper

EVENTS = "audit_auditevent"
INDEX = "audit_auditeventcase"
PROTECTED = (EVENTS, INDEX)
# Each table's triggers' (and PostgreSQL function's) name and what a refusal says (put in
# SQL as it is: no quote in it). The events' names are those migration 0002 installed.
_NAMES = {EVENTS: "audit_event", INDEX: "audit_event_case"}
MESSAGES = {
    EVENTS: "audit events are append-only",
    INDEX: "the audit case index is append-only",
}


def _sqlite_install(table: str) -> list[str]:
    return [
        f"""CREATE TRIGGER IF NOT EXISTS {_NAMES[table]}_no_{op.lower()} BEFORE {op} ON {table}
        BEGIN SELECT RAISE(ABORT, '{MESSAGES[table]}: {op} refused'); END"""
        for op in ("UPDATE", "DELETE")
    ]


def _sqlite_remove(table: str) -> list[str]:
    return [f"DROP TRIGGER IF EXISTS {_NAMES[table]}_no_{op}" for op in ("update", "delete")]


# restrict_violation (23001): an integrity error, as SQLite's RAISE(ABORT) is.
def _postgres_install(table: str) -> list[str]:
    name = _NAMES[table]
    return [
        f"""CREATE OR REPLACE FUNCTION {name}_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION '{MESSAGES[table]}: % refused', TG_OP
            USING ERRCODE = 'restrict_violation';
        END $$""",
        f"DROP TRIGGER IF EXISTS {name}_append_only ON {table}",
        f"""CREATE TRIGGER {name}_append_only BEFORE UPDATE OR DELETE ON {table}
        FOR EACH ROW EXECUTE FUNCTION {name}_refuse()""",
    ]


def _postgres_remove(table: str) -> list[str]:
    name = _NAMES[table]
    return [
        f"DROP TRIGGER IF EXISTS {name}_append_only ON {table}",
        f"DROP FUNCTION IF EXISTS {name}_refuse()",
    ]


def _statements(
    connection: BaseDatabaseWrapper, tables: Sequence[str], *, install: bool
) -> list[str]:
    if connection.vendor == "postgresql":
        build = _postgres_install if install else _postgres_remove
    elif connection.vendor == "sqlite":
        build = _sqlite_install if install else _sqlite_remove
    else:
        raise NotImplementedError(f"no append-only triggers for {connection.vendor}")
    return [sql for table in tables for sql in build(table)]


def install(connection: BaseDatabaseWrapper, tables: Sequence[str] = PROTECTED) -> None:
    """Make ``tables`` append-only (each must exist: a migration names the ones it has)."""
    with connection.cursor() as cursor:
        for sql in _statements(connection, tables, install=True):
            cursor.execute(sql)


def remove(connection: BaseDatabaseWrapper, tables: Sequence[str] = PROTECTED) -> None:
    with connection.cursor() as cursor:
        for sql in _statements(connection, tables, install=False):
            cursor.execute(sql)


def installed(connection: BaseDatabaseWrapper, tables: Sequence[str] = PROTECTED) -> bool:
    """Every one of ``tables`` has its triggers."""
    with connection.cursor() as cursor:
        for table in tables:
            if connection.vendor == "postgresql":
                cursor.execute(
                    "SELECT COUNT(*) FROM pg_trigger WHERE tgname = %s AND tgrelid = %s::regclass",
                    [f"{_NAMES[table]}_append_only", table],
                )
                wanted = 1
            else:
                cursor.execute(
                    "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s",
                    [table],
                )
                wanted = 2
            if cursor.fetchone()[0] != wanted:
                return False
    return True
