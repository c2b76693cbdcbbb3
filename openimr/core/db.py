"""Small helpers for models: closed vocabularies (StrEnums), batch updates and a named lock
held for a transaction."""

import hashlib
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from enum import StrEnum
from functools import cache
from typing import Any

from django.db import connection, connections, router
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Model, Q


def held_until_commit(name: str) -> None:
    """Hold the lock ``name`` until the transaction ends; another transaction asking for it
    waits until then. PostgreSQL: a transaction-level advisory lock on the name's hash;
    SQLite: nothing to take, as every write transaction holds the database's one write lock
    from BEGIN (``transaction_mode`` IMMEDIATE, config/settings.py). Outside a transaction
    nothing is held."""
    if not connection.in_atomic_block or connection.vendor != "postgresql":
        return
    key = int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])


def choices_of(enum: type[StrEnum]) -> list[tuple[str, str]]:
    """(value, label) pairs: the member's own ``label`` where its enum gives one (so the
    admin and the pages say the same), else its value in words."""
    return [
        (
            member.value,
            getattr(member, "label", None) or member.value.replace("_", " ").capitalize(),
        )
        for member in enum
    ]


def in_enum(field: str, enum: type[StrEnum], *, null: bool = False) -> Q:
    """A check constraint's condition: the column holds one of the enum's values."""
    allowed = Q(**{f"{field}__in": [m.value for m in enum]})
    return allowed | Q(**{f"{field}__isnull": True}) if null else allowed


def rows_update(rows: Sequence[Model], fields: Sequence[str]) -> None:
    """Write these columns of each row with one prepared UPDATE run for every row. Django's
    bulk_update builds a CASE expression per row and column, which cost 29 ms a batch of
    ~85 cases here, more than everything else a simulated case does."""
    if not rows:
        return
    model = type(rows[0])
    meta, connection = model._meta, connections[router.db_for_write(model)]
    columns: list[Any] = [meta.get_field(name) for name in fields]
    preparers = [_preparer(c, connection) for c in columns]
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(str(c.column))} = %s" for c in columns)
    key = quote(str(meta.pk.column))
    sql = f"UPDATE {quote(meta.db_table)} SET {assignments} WHERE {key} = %s"
    params = [
        [prepare(getattr(row, c.attname)) for c, prepare in zip(columns, preparers, strict=True)]
        + [row.pk]
        for row in rows
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)


def values_insert(
    model: type[Model], rows: Sequence[Mapping[str, Any]], *, keys: bool = False
) -> list[Any]:
    """`rows_insert` for rows given as their columns' values by attribute name (a missing
    one takes the field's default), when building model instances would cost more than
    writing them; ``keys``: the keys the rows got, in their order (else an empty list)."""
    if not rows:
        return []
    connection = connections[router.db_for_write(model)]
    columns = [(f.attname, f.get_default, _preparer(f, connection)) for f in _fields(model)]
    params = [
        [prepare(row[name] if name in row else default()) for name, default, prepare in columns]
        for row in rows
    ]
    return _insert(model, params, keys=keys)


def rows_insert(rows: Sequence[Model], *, keys: bool = False) -> None:
    """Insert rows with statements prepared here: bulk_create compiles each value of each row
    through the query compiler, which made writing a simulated year's rows its largest
    single cost. ``keys``: give the rows the keys they got, for rows others refer to."""
    if not rows:
        return
    model = type(rows[0])
    connection = connections[router.db_for_write(model)]
    preparers = [_preparer(f, connection) for f in _fields(model)]
    found = _insert(model, [_values(row, preparers) for row in rows], keys=keys)
    for row, key in zip(rows, found, strict=keys):
        row.pk, row._state.adding, row._state.db = key, False, connection.alias


def _insert(model: type[Model], params: list[list[Any]], *, keys: bool) -> list[Any]:
    """Write prepared values in the columns' order of `_fields`; the keys they got if asked."""
    meta, connection = model._meta, connections[router.db_for_write(model)]
    fields = _fields(model)
    quote = connection.ops.quote_name
    names = ", ".join(quote(str(f.column)) for f in fields)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # The driver's own cursor, so its errors are made Django's here (a unique key
            # broken by COPY is an IntegrityError, as it is from an INSERT).
            with connection.wrap_database_errors:
                _copy(cursor.cursor, meta, [f.column for f in fields], params, keys=keys)
        else:
            _insert_chunks(cursor, meta, names, params, connection, keys=keys)
    return [values[-1] for values in params] if keys else []


def _copy(raw: Any, meta: Any, columns: list[str], params: list[list[Any]], *, keys: bool) -> None:
    """PostgreSQL's COPY: the fastest load for the server and the driver alike (row by row
    INSERTs left Python waiting on the server for a third of a simulated year). Keys are
    drawn from the table's own sequence first, so the rows can carry them."""
    table, key = meta.db_table, meta.pk.column
    if keys:
        raw.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [table, key, len(params)],
        )
        for values, (number,) in zip(params, raw.fetchall(), strict=True):
            values.append(number)
        columns = [*columns, key]
    names = ", ".join(f'"{c}"' for c in columns)
    with raw.copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
        for values in params:
            copy.write_row(values)


