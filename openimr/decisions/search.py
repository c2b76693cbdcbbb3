"""Search of the public corpus: full text over the summaries, treatments and rationales with
highlighted snippets, filters, facet counts over the result set, and paging. One module for
both databases: SQLite's FTS5 (bm25) and PostgreSQL's tsvector with a GIN index, both built
and kept in step by migrations 0002_search_index and 0003 (the store indexes its batches
itself, once per decision: `index_deferred`, `index_decisions`).

Any text is a safe query: it is cut into words here and every word goes to the database as a
quoted phrase (FTS5) or through phraseto_tsquery (PostgreSQL), always as a parameter, so no
query syntax a visitor types (quotes, NEAR, *, parentheses) reaches the query parser.
"""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import connection

from openimr.decisions import number_runs_sql
from openimr.decisions import search_index as walks
from openimr.decisions import search_sql as sql
from openimr.decisions.search_facets import facet_counts
from openimr.decisions.search_match import with_glued
from openimr.decisions.search_terms import Filters, SearchQuery, words

# The total is counted up to this number; beyond it the page says "more than".
COUNT_CAP = sql.WINDOW
# Facets are counted over at most this many matches, the most recently added: over a
# million letters, tallying two thousand took 20-70 ms, one thousand about half. The page
# says when the counts cover only part of the matches.
FACET_CAP = 1_000


@dataclass(frozen=True)
class Hit:
    case_number: str
    decision_date: Any
    priority: str
    snippet_html: str
    items: tuple[tuple[str, str], ...]
    specialties: tuple[str, ...]


@dataclass(frozen=True)
class FacetValue:
    value: str
    count: int


@dataclass(frozen=True)
class Results:
    query: SearchQuery
    total: int
    total_capped: bool
    hits: tuple[Hit, ...]
    facets: dict[str, tuple[FacetValue, ...]] = field(default_factory=dict)
    facets_capped: bool = False
    # Ordered by relevance (its first RANK_WINDOW at most), not newest decision first.
    ranked: bool = False

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.query.per_page))


def index_deferred() -> None:
    """Until `index_decisions`, in the caller's transaction, the index triggers leave the
    decisions, items and specialties inserted to it: each decision is then tokenized once,
    not once more per item and specialty. No other transaction sees the deferral."""
    with connection.cursor() as cursor:
        cursor.execute(sql.INDEX_DEFER)


def index_decisions(decision_ids: Sequence[int]) -> None:
    """End the deferral and index these decisions (written in full: the decision, its items
    and specialties) with one statement."""
    with connection.cursor() as cursor:
        cursor.execute(sql.INDEX_RESUME)
        if decision_ids:
            cursor.execute(*sql.index_rows(connection.vendor, decision_ids))
            if connection.vendor == "sqlite":  # each letter's numbers (migration 0016)
                cursor.execute(*number_runs_sql.index_rows(decision_ids))


def search(query: SearchQuery, *, facets: bool = True) -> Results:
    """The page of decisions matching ``query``, best first (newest first without words),
    with facet counts over the FACET_CAP most recently added matches. A query naming a case
    number has no words: its one decision is read by number, the filters still applied (a
    number with ``outcome=upheld`` finds an overturned letter no more than words would)."""
    vendor = connection.vendor
    with connection.cursor() as cursor:
        query = with_glued(cursor, vendor, query)
        if query.case_number is None and sql.uses_index(vendor, query):
            return _search_index(cursor, vendor, query, facets=facets)
        counted: dict[str, tuple[FacetValue, ...]] = {}
        facets_capped = False
        if facets:
            rows = sql.recent_matches(cursor, vendor, query, FACET_CAP + 1)
            facets_capped = len(rows) > FACET_CAP
            counted = _facets(cursor, vendor, rows[:FACET_CAP], query.filters)
        if facets and not facets_capped:
            total, capped = len(rows), False
        else:
            total, capped = _count(cursor, vendor, query)
        hits = tuple(_hits(cursor, vendor, query, _page_rows(cursor, vendor, query)))
    return Results(query, total, capped, hits, counted, facets_capped)


