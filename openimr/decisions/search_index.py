"""The walks of the full-text index behind `openimr.decisions.search`: the newest matches
(up to the counted number) and their order for the page, one pair per vendor. They leave
out work whose result nobody sees: on SQLite the long doclist of a filter most letters
hold (its complement's is walked), the slower direction, and bm25's pass over a word found
in most letters; on PostgreSQL the rows outside the newest ids."""

import importlib
import re
from collections.abc import Sequence
from typing import Any

from openimr.decisions.search_sql import (
    DECISION_COLUMNS_INDEX,
    fts5_match,
    fts5_query,
    ids_in,
    pg_query,
)
from openimr.decisions.search_terms import SearchQuery, filter_tags, pg_filter_tags

_TAGS = importlib.import_module("openimr.decisions.migrations.0004_search_tags_everywhere")
# A filter tag held by more than this share of the newest letters is asked as the absence
# of its complement (migration 0004): "NOT no_it_oupheld" walks the letters without an
# upheld item, a tenth of the corpus, where "it_oupheld" walked nine tenths.
COMPLEMENT_SHARE = 0.5

_LEXEME = re.compile(r"[a-z0-9_]+")


def pg_tsquery(query: SearchQuery) -> tuple[str, list[Any]]:
    """The words (through plainto_tsquery) and the filters' lexemes (quoted into a tsquery:
    `pg_filter_tags` gives only letters, digits and "_"), all required."""
    parts, params = [], []
    if query.words:
        parts.append("plainto_tsquery('english', %s)")
        params.append(pg_query(query.words))
    tags = [t for t in pg_filter_tags(query.filters) if _LEXEME.fullmatch(t)]
    if tags:
        parts.append("%s::tsquery")
        params.append(" & ".join(f"'{t}'" for t in tags))
    return " && ".join(parts) or "''::tsquery", params


# PostgreSQL reads the newest matches in widening ranges of ids: within the newest 20,000
# letters first, then 8 times as many, and so on. A common word's GIN entry still gives
# all its rows, but only those in the range are read from the table and sorted.
PG_FIRST_RANGE = 20_000


def pg_matches(cursor: Any, query: SearchQuery, limit: int) -> list[int]:
    """Up to ``limit`` ids matching words and filters, newest first (see `sqlite_matches`).
    The planner, taking ``@@`` for cheap, often walks the id index newest first and tests
    each row's tsvector, reading the documents it passes (0.4-0.6 s for a year over
    200,000 letters); told to use the GIN index and the id range as bitmaps it did better
    on those and worse on common words (p50 82 ms became 244 ms), so it chooses."""
    expression, params = pg_tsquery(query)
    cursor.execute("SELECT max(decision_id) FROM decisions_search")
    newest = cursor.fetchone()[0] or 0
    span = PG_FIRST_RANGE
    while True:
        low = newest - span if span < newest else 0
        cursor.execute(
            f"SELECT decision_id FROM decisions_search WHERE document @@ ({expression}) "
            "AND decision_id > %s ORDER BY decision_id DESC LIMIT %s",
            [*params, low, limit],
        )
        ids = [row[0] for row in cursor.fetchall()]
        if len(ids) >= limit or low == 0:
            return ids
        span *= 8


def pg_ranked(
    cursor: Any, query: SearchQuery, window: Sequence[int], *, by_relevance: bool = True
) -> list[int]:
    """The window ordered by ts_rank over the words alone, or by decision date."""
    if not window:
        return []
    if not query.words or not by_relevance:
        return by_date(cursor, "postgresql", window)
    cursor.execute(
        "SELECT decision_id, ts_rank(document, plainto_tsquery('english', %s)) "
        "FROM decisions_search WHERE decision_id = ANY(%s)",
        [pg_query(query.words), list(window)],
    )
    scores = dict(cursor.fetchall())
    return sorted(window, key=lambda i: (-scores.get(i, 0.0), -i))


def by_date(cursor: Any, vendor: str, ids: Sequence[int]) -> list[int]:
    """``ids`` newest decision first, read from the index of the decisions' columns."""
    clause, param = ids_in(vendor, ids)
    hint = f" INDEXED BY {DECISION_COLUMNS_INDEX}" if vendor == "sqlite" else ""
    cursor.execute(
        f"SELECT id FROM decisions_decision{hint} WHERE id {clause} "
        "ORDER BY decision_date DESC, id DESC",
        [param],
    )
    return [row[0] for row in cursor.fetchall()]


# Rows bm25 scores at most for one page (the newest of the window first); bm25 costs a few
# microseconds a row, after one pass counting each word's letters.
SCORE_CAP = 4_000
# A word found in more than this share of the letters is not ranked by: bm25 first counts
# every letter holding it, a pass over a quarter or more of the index (10-40 ms over a
# million, 120 ms for "therapy"), for a weight (idf) under a quarter of a rare word's, and
# none at all past a half (FTS5 floors it at 1e-6). The share is sampled in the newest
# SAMPLE letters, a short walk of each word's doclist.
COMMON_SHARE = 0.25
# ... and in more than this many letters: below it the pass is cheap, and in a small
# corpus every word ranks.
COMMON_LETTERS = 100_000
SAMPLE = 2_000