def _insert_chunks(
    cursor: Any,
    meta: Any,
    names: str,
    params: list[list[Any]],
    connection: BaseDatabaseWrapper,
    *,
    keys: bool,
) -> None:
    """SQLite: as many rows per INSERT as its limit on parameters allows, never one
    statement per row (``executemany``). On a table with triggers (the search index's and
    the corpus stamp's on a decision's items and specialties) SQLite opens and closes a
    statement journal and sets up the trigger programs for every statement: an ingest's
    items took 0.044 ms a letter one row a statement, 0.011 ms 83 rows a statement
    (docs/benchmarks.md, "Corpus ingest, session 22"). With ``keys`` (the driver returns
    no rows from executemany) each statement also returns its rows' keys, in the rows'
    order as bulk_create also relies on, and each row's key is appended to its values."""
    width = len(params[0])
    per = max(1, (connection.features.max_query_params or 10_000) // width)
    marks = "(" + ", ".join(["%s"] * width) + ")"
    quote = connection.ops.quote_name
    returning = f" RETURNING {quote(meta.pk.column)}" if keys else ""
    for start in range(0, len(params), per):
        chunk = params[start : start + per]
        cursor.execute(
            f"INSERT INTO {quote(meta.db_table)} ({names}) VALUES {', '.join([marks] * len(chunk))}"
            + returning,
            [v for values in chunk for v in values],
        )
        if keys:
            for values, (number,) in zip(chunk, cursor.fetchall(), strict=True):
                values.append(number)


# Values that go to the database as they are, by column type: preparing every value
# through the field's methods was a third of a simulated case's time. NULL always does.
_AS_IS: dict[str, tuple[type, ...]] = {
    "CharField": (str,),
    "TextField": (str,),
    "BooleanField": (bool,),
    "ForeignKey": (int,),
    "IntegerField": (int,),
    "PositiveIntegerField": (int,),
    "PositiveSmallIntegerField": (int,),
    "PositiveBigIntegerField": (int,),
    "FloatField": (float, int),
}


def _values(row: Model, preparers: list["Preparer"]) -> list[Any]:
    # What save() does first: take the key of a related row written since it was set.
    row._prepare_related_fields_for_save(operation_name="rows_insert")  # type: ignore[attr-defined]
    return [
        prepare(field.pre_save(row, add=True) if computed else getattr(row, field.attname))
        for field, computed, prepare in zip(
            _fields(type(row)), _computed(type(row)), preparers, strict=True
        )
    ]


def _prepared(
    field: Any, as_is: tuple[type, ...], value: Any, connection: BaseDatabaseWrapper
) -> Any:
    if value is None or type(value) in as_is:
        return value
    return field.get_db_prep_save(value, connection)


Preparer = Callable[[Any], Any]


def _preparer(field: Any, connection: BaseDatabaseWrapper) -> Preparer:
    """A column's value as the database takes it, as ``field.get_db_prep_save`` gives it.
    Dates, aware datetimes and JSON lists and dicts go straight to the connection's own
    adapter, the last call of Django's four a value, and one that is the same object as the
    row before's (a batch's one ``added_at``) is adapted once: a stored decision's values
    cost half as much (0.097 -> 0.052 ms). Anything else takes Django's way."""
    as_is = _AS_IS.get(field.get_internal_type(), ())
    fast = _fast_adapter(field, connection)
    if fast is None:
        return lambda value: _prepared(field, as_is, value, connection)
    kind, adapt = fast
    last: list[Any] = [_NOTHING, None]

    def prepare(value: Any) -> Any:
        if value is None or type(value) in as_is:
            return value
        if type(value) in kind and (kind is not _AWARE or value.utcoffset() is not None):
            if value is not last[0]:
                last[0], last[1] = value, adapt(value)
            return last[1]
        return field.get_db_prep_save(value, connection)

    return prepare


_NOTHING = object()
_AWARE = (datetime,)


def _fast_adapter(
    field: Any, connection: BaseDatabaseWrapper
) -> tuple[tuple[type, ...], Preparer] | None:
    """The value types that need only the connection's adapter for this column, and it:
    what ``get_db_prep_save`` ends in once the field's own steps (``get_prep_value``,
    ``to_python``, a naive datetime's warning) leave such a value as it is."""
    ops, kind = connection.ops, field.get_internal_type()
    if kind == "DateField":
        return (date,), ops.adapt_datefield_value
    if kind == "DateTimeField":  # aware ones only (checked per value): a naive one warns
        return _AWARE, ops.adapt_datetimefield_value
    if kind == "JSONField":
        encoder = field.encoder
        return (dict, list), lambda value: ops.adapt_json_value(value, encoder)
    return None


@cache
def _fields(model: type[Model]) -> list[Any]:
    """The columns an insert writes, in order (all but the key)."""
    return [f for f in model._meta.concrete_fields if not f.primary_key]


@cache
def _computed(model: type[Model]) -> list[bool]:
    """Per column of `_fields`: its value is computed on save (auto_now, auto_now_add), read
    via pre_save."""
    return [
        bool(getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False))
        for f in _fields(model)
    ]
