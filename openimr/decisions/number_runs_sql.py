"""SQLite's table of each decision's numbers (migration 0019): the SQL function that reads
them (`domain.number_runs.runs` of the summary and the items' text, the text the full-text
index holds) and the statement that writes a batch's rows. The function is registered on
every SQLite connection Django opens (`apps.DecisionsConfig`), since the table's triggers
call it: a connection without it (the sqlite3 shell) cannot write a decision's text."""

import importlib
import json
from collections.abc import Sequence
from typing import Any

from openimr.decisions.domain.number_phrases import in_doubt, writes
from openimr.decisions.domain.number_runs import runs, writes_a_decimal

FUNCTION = "decisions_number_runs"
# The search's check of a phrase holding a number (`domain.number_phrases`): its pattern,
# then a text of the letter as the index holds it (its items, or its summary).
PHRASE_FUNCTION = "decisions_writes_phrase"
# ... asked only when the letter's numbers leave the phrase's number in doubt.
DOUBT_FUNCTION = "decisions_number_in_doubt"
TABLE = "decisions_search_numbers"
_INDEX = importlib.import_module("openimr.decisions.migrations.0002_search_index")
# The text FTS5 indexes (migration 0002): the summary, and each item's treatment and
# rationale.
ITEMS = _INDEX.SQLITE_ITEMS


def _runs(summary: str | None, items: str | None) -> str | None:
    """The letter's numbers, or None (no row) when it writes no decimal: FTS5's runs of
    digits are then its whole numbers (a fiftieth of the generated letters have a row)."""
    texts = (summary or "", items or "")
    return runs(*texts) if any(map(writes_a_decimal, texts)) else None


def register(dbapi_connection: Any) -> None:
    """Make `FUNCTION`, `PHRASE_FUNCTION` and `DOUBT_FUNCTION` known to this sqlite3
    connection (deterministic: same text, same answer)."""
    dbapi_connection.create_function(FUNCTION, 2, _runs, deterministic=True)
    dbapi_connection.create_function(PHRASE_FUNCTION, 2, writes, deterministic=True)
    dbapi_connection.create_function(DOUBT_FUNCTION, 2, in_doubt, deterministic=True)


def on_connection(sender: Any, connection: Any, **kwargs: Any) -> None:
    """`connection_created`: SQLite connections get the function."""
    if connection.vendor == "sqlite":
        register(connection.connection)


def _select(where: str) -> str:
    # Not flattened (LIMIT -1 OFFSET 0): the function would be called again in the WHERE.
    return (
        f"SELECT id, runs FROM (SELECT x.id AS id, "
        f"{FUNCTION}(x.clinical_summary, {ITEMS.format(ref='x.id')}) AS runs "
        f"FROM decisions_decision x{where} LIMIT -1 OFFSET 0) WHERE runs IS NOT NULL"
    )


def row_of(ref: str) -> str:
    """SQL rewriting the row of decision ``ref`` (an SQL expression): none without a decimal."""
    return (
        f"DELETE FROM {TABLE} WHERE decision_id = {ref}; "
        f"INSERT INTO {TABLE}(decision_id, runs) {_select(f' WHERE x.id = {ref}')}"
    )


def rows_of(clause: str) -> str:
    """SQL writing the rows of the decisions whose id matches ``clause`` (``IN (...)``), or of
    every decision for an empty clause."""
    where = f" WHERE x.id {clause}" if clause else ""
    return f"INSERT OR REPLACE INTO {TABLE}(decision_id, runs) {_select(where)}"


def index_rows(ids: Sequence[int]) -> tuple[str, list[Any]]:
    """The store's statement for a batch (`search.index_decisions`), beside FTS5's."""
    return rows_of("IN (SELECT value FROM json_each(%s))"), [json.dumps(list(ids))]
