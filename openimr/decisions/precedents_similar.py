"""The precedent panel's "similar text" when an item's cohort is short
(openimr.decisions.precedents): published items of the item's category most like it by the
words of its treatment (domain/similar_items.py), then, failing those, the newest letters
with an item of the category naming the item's condition, each shown by that item. For
SQLite FTS5 and PostgreSQL; words reach the database only as parameters, and every read is
bounded (each word's newest letters, at most ``PER_WORD``)."""

from collections.abc import Collection, Sequence
from typing import Any

from openimr.decisions import precedents_match as match
from openimr.decisions import precedents_sql as sql
from openimr.decisions.domain.precedent_words import NOISE
from openimr.decisions.domain.similar_items import Candidate, asked_words, item_words, most_similar
from openimr.decisions.glued_sql import fts5_either, fts5_glued
from openimr.decisions.precedents_sql import Item

# The newest letters asked for each word: a word every letter of the category names
# ("therapy") fills its own share, not the rarer words' ("infrared").
PER_WORD = 20


def similar_items(
    cursor: Any,
    vendor: str,
    treatment: str,
    *,
    category: str,
    for_regions: Sequence[str],
    condition_words: Sequence[str],
    exclude: str,
    cohort: Collection[int],
    limit: int,
) -> list[Item]:
    """At most ``limit`` items, one a letter, most like ``treatment`` first; or the newest
    letters' items of ``category`` naming the condition when none shares a word with it.
    Never one of the letter of ``exclude`` (the case's own, when published), nor of the
    ``cohort``'s letters, listed before them."""
    words = item_words(treatment, category, NOISE)
    ids: list[int] = []
    for word in asked_words(words, category):
        ids += newest_with_item(cursor, vendor, [word], category, PER_WORD)
    ids = [n for n in _once(ids) if n not in cohort]
    rows = [row for row in sql.items_of(cursor, ids, category) if row[1] != exclude]
    candidates = [Candidate(row[0], row[3], row) for row in rows]
    found = most_similar(words, for_regions, candidates, category=category, drop=NOISE)
    if found or not condition_words:
        return [c.row for c in found[:limit]]  # type: ignore[misc]
    nearby = newest_with_item(cursor, vendor, condition_words, category, limit, items=False)
    nearby = [n for n in nearby if n not in cohort]
    return [row for row in sql.first_items(cursor, nearby, category) if row[1] != exclude]


def _once(ids: Sequence[int]) -> list[int]:
    """``ids`` newest (highest) first, once each."""
    return sorted(set(ids), reverse=True)


def newest_with_item(
    cursor: Any,
    vendor: str,
    words: Sequence[str],
    category: str,
    limit: int,
    *,
    items: bool = True,
) -> list[int]:
    """Ids of the ``limit`` newest letters holding an item in ``category`` (its filter tag)
    and naming one of ``words`` (alone or run into a number, "norco10"): in their items'
    text, or anywhere with ``items=False``. None when the category has no tag."""
    tag = match.category_tag(category)
    if not tag or not words:
        return []
    if vendor == "postgresql":
        text = match.pg_key(cursor, (), words)
        if not text:
            return []
        where = match.ITEMS if items else "document"
        cursor.execute(
            f"SELECT decision_id FROM decisions_search WHERE {where} @@ "
            "to_tsquery('english', %s) AND document @@ %s::tsquery "
            "ORDER BY decision_id DESC LIMIT %s",
            [text, f"'{tag}'", limit],
        )
    else:
        glued = fts5_glued(cursor, words)
        named = " OR ".join(fts5_either(w, glued.get(w, ())) for w in words)
        column = "{items}" if items else "{summary items}"
        cursor.execute(
            "SELECT rowid FROM decisions_search WHERE decisions_search MATCH %s "
            "ORDER BY rowid DESC LIMIT %s",
            [f"{column} : ({named}) AND {match.fts5_tag(tag)}", limit],
        )
    return [row[0] for row in cursor.fetchall()]