def sqlite_matches(cursor: Any, query: SearchQuery, limit: int) -> list[int]:
    """Up to ``limit`` ids matching words and filters, newest first: one walk of the index
    serves the count, the facets and the page's window. FTS5 walks its doclists oldest
    first about 1.6 times faster than newest first, which matters when the matches are few
    and every doclist is walked to its end; when they are many, newest first stops early.
    Which one is told by the matches among the newest SAMPLE letters: an oldest-first walk
    that reaches ``limit`` after all is followed by a newest-first one. (Checking a filter
    held by most letters, such as an upheld item, on the covering indexes of the letters
    the rest matched, instead of walking its doclist, was twice as slow.)"""
    newest, sampled = sample(cursor)
    match = _fts5_match(cursor, query, newest, sampled)
    cursor.execute(
        "SELECT count(*) FROM decisions_search WHERE decisions_search MATCH %s AND rowid > %s",
        [match, newest - SAMPLE],
    )
    expected = int(cursor.fetchone()[0]) * newest / max(sampled, 1)
    if expected < limit / 2:
        cursor.execute(
            "SELECT rowid FROM decisions_search WHERE decisions_search MATCH %s "
            "ORDER BY rowid LIMIT %s",
            [match, limit],
        )
        ids = [row[0] for row in cursor.fetchall()]
        if len(ids) < limit:
            ids.reverse()
            return ids
    cursor.execute(
        "SELECT rowid FROM decisions_search WHERE decisions_search MATCH %s "
        "ORDER BY rowid DESC LIMIT %s",
        [match, limit],
    )
    return [row[0] for row in cursor.fetchall()]


def _fts5_match(cursor: Any, query: SearchQuery, newest: int, sampled: int) -> str:
    """The FTS5 query, with each filter tag most letters hold asked as NOT its complement
    (when something else is asked positively: FTS5 has no query of NOT alone)."""
    tags = filter_tags(query.filters)
    shares = {
        tag: _share(cursor, '"' + tag + '"', newest, sampled)
        for tag in tags
        if tag in _TAGS.COMPLEMENTED
    }
    flipped = [t for t in tags if shares.get(t, 0.0) > COMPLEMENT_SHARE]
    if flipped and not query.words and len(flipped) == len(tags):
        flipped.remove(min(flipped, key=lambda t: shares[t]))
    if not flipped:
        return fts5_match(query)
    positive = fts5_match(query, tags=[t for t in tags if t not in flipped])
    return f"({positive}) NOT tags : (" + " OR ".join(f'"no_{t}"' for t in flipped) + ")"


def _share(cursor: Any, match: str, newest: int, sampled: int) -> float:
    """The share of the newest SAMPLE letters matching ``match``."""
    cursor.execute(
        "SELECT count(*) FROM decisions_search WHERE decisions_search MATCH %s AND rowid > %s",
        [match, newest - SAMPLE],
    )
    return int(cursor.fetchone()[0]) / max(sampled, 1)


def sample(cursor: Any) -> tuple[int, int]:
    """The newest decision id, and how many decisions the newest SAMPLE ids hold."""
    cursor.execute("SELECT max(id) FROM decisions_decision")
    newest = cursor.fetchone()[0] or 0
    cursor.execute("SELECT count(*) FROM decisions_decision WHERE id > %s", [newest - SAMPLE])
    return newest, int(cursor.fetchone()[0])


def rankable_words(cursor: Any, words: Sequence[Sequence[str]]) -> list[Sequence[str]]:
    """The words worth ranking by: all but those in more than COMMON_SHARE of the newest
    SAMPLE letters and, so estimated, in more than COMMON_LETTERS letters."""
    newest, sampled = sample(cursor)
    kept = []
    for word in words:
        cursor.execute(
            "SELECT count(*) FROM decisions_search WHERE decisions_search MATCH %s AND rowid > %s",
            [fts5_query([word]), newest - SAMPLE],
        )
        share = int(cursor.fetchone()[0]) / max(sampled, 1)
        if share <= COMMON_SHARE or share * newest <= COMMON_LETTERS:
            kept.append(word)
    return kept


def sqlite_ranked(
    cursor: Any, query: SearchQuery, window: Sequence[int], *, by_relevance: bool = True
) -> list[int]:
    """The window ordered by bm25 over the words alone (or, without words, by decision
    date). Scoring in the statement that matches the filters' tags made FTS5 count every
    letter holding each tag (bm25's document frequencies): a tag found in most letters cost
    more than the rest of the search. The words are matched in any column here (the window
    already holds only letters with them in the text; the tags column weighs nothing):
    bm25's count of a word's letters is then a plain doclist pass, half the cost of one
    checking columns. Words in many letters, which bm25 weighs at little or nothing, are
    left out (`rankable_words`); when every word is that common, by decision date."""
    if not window:
        return []
    words = rankable_words(cursor, query.words) if query.words and by_relevance else []
    if not words:
        return by_date(cursor, "sqlite", window)
    cursor.execute(
        "SELECT rowid, bm25(decisions_search, 1.0, 1.0, 0.0) FROM decisions_search "
        "WHERE decisions_search MATCH %s AND rowid BETWEEN %s AND %s "
        f"ORDER BY rowid DESC LIMIT {SCORE_CAP}",
        [fts5_query(words), window[-1], window[0]],
    )
    scores = dict(cursor.fetchall())
    unscored = max(scores.values(), default=0.0) + 1.0  # bm25: lower is better
    return sorted(window, key=lambda i: (scores.get(i, unscored), -i))
