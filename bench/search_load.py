"""Bulk loading of generated decisions for `bench/search.py`: the corpus tables filled in big
transactions with the index triggers off, then the full-text index built in one statement
and the triggers put back (exactly as migration 0002 defines them)."""

import datetime as dt
import importlib
import json
from collections.abc import Iterable, Iterator
from typing import Any

from django.db import connection, transaction

from openimr.decisions.domain.item_regions import (
    letter_diagnoses,
    stored_regions,
)

_MIGRATION = importlib.import_module("openimr.decisions.migrations.0002_search_index")
# 0010: SQLite's triggers as 0003 left them (the inserts skip while a store batch indexes
# its decisions itself), with 0004's tags and complements as 0008 and 0010 write them;
# PostgreSQL's documents as 0009 writes them, with 0010's specialty lexemes.
_TAGS = importlib.import_module("openimr.decisions.migrations.0010_search_specialty_as_typed")
# 0006: PostgreSQL's posting lists of the filter lexemes, filled in one statement after the
# documents and their B-tree built once (a trigger's insert per lexeme would be 30 a letter).
_POSTINGS = importlib.import_module("openimr.decisions.migrations.0006_search_filter_postings")
# 0019: SQLite's table of each letter's numbers, filled in one statement like the index.
_NUMBERS = importlib.import_module("openimr.decisions.migrations.0019_search_numbers_whole")
# 0020: SQLite's texts parted at "_"; PostgreSQL's documents of the text with its accents
# dropped (0014), the specialty lexemes too.
_TEXTS = importlib.import_module(
    "openimr.decisions.migrations.0020_search_parts_words_at_underscores_and_folds_specialties"
)
DECISION_COLUMNS = (
    "id", "case_number", "source", "layout", "content_sha256", "letter_path", "decision_date",
    "year", "assigned_date", "injury_date", "ur_decision_date", "application_received_date",
    "priority", "employee_age", "employee_sex", "licensed_in", "clinical_summary", "document",
    "warnings", "confidence", "added_at",
)  # fmt: skip
ITEM_COLUMNS = (
    "decision_id", "position", "treatment", "category", "outcome", "mtus_based", "cites_mtus",
    "cites_acoem", "cites_odg", "cites_other", "rationale", "regions",
)  # fmt: skip
ADDED = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _families(basis: list[dict[str, Any]]) -> tuple[bool, bool, bool, bool]:
    texts = [str(c.get("citation") or "").lower() for c in basis if not c.get("mtus")]
    acoem = any("acoem" in t for t in texts)
    odg = any("odg" in t or "official disability" in t for t in texts)
    other = any(not ("acoem" in t or "odg" in t or "official disability" in t) for t in texts)
    return any(c.get("mtus") for c in basis), acoem, odg, other


def rows_of(serial: int, case: dict[str, Any]) -> tuple[tuple[Any, ...], list[Any], list[Any]]:
    """(decision row, item rows, specialty rows) of one generated case, id = serial."""
    dates = case.get("dates") or {}
    decided = _date(dates.get("decision"))
    employee = case.get("employee") or {}
    reviewer = case.get("reviewer") or {}
    decision = (
        serial, f"{case['case_number']}-{serial}", "published", "generated", f"{serial:064x}", "",
        decided, decided.year if decided else None, _date(dates.get("assigned")),
        _date(dates.get("injury")), _date(dates.get("ur_decision")),
        _date(dates.get("application_received")), case.get("priority") or "",
        employee.get("age"), employee.get("sex") or "",
        json.dumps(reviewer.get("licensed_in") or []), case.get("clinical_summary") or "",
        "{}", "[]", "{}", ADDED,
    )  # fmt: skip
    items = []
    diagnoses = letter_diagnoses(case.get("diagnoses") or (), case.get("clinical_summary") or "")
    for n, item in enumerate(case.get("items") or []):
        basis = item.get("reviewer_basis") or []
        mtus, acoem, odg, other = _families(basis)
        items.append(
            (
                serial,
                n,
                item["treatment"],
                item["category"],
                item.get("decision") or "",
                bool(basis) and all(c.get("mtus") for c in basis),
                mtus,
                acoem,
                odg,
                other,
                item.get("rationale") or "",
                # As the store reads them (openimr.decisions.services.store).
                stored_regions(
                    item["treatment"], item["category"], diagnoses, item.get("icd10") or ()
                ),
            )
        )
    specialties = [(serial, s) for s in dict.fromkeys(reviewer.get("specialties") or [])]
    return decision, items, specialties