def _search_index(cursor: Any, vendor: str, query: SearchQuery, *, facets: bool) -> Results:
    """With words or filters: every filter is a term in the full-text index (FTS5's tokens,
    PostgreSQL's lexemes), so one walk of the index gives the count, the facets' matches
    and the window ranked for the page."""
    sqlite = vendor == "sqlite"
    matches = walks.sqlite_matches if sqlite else walks.pg_matches
    ids = matches(cursor, query, COUNT_CAP + 1)
    counted: dict[str, tuple[FacetValue, ...]] = {}
    if facets:
        rows = sql.years_and_priorities(cursor, vendor, ids[:FACET_CAP])
        counted = _facets(cursor, vendor, rows, query.filters)
    offset = (query.page - 1) * query.per_page
    end = offset + query.per_page
    # More than COUNT_CAP matches: words that common rank nothing; bm25 would first count
    # every letter holding each of them. Newest first instead, as without words.
    by_relevance = bool(query.words) and len(ids) <= COUNT_CAP
    rankable = None
    if by_relevance and sqlite and ids:
        # Every word too common for bm25 to weigh: newest first, and the page says so.
        rankable = walks.rankable_words(cursor, query.words, dict(query.glued))
        by_relevance = bool(rankable)
    if by_relevance:
        if sqlite:
            ranked = walks.sqlite_ranked(cursor, query, ids[: sql.RANK_WINDOW], rankable=rankable)
        else:
            ranked = walks.pg_ranked(cursor, query, ids[: sql.RANK_WINDOW])
        if end > len(ranked) and len(ids) > len(ranked):
            # Past the ranked window, the other counted matches, newest decision first.
            ranked += walks.by_date(cursor, vendor, ids[len(ranked) : COUNT_CAP])
        shown = ranked[offset:end]
    else:
        window = ids[:COUNT_CAP]
        shown = walks.newest(cursor, vendor, window, end, year=query.filters.year)[offset:]
    rows = sql.rows_by_id(cursor, shown)
    hits = tuple(_hits(cursor, vendor, query, rows))
    total, capped = min(len(ids), COUNT_CAP), len(ids) > COUNT_CAP
    return Results(
        query, total, capped, hits, counted, facets and len(ids) > FACET_CAP, ranked=by_relevance
    )


def matching_ids(query: SearchQuery, *, chunk: int = 2000) -> Iterator[list[int]]:
    """Every matching decision id, in id order, a chunk at a time (exports)."""
    with connection.cursor() as cursor:
        query = with_glued(cursor, connection.vendor, query)
    where, params = sql.from_where(connection.vendor, query)
    last = 0
    while True:
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT d.id {where} AND d.id > %s ORDER BY d.id LIMIT %s",
                [*params, last, chunk],
            )
            ids = [row[0] for row in cursor.fetchall()]
        if not ids:
            return
        yield ids
        last = ids[-1]


def _page_rows(cursor: Any, vendor: str, query: SearchQuery) -> list[Any]:
    offset = (query.page - 1) * query.per_page
    page_sql, page_params = sql.page(vendor, query)
    cursor.execute(page_sql, [*page_params, query.per_page, offset])
    return list(cursor.fetchall())


def _count(cursor: Any, vendor: str, query: SearchQuery) -> tuple[int, bool]:
    cursor.execute(*sql.count_sql(vendor, query, COUNT_CAP + 1))
    total = int(cursor.fetchone()[0])
    return min(total, COUNT_CAP), total > COUNT_CAP


def _hits(cursor: Any, vendor: str, query: SearchQuery, rows: Sequence[Any]) -> Iterator[Hit]:
    ids = [row[0] for row in rows]
    snippets = sql.snippets(cursor, vendor, query, ids)
    items = sql.grouped(
        cursor,
        "SELECT decision_id, treatment, outcome FROM decisions_decisionitem "
        "WHERE decision_id IN ({ids}) ORDER BY decision_id, position",
        ids,
    )
    specialties = sql.grouped(
        cursor,
        "SELECT decision_id, specialty FROM decisions_decisionspecialty "
        "WHERE decision_id IN ({ids}) ORDER BY decision_id, specialty",
        ids,
    )
    for row_id, case_number, decided, priority in rows:
        yield Hit(
            case_number=case_number,
            decision_date=decided,
            priority=priority,
            snippet_html=sql.snippet_html(snippets.get(row_id, ""), highlighted=bool(query.words)),
            items=tuple((t, o) for t, o in items.get(row_id, ())),
            specialties=tuple(s for (s,) in specialties.get(row_id, ())),
        )


def _facets(
    cursor: Any, vendor: str, rows: list[Any], filters: Filters
) -> dict[str, tuple[FacetValue, ...]]:
    if not rows:
        return {}
    counts = facet_counts(cursor, vendor, rows, filters)
    return {name: tuple(FacetValue(str(v), n) for v, n in pairs) for name, pairs in counts.items()}


__all__ = [
    "COUNT_CAP",
    "FACET_CAP",
    "FacetValue",
    "Filters",
    "Hit",
    "Results",
    "SearchQuery",
    "matching_ids",
    "search",
    "words",
]


def common_words_only(text: str) -> bool:
    """Whether every word of ``text`` is a word PostgreSQL's English configuration leaves out
    of the index ("the", "of", "not"): such a search finds nothing there, and the page says
    why instead of showing an empty list. SQLite's index keeps them, so it is never so."""
    if connection.vendor != "postgresql" or not words(text):
        return False
    phrase = " ".join(" ".join(w) for w in words(text))
    with connection.cursor() as cursor:
        cursor.execute("SELECT numnode(plainto_tsquery('english', %s)) = 0", [phrase])
        return bool(cursor.fetchone()[0])


def left_out_by_the_index(typed: Sequence[str]) -> frozenset[str]:
    """Which of these words PostgreSQL's English configuration leaves out of the index
    ("not", "only"): a search holding one finds letters without it. SQLite's index keeps
    every word."""
    if connection.vendor != "postgresql" or not typed:
        return frozenset()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT w FROM unnest(%s::text[]) AS w "
            "WHERE numnode(plainto_tsquery('english', w)) = 0",
            [list(typed)],
        )
        return frozenset(row[0] for row in cursor.fetchall())
