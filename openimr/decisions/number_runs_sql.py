"""SQLite's table of each decision's numbers (migration 0016): the SQL function that reads
them (`domain.number_runs.runs` of the summary and the items' text, the text the full-text
index holds) and the statement that writes a batch's rows. The function is registered on
every SQLite connection Django opens (`apps.DecisionsConfig`), since the table's triggers
call it: a connection without it (the sqlite3 shell) cannot write a decision's text."""

import importlib
import json
from collections.abc import Sequence
from typing import Any

from openimr.decisions.domain.number_runs import runs

FUNCTION = "decisions_number_runs"
TABLE = "decisions_search_numbers"
# The rows of the letters writing a decimal (`domain.number_runs.DECIMALS` first), indexed
# apart: the same expression in a query lets SQLite read that small index.
DECIMALS = "substr(runs, 1, 3) = ' . '"
DECIMALS_INDEX = "decisions_search_numbers_decimals"
_INDEX = importlib.import_module("openimr.decisions.migrations.0002_search_index")
# The text FTS5 indexes (migration 0002): the summary, and each item's treatment and
# rationale.
ITEMS = _INDEX.SQLITE_ITEMS


def _runs(summary: str | None, items: str | None) -> str:
    return runs(summary or "", items or "")


def register(dbapi_connection: Any) -> None:
    """Make `FUNCTION` known to this sqlite3 connection (deterministic: same text, same runs)."""
    dbapi_connection.create_function(FUNCTION, 2, _runs, deterministic=True)


def on_connection(sender: Any, connection: Any, **kwargs: Any) -> None:
    """`connection_created`: SQLite connections get the function."""
    if connection.vendor == "sqlite":
        register(connection.connection)


def row_of(ref: str) -> str:
    """SQL writing (or rewriting) the row of decision ``ref`` (an SQL expression)."""
    return (
        f"INSERT OR REPLACE INTO {TABLE}(decision_id, runs) SELECT x.id, "
        f"{FUNCTION}(x.clinical_summary, {ITEMS.format(ref='x.id')}) "
        f"FROM decisions_decision x WHERE x.id = {ref}"
    )


def rows_of(clause: str) -> str:
    """SQL writing the rows of the decisions whose id matches ``clause`` (``IN (...)``), or of
    every decision for an empty clause."""
    where = f" WHERE x.id {clause}" if clause else ""
    return (
        f"INSERT OR REPLACE INTO {TABLE}(decision_id, runs) SELECT x.id, "
        f"{FUNCTION}(x.clinical_summary, {ITEMS.format(ref='x.id')}) "
        f"FROM decisions_decision x{where}"
    )


def index_rows(ids: Sequence[int]) -> tuple[str, list[Any]]:
    """The store's statement for a batch (`search.index_decisions`), beside FTS5's."""
    return rows_of("IN (SELECT value FROM json_each(%s))"), [json.dumps(list(ids))]