def _batches(cases: Iterable[dict[str, Any]], size: int) -> Iterator[tuple[list, list, list]]:
    decisions: list[Any] = []
    items: list[Any] = []
    specialties: list[Any] = []
    for serial, case in enumerate(cases, 1):
        d, i, s = rows_of(serial, case)
        decisions.append(d)
        items += i
        specialties += s
        if len(decisions) >= size:
            yield decisions, items, specialties
            decisions, items, specialties = [], [], []
    if decisions:
        yield decisions, items, specialties


def _insert(cursor: Any, table: str, columns: tuple[str, ...], rows: list[Any]) -> None:
    if connection.vendor == "postgresql":
        with cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row([str(v) if isinstance(v, dt.date | dt.datetime) else v for v in row])
        return
    marks = ", ".join(["%s"] * len(columns))
    cursor.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)


def _sqlite_triggers(create: bool) -> list[str]:
    forward = [s for s in _MIGRATION.SQLITE_FORWARD if s.startswith("CREATE TRIGGER")]
    if create:
        prefix = "CREATE TRIGGER decisions_search_"
        names = [s[len(prefix) :].split()[0] for s in forward]
        # As the migrations left them: 0003's inserts deferrable, 0010's tags, 0016's item
        # update and 0020's texts parted at "_".
        return [
            _TEXTS.sqlite_trigger(name) if name in _TAGS.CHANGED else s
            for name, s in zip(names, forward, strict=True)
        ]
    drop = [s.split()[2] for s in forward] + _NUMBERS.TRIGGER_NAMES
    return [f"DROP TRIGGER IF EXISTS {name}" for name in drop]


def _pg_triggers(enable: bool) -> list[str]:
    verb = "ENABLE" if enable else "DISABLE"
    return [
        f"ALTER TABLE decisions_decision {verb} TRIGGER decisions_search_decision",
        f"ALTER TABLE decisions_decisionitem {verb} TRIGGER decisions_search_item",
        f"ALTER TABLE decisions_decisionspecialty {verb} TRIGGER decisions_search_specialty",
    ]


def empty(cursor: Any) -> None:
    if connection.vendor == "postgresql":
        cursor.execute(
            "TRUNCATE decisions_decisionspecialty, decisions_decisionitem, decisions_sourcefile, "
            "decisions_decision"
        )
        return
    for table in ("decisions_decisionspecialty", "decisions_decisionitem", "decisions_decision"):
        cursor.execute(f"DELETE FROM {table}")  # the delete trigger empties the index


def load(cases: Iterable[dict[str, Any]], *, batch: int = 20_000) -> int:
    """Fills the corpus tables from generated cases; returns the number of decisions."""
    vendor = connection.vendor
    count = 0
    with connection.cursor() as cursor:
        empty(cursor)
        toggles = _pg_triggers(False) if vendor == "postgresql" else _sqlite_triggers(False)
        for sql in toggles:
            cursor.execute(sql)
        for decisions, items, specialties in _batches(cases, batch):
            with transaction.atomic():
                _insert(cursor, "decisions_decision", DECISION_COLUMNS, decisions)
                _insert(cursor, "decisions_decisionitem", ITEM_COLUMNS, items)
                _insert(
                    cursor, "decisions_decisionspecialty", ("decision_id", "specialty"), specialties
                )
            count += len(decisions)
        _build_index(cursor, vendor)
    return count


def _build_index(cursor: Any, vendor: str) -> None:
    if vendor == "postgresql":
        table = _POSTINGS.TABLE
        cursor.execute(f"ALTER TABLE decisions_search DISABLE TRIGGER {table}_sync")
        cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT {table}_pkey")
        # Migration 0009's own statement (0004's, the texts split at slashes) with 0010's
        # specialty lexemes and 0014's folded texts, and 0006's.
        cursor.execute(_TEXTS.PG_INSERT)
        for prefix in ("INSERT", f"ALTER TABLE {table} ADD PRIMARY KEY"):
            cursor.execute(next(s for s in _POSTINGS.PG_FORWARD if s.startswith(prefix)))
        cursor.execute(f"ALTER TABLE decisions_search ENABLE TRIGGER {table}_sync")
        for sql in _pg_triggers(True):
            cursor.execute(sql)
        # VACUUM too: the visibility map lets the posting lists be read from the index alone.
        cursor.execute("VACUUM ANALYZE")
        return
    with transaction.atomic():
        cursor.execute("DELETE FROM decisions_search")
        # The migrations' own statement (0002's, with 0010's tags and 0020's texts).
        cursor.execute(_TEXTS.SQLITE_BUILD)
        cursor.execute(f"DELETE FROM {_NUMBERS.TABLE}")
        cursor.execute(_NUMBERS.FILL)
        for sql in [*_sqlite_triggers(True), *_NUMBERS.SQLITE_TRIGGERS]:
            cursor.execute(sql)
    cursor.execute("INSERT INTO decisions_search(decisions_search) VALUES ('optimize')")
    cursor.execute("ANALYZE")
