"""Small helpers for models: closed vocabularies (StrEnums) and batch updates."""

from collections.abc import Mapping, Sequence
from enum import StrEnum
from functools import cache
from typing import Any

from django.db import connections, router
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Model, Q


def choices_of(enum: type[StrEnum]) -> list[tuple[str, str]]:
    return [(member.value, member.value.replace("_", " ").capitalize()) for member in enum]


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
    as_is = [_AS_IS.get(c.get_internal_type(), ()) for c in columns]
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(str(c.column))} = %s" for c in columns)
    key = quote(str(meta.pk.column))
    sql = f"UPDATE {quote(meta.db_table)} SET {assignments} WHERE {key} = %s"
    params = [
        [
            _prepared(c, plain, getattr(row, c.attname), connection)
            for c, plain in zip(columns, as_is, strict=True)
        ]
        + [row.pk]
        for row in rows
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)


def values_insert(model: type[Model], rows: Sequence[Mapping[str, Any]]) -> None:
    """`rows_insert` for rows given as their columns' values by attribute name (a missing
    one takes the field's default), when building model instances would cost more than
    writing them."""
    if not rows:
        return
    connection = connections[router.db_for_write(model)]
    plan = _plan(model)
    params = [
        [
            _prepared(f, as_is, row[f.attname] if f.attname in row else f.get_default(), connection)
            for f, as_is, _ in plan
        ]
        for row in rows
    ]
    _insert(model, params, keys=False)


def rows_insert(rows: Sequence[Model], *, keys: bool = False) -> None:
    """Insert rows with statements prepared here: bulk_create compiles each value of each row
    through the query compiler, which made writing a simulated year's rows its largest
    single cost. ``keys``: give the rows the keys they got, for rows others refer to."""
    if not rows:
        return
    model = type(rows[0])
    connection = connections[router.db_for_write(model)]
    found = _insert(model, [_values(row, connection) for row in rows], keys=keys)
    for row, key in zip(rows, found, strict=keys):
        row.pk, row._state.adding, row._state.db = key, False, connection.alias


def _insert(model: type[Model], params: list[list[Any]], *, keys: bool) -> list[Any]:
    """Write prepared values in the columns' order of `_plan`; the keys they got if asked."""
    meta, connection = model._meta, connections[router.db_for_write(model)]
    fields = [f for f, _, _ in _plan(model)]
    quote = connection.ops.quote_name
    names = ", ".join(quote(str(f.column)) for f in fields)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            _copy(cursor.cursor, meta, [f.column for f in fields], params, keys=keys)
        elif keys:
            _insert_returning(cursor, meta, names, params, connection)
        else:
            marks = ", ".join(["%s"] * len(fields))
            cursor.executemany(
                f"INSERT INTO {quote(meta.db_table)} ({names}) VALUES ({marks})", params
            )
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


def _insert_returning(
    cursor: Any, meta: Any, names: str, params: list[list[Any]], connection: BaseDatabaseWrapper
) -> None:
    """SQLite's driver returns no rows from executemany: a few rows per INSERT ... RETURNING
    instead, within its limit on parameters, in the order of the rows as bulk_create also
    relies on. Each row's key is appended to its values."""
    width = len(params[0])
    per = max(1, (connection.features.max_query_params or 10_000) // width)
    marks = "(" + ", ".join(["%s"] * width) + ")"
    quote = connection.ops.quote_name
    for start in range(0, len(params), per):
        chunk = params[start : start + per]
        cursor.execute(
            f"INSERT INTO {quote(meta.db_table)} ({names}) VALUES {', '.join([marks] * len(chunk))}"
            f" RETURNING {quote(meta.pk.column)}",
            [v for values in chunk for v in values],
        )
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
    "FloatField": (float, int),
}
# A column whose value is computed on save (auto_now, auto_now_add) is read via pre_save.
Plan = tuple[tuple[Any, tuple[type, ...], bool], ...]


def _values(row: Model, connection: BaseDatabaseWrapper) -> list[Any]:
    # What save() does first: take the key of a related row written since it was set.
    row._prepare_related_fields_for_save(operation_name="rows_insert")  # type: ignore[attr-defined]
    return [
        _prepared(
            f, as_is, f.pre_save(row, add=True) if computed else getattr(row, f.attname), connection
        )
        for f, as_is, computed in _plan(type(row))
    ]


def _prepared(
    field: Any, as_is: tuple[type, ...], value: Any, connection: BaseDatabaseWrapper
) -> Any:
    if value is None or type(value) in as_is:
        return value
    return field.get_db_prep_save(value, connection)


@cache
def _plan(model: type[Model]) -> Plan:
    fields: list[Any] = [f for f in model._meta.concrete_fields if not f.primary_key]
    return tuple(
        (
            f,
            _AS_IS.get(f.get_internal_type(), ()),
            bool(getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)),
        )
        for f in fields
    )
