"""The SQL behind `precedents`, for SQLite FTS5 and PostgreSQL. Words reach the database
only as parameters: quoted FTS5 phrases built from letters alone, or plainto_tsquery text.
Every read is bounded by a window of the newest matching letters: over a million letters,
counting or ranking every letter that names "physical therapy" took tens of seconds."""

import json
from collections.abc import Sequence
from typing import Any

Item = tuple[int, str, Any, str, str]  # decision id, case number, date, treatment, outcome


def _phrases(words: Sequence[str], joiner: str) -> str:
    return "{summary items} : (" + joiner.join(f'"{w}"' for w in words) + ")"


def _pg(words: Sequence[str], joiner: str) -> tuple[str, list[Any]]:
    return "(" + joiner.join(["plainto_tsquery('english', %s)"] * len(words)) + ")", list(words)


def newest_naming(cursor: Any, vendor: str, words: Sequence[str], limit: int) -> list[int]:
    """Ids of the ``limit`` newest letters naming every one of ``words``."""
    if vendor == "postgresql":
        query, params = _pg(words, " && ")
        cursor.execute(
            f"SELECT decision_id FROM decisions_search WHERE document @@ {query} "
            "ORDER BY decision_id DESC LIMIT %s",
            [*params, limit],
        )
    else:
        cursor.execute(
            "SELECT rowid FROM decisions_search WHERE decisions_search MATCH %s "
            "ORDER BY rowid DESC LIMIT %s",
            [_phrases(words, " "), limit],
        )
    return [row[0] for row in cursor.fetchall()]


def naming_any(cursor: Any, vendor: str, words: Sequence[str], ids: Sequence[int]) -> set[int]:
    """Those of ``ids`` whose letter names at least one of ``words``."""
    if not ids or not words:
        return set()
    if vendor == "postgresql":
        query, params = _pg(words, " || ")
        cursor.execute(
            "SELECT decision_id FROM decisions_search "
            f"WHERE decision_id = ANY(%s) AND document @@ {query}",
            [list(ids), *params],
        )
    else:
        cursor.execute(
            "SELECT rowid FROM decisions_search WHERE decisions_search MATCH %s "
            "AND rowid BETWEEN %s AND %s",
            [_phrases(words, " OR "), min(ids), max(ids)],
        )
    return {row[0] for row in cursor.fetchall()} & set(ids)


def cohort_items(
    cursor: Any, vendor: str, ids: Sequence[int], category: str, key: Sequence[str]
) -> list[Item]:
    """Decided items of ``ids`` in ``category`` whose treatment holds every key word,
    newest letter first."""
    if not ids:
        return []
    contains = (
        "strpos(lower(i.treatment), %s) > 0"
        if vendor == "postgresql"
        else ("instr(lower(i.treatment), %s) > 0")
    )
    among = "= ANY(%s)" if vendor == "postgresql" else "IN (SELECT value FROM json_each(%s))"
    param = list(ids) if vendor == "postgresql" else json.dumps(list(ids))
    cursor.execute(
        "SELECT d.id, d.case_number, d.decision_date, i.treatment, i.outcome "
        "FROM decisions_decisionitem i JOIN decisions_decision d ON d.id = i.decision_id "
        f"WHERE i.decision_id {among} AND i.category = %s AND i.outcome <> '' AND "
        + " AND ".join([contains] * len(key))
        + " ORDER BY d.id DESC, i.position",
        [param, category, *key],
    )
    return [tuple(row) for row in cursor.fetchall()]


def first_items(cursor: Any, ids: Sequence[int]) -> list[Item]:
    """Each letter's first item, in the order of ``ids``."""
    if not ids:
        return []
    marks = ", ".join(["%s"] * len(ids))
    cursor.execute(
        "SELECT d.id, d.case_number, d.decision_date, i.treatment, i.outcome "
        "FROM decisions_decision d JOIN decisions_decisionitem i ON i.decision_id = d.id "
        f"WHERE d.id IN ({marks}) ORDER BY i.position",
        list(ids),
    )
    found: dict[int, Item] = {}
    for row in cursor.fetchall():
        found.setdefault(row[0], tuple(row))
    return [found[i] for i in ids if i in found]
