"""The store writes each column as ``Model.save()`` would, byte for byte in the database,
though it adapts dates, datetimes and JSON itself (``openimr.core.db``: straight to the
connection's adapter, a batch's repeated value once) and writes decisions from their
columns' values rather than from model instances."""

import warnings
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.db import connection

from openimr.core.db import values_insert
from openimr.decisions.models import Decision, Source, SourceFile
from openimr.decisions.services import decision_rows, decisions_store

pytestmark = pytest.mark.django_db

PACIFIC = datetime(2017, 3, 12, 1, 59, 58, 123456, tzinfo=ZoneInfo("America/Los_Angeles"))


def _raw(model, key: int, leave_out: tuple[str, ...] = ()) -> dict:
    """A row as the database holds it, each value as text (no field or driver converts it
    back)."""
    columns = [f.column for f in model._meta.concrete_fields if f.column not in leave_out]
    names = ", ".join(f"CAST({connection.ops.quote_name(c)} AS TEXT)" for c in columns)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {names} FROM {model._meta.db_table} WHERE id = %s", [key])
        return dict(zip(columns, cursor.fetchone(), strict=True))


def _document(number: str) -> dict:
    return {
        "schema": "openimr.case/1",
        "case_number": number,
        "priority": "expedited",
        "dates": {"decision": "2017-05-02", "injury": "2009-11-30", "assigned": "2017-04-20"},
        "employee": {"age": 47, "sex": "female"},
        "reviewer": {"specialties": ["Pain Medicine"], "licensed_in": ["CA", "NV"]},
        "clinical_summary": "Lumbar strain; «quoted» text and an emoji \U0001f600.",
        "items": [
            {
                "treatment": "Physical therapy x 6",
                "decision": "upheld",
                "rationale": "Not supported.",
                "reviewer_basis": [{"mtus": True, "citation": "MTUS ACOEM Chapter 12"}],
            }
        ],
    }


def _published(case_number: str, digit: str, **read: Any) -> Any:
    return decision_rows(
        document=_document(case_number),
        source=Source.PUBLISHED,
        layout="fdl-2016",
        content_sha256=digit * 64,
        **read,
    )


def test_a_stored_decision_is_the_row_save_writes_for_the_same_columns():
    rows = _published(
        "CM17-0000001",
        "a",
        warnings=["no priority stated"],
        confidence={"case_number": 1.0, "dates.decision": 0.75},
    )
    [key] = decisions_store([rows])
    stored = Decision.objects.get(pk=key)
    saved = Decision.objects.create(
        **{**rows.columns, "case_number": "CM17-0000002"}, added_at=stored.added_at
    )
    leave_out = ("id", "case_number")
    assert _raw(Decision, key, leave_out) == _raw(Decision, saved.pk, leave_out)
    assert _raw(Decision, key)["decision_date"] == "2017-05-02"


def _source(n: int, seen_at: datetime, found: list[str]) -> dict:
    return {
        "sha256": f"{n:064d}",
        "name": f"letters/{n}.pdf",
        "size": 2**40 + n,
        "status": "failed",
        "error": "damaged PDF",
        "warnings": found,
        "seen_at": seen_at,
    }


def _saved(n: int, seen_at: datetime, found: list[str]) -> int:
    return SourceFile.objects.create(**_source(n, seen_at, found)).pk


def _written(rows: list[dict]) -> list[int]:
    return values_insert(SourceFile, rows, keys=True)


@pytest.mark.parametrize("seen_at", [PACIFIC, PACIFIC.astimezone(UTC)], ids=["Pacific", "UTC"])
def test_rows_sharing_one_time_and_one_list_are_each_written_as_save_writes_them(seen_at):
    found = ["dates: the decision date is missing", "ünïcode"]
    keys = _written([_source(n, seen_at, found) for n in range(3)])
    saved = _saved(9, seen_at, found)
    leave_out = ("id", "sha256", "name", "size")
    assert all(_raw(SourceFile, k, leave_out) == _raw(SourceFile, saved, leave_out) for k in keys)
    assert [SourceFile.objects.get(pk=k).size for k in keys] == [2**40 + n for n in range(3)]


def test_a_naive_time_is_warned_about_and_written_as_save_writes_it():
    naive = datetime(2017, 3, 12, 9, 30)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        [key] = _written([_source(1, naive, [])])
        saved = _saved(2, naive, [])
    assert [w.category for w in caught] == [RuntimeWarning, RuntimeWarning]
    assert _raw(SourceFile, key)["seen_at"] == _raw(SourceFile, saved)["seen_at"]


def test_the_keys_given_back_are_the_rows_in_their_order():
    rows = [_source(n, PACIFIC, []) for n in range(5)]
    keys = _written(rows)
    assert [SourceFile.objects.get(pk=k).sha256 for k in keys] == [r["sha256"] for r in rows]


def test_a_date_is_written_as_the_database_reads_it_back():
    rows = _published("CM17-0000003", "b")
    [key] = decisions_store([rows])
    stored = Decision.objects.get(pk=key)
    assert (stored.decision_date, stored.injury_date) == (date(2017, 5, 2), date(2009, 11, 30))
    assert stored.licensed_in == ["CA", "NV"] and stored.document["employee"]["age"] == 47
