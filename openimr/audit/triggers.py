"""The database refuses to change or delete an audit event: triggers on SQLite and
PostgreSQL, so that no code path (the ORM, raw SQL, a database shell) rewrites the trail
quietly. TRUNCATE is not a row operation and is not refused on PostgreSQL: Django's test
flush uses it, and it needs the table owner's rights, which the application's database
role should not hold in production (docs/audit.md).

A migration that rebuilds the table on SQLite (most column changes do) drops its triggers:
such a migration must run `install` again, as 0002 does; the tests of append-only fail
otherwise."""

from django.db.backends.base.base import BaseDatabaseWrapper

TABLE = "audit_auditevent"
MESSAGE = "audit events are append-only"

_SQLITE_INSTALL = [
    f"""CREATE TRIGGER IF NOT EXISTS audit_event_no_{op.lower()} BEFORE {op} ON {TABLE}
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}: {op} refused'); END"""
    for op in ("UPDATE", "DELETE")
]
_SQLITE_REMOVE = [f"DROP TRIGGER IF EXISTS audit_event_no_{op}" for op in ("update", "delete")]

# restrict_violation (23001): an integrity error, as SQLite's RAISE(ABORT) is.
_POSTGRES_INSTALL = [
    f"""CREATE OR REPLACE FUNCTION audit_event_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION '{MESSAGE}: % refused', TG_OP USING ERRCODE = 'restrict_violation';
    END $$""",
    f"DROP TRIGGER IF EXISTS audit_event_append_only ON {TABLE}",
    f"""CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON {TABLE}
    FOR EACH ROW EXECUTE FUNCTION audit_event_refuse()""",
]
_POSTGRES_REMOVE = [
    f"DROP TRIGGER IF EXISTS audit_event_append_only ON {TABLE}",
    "DROP FUNCTION IF EXISTS audit_event_refuse()",
]


def _statements(connection: BaseDatabaseWrapper, *, install: bool) -> list[str]:
    if connection.vendor == "postgresql":
        return _POSTGRES_INSTALL if install else _POSTGRES_REMOVE
    if connection.vendor == "sqlite":
        return _SQLITE_INSTALL if install else _SQLITE_REMOVE
    raise NotImplementedError(f"no append-only triggers for {connection.vendor}")


def install(connection: BaseDatabaseWrapper) -> None:
    with connection.cursor() as cursor:
        for sql in _statements(connection, install=True):
            cursor.execute(sql)


def remove(connection: BaseDatabaseWrapper) -> None:
    with connection.cursor() as cursor:
        for sql in _statements(connection, install=False):
            cursor.execute(sql)


def installed(connection: BaseDatabaseWrapper) -> bool:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT COUNT(*) FROM pg_trigger WHERE tgname = 'audit_event_append_only'"
                " AND tgrelid = %s::regclass",
                [TABLE],
            )
            return bool(cursor.fetchone()[0] == 1)
        cursor.execute(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s",
            [TABLE],
        )
        return bool(cursor.fetchone()[0] == 2)
