"""The walks of the full-text index behind `openimr.decisions.search`: the newest matches
(up to the counted number) and their order for the page, one pair per vendor. They leave
out work whose result nobody sees: on SQLite the long doclist of a filter most letters
hold (its complement's is walked), the slower direction, and bm25's pass over a word found
in most letters; on PostgreSQL the rows outside the newest ids, and for filters alone every row."""

import datetime as dt
import importlib
import re
from collections.abc import Mapping, Sequence
from typing import Any

from openimr.decisions.search_left_out import sqlite_checks
from openimr.decisions.search_match import (
    fts5_match,
    fts5_query,
    pg_excluded_phrases,
    pg_phrases,
    pg_tsquery,
    pg_words,
)
from openimr.decisions.search_sql import DECISION_COLUMNS_INDEX, ids_in
from openimr.decisions.search_tags import filter_tags, pg_filter_tags
from openimr.decisions.search_terms import SearchQuery

_TAGS = importlib.import_module("openimr.decisions.migrations.0004_search_tags_everywhere")
# A filter tag held by more than this share of the newest letters is asked as the absence
# of its complement (migration 0004): "NOT no_it_oupheld" walks the letters without an
# upheld item, a tenth of the corpus, where "it_oupheld" walked nine tenths.
COMPLEMENT_SHARE = 0.5

_LEXEME = re.compile(r"[a-z0-9_]+")


# PostgreSQL reads the newest matches of words in widening ranges of ids: within the newest
# 20,000 letters first (or the range the words' estimated share says holds enough), then
# the range the matches found say holds enough (at least twice as wide; 8 times when none
# were found), and so on. A common word's GIN entry still gives all its rows, but only
# those in the range are read from the table and sorted.
PG_FIRST_RANGE = 20_000
# Migration 0006: each filter lexeme's posting list, a B-tree of (hash of the lexeme, id).
POSTINGS = "decisions_search_posting"


# A query whose lexemes are estimated in more than this share of the letters is read by
# walking the ids newest first, testing each document: 10,000 matches are found within
# 10,000 / share letters. Rarer ones are read through the GIN index and the id range as
# bitmaps, fetching only the matching rows of the range (a word in a tenth of 200,000
# letters: 0.13 s instead of 0.77).
PG_DENSE_SHARE = 0.5


def pg_matches(cursor: Any, query: SearchQuery, limit: int) -> list[int]:
    """Up to ``limit`` ids matching words and filters, newest first (see `sqlite_matches`).
    Filters alone are read from their posting lists, the newest end of each B-tree range,
    merged by id: no table row is read. With words, one ``@@`` over the documents holds
    the words and the filters' lexemes, so the GIN index intersects them before any row is
    read (probing the posting lists for each row the words matched read three times as
    many rows). The planner takes ``@@`` for cheap and walks the ids newest first testing
    each document whatever the words; it is told which way by the lexemes' shares in the
    table's statistics (`pg_share`)."""
    if not query.words and not query.excluded:
        return _pg_filtered(cursor, query, limit)
    expression, params = pg_tsquery(query)
    share = pg_share(cursor, query)
    if share > PG_DENSE_SHARE:
        # ts_match_vq is @@ in a form no index serves: the walk newest first.
        statement = (
            f"SELECT decision_id FROM decisions_search WHERE ts_match_vq(document, {expression}) "
            "AND decision_id > %s ORDER BY decision_id DESC LIMIT %s"
        )
    else:
        # The GIN index and the id range as bitmaps (migration 0006).
        statement = f"SELECT decisions_search_newest({expression}, %s, %s)"
    cursor.execute("SELECT max(decision_id) FROM decisions_search")
    newest = cursor.fetchone()[0] or 0
    # The first range is the one expected to hold ``limit`` matches, and a quarter more.
    span = max(PG_FIRST_RANGE, int(1.25 * limit / share) if share else 0)
    while True:
        low = newest - span if span < newest else 0
        cursor.execute(statement, [*params, low, limit])
        ids = [row[0] for row in cursor.fetchall()]
        if len(ids) >= limit or low == 0:
            return ids
        # The range read tells the share better than the statistics (words go together:
        # "left knee" is in twice the letters the product of their shares says).
        found = len(ids) / span
        span = max(span * 2, int(1.25 * limit / found)) if ids else span * 8


def pg_share(cursor: Any, query: SearchQuery) -> float:
    """The estimated share of the letters matching the words and filters: the product of
    their lexemes' shares among the most common ones ANALYZE sampled (a lexeme not among
    them is rarer than all of those: 0; no lexeme at all: 0), and of the shares without
    each word left out ("-therapy" keeps a fifth of the letters: taken for all of them,
    the walk newest first read 86,000 of 100,000 letters for 10,000 matches, 0.96 s, where
    the GIN index's bitmaps take 0.19 s)."""
    tags = [t for t in pg_filter_tags(query.filters) if _LEXEME.fullmatch(t)]
    searched = _pg_shares(cursor, " ".join(pg_phrases(query)), tags)
    if not searched:
        # Only words the parser drops ("the"): the GIN index answers "nothing" at once,
        # where a walk would test every document.
        return 0.0
    share = 1.0
    for found in searched:
        share *= found
    for found in _pg_shares(cursor, " ".join(pg_excluded_phrases(query)), []):
        share *= 1.0 - found
    return share


def _pg_shares(cursor: Any, text: str, tags: list[str]) -> list[float]:
    """The share of the letters holding each lexeme of ``text`` and each of ``tags``."""
    cursor.execute(
        "SELECT l, coalesce(s.f[array_position(s.e, l)], 0) FROM unnest("
        "tsvector_to_array(to_tsvector('english', %s)) || %s::text[]) l LEFT JOIN ("
        "SELECT most_common_elems::text::text[] AS e, most_common_elem_freqs AS f "
        "FROM pg_stats WHERE schemaname = current_schema() AND tablename = 'decisions_search' "
        "AND attname = 'document'"
        ") s ON true",
        [text, tags],
    )
    return [float(found) for _, found in cursor.fetchall()]


def _pg_filtered(cursor: Any, query: SearchQuery, limit: int) -> list[int]:
    """The newest ``limit`` ids holding every filter lexeme: one posting list read from
    its newest end, joined by id to the others' (the planner merges them, both walked
    newest first, and stops at ``limit``)."""
    tags = [t for t in pg_filter_tags(query.filters) if _LEXEME.fullmatch(t)]
    if not tags:
        return []
    joins = "".join(
        f" JOIN {POSTINGS} p{n} ON p{n}.decision_id = p0.decision_id "
        f"AND p{n}.tag = hashtextextended(%s, 0)"
        for n in range(1, len(tags))
    )
    cursor.execute(
        f"SELECT p0.decision_id FROM {POSTINGS} p0{joins} "
        "WHERE p0.tag = hashtextextended(%s, 0) ORDER BY p0.decision_id DESC LIMIT %s",
        [*tags[1:], tags[0], limit],
    )
    return [row[0] for row in cursor.fetchall()]


def pg_ranked(
    cursor: Any, query: SearchQuery, window: Sequence[int], *, by_relevance: bool = True
) -> list[int]:
    """The window ordered by ts_rank over the words alone, or by decision date."""
    if not window:
        return []
    if not query.words or not by_relevance:
        return by_date(cursor, "postgresql", window)
    words, phrases = pg_words(query)
    cursor.execute(
        f"SELECT decision_id, ts_rank(document, {words}) "
        "FROM decisions_search WHERE decision_id = ANY(%s)",
        [*phrases, list(window)],
    )
    scores = dict(cursor.fetchall())
    return sorted(window, key=lambda i: (-scores.get(i, 0.0), -i))


def newest(
    cursor: Any, vendor: str, ids: Sequence[int], end: int, *, year: int | None = None
) -> list[int]:
    """The first ``end`` of ``ids``, newest decision first and undated letters last, in
    `by_date`'s order, read down the index of the dates keeping the rows among ``ids``
    (within ``year`` when the search filters by one: a year's letters are its dates').
    The most recently added matches are not the latest decided (a backlog of 2013 letters
    ingested after the 2016 ones): sorting only the RANK_WINDOW most recently added had
    put older letters on the first page and newer ones pages later. A filter most letters
    pass stops within a few hundred rows; once the walk has read as many rows as there
    are ids, all of them are sorted instead (`by_date`: as many index reads)."""
    if not ids or end <= 0:
        return []
    wanted, budget = set(ids), len(ids)
    found: list[int] = []
    hint = " INDEXED BY decisions_decision_date_idx" if vendor == "sqlite" else ""
    chunk = max(256, 2 * end)
    before = None if year is None else dt.date(year + 1, 1, 1)
    since = "" if year is None else " AND decision_date >= %s"
    low = [] if year is None else [dt.date(year, 1, 1)]
    while len(found) < end:  # the dated letters, a run of whole dates at a time
        if budget <= 0:
            return by_date(cursor, vendor, ids)[:end]
        after = "" if before is None else " AND decision_date < %s"
        cursor.execute(
            f"SELECT id, decision_date FROM decisions_decision{hint} WHERE decision_date "
            f"IS NOT NULL{after}{since} ORDER BY decision_date DESC LIMIT %s",
            [*([] if before is None else [before]), *low, chunk],
        )
        rows = cursor.fetchall()
        budget -= len(rows)
        more = len(rows) == chunk
        if more:
            # The last date may go on past the chunk: it is read whole next time.
            whole = [r for r in rows if r[1] != rows[-1][1]]
            if not whole:
                chunk *= 4
                continue
            rows = whole
        # A date's letters, the most recently added first (by_date's order).
        rows.sort(key=lambda r: (r[1], r[0]), reverse=True)
        found += [r[0] for r in rows if r[0] in wanted]
        if not more:
            break
        before = rows[-1][1]
    if len(found) >= end or len(found) == len(wanted):
        return found[:end]
    if year is not None:
        # Matches outside the year's dates (a writer set a year without its date): sorted.
        return by_date(cursor, vendor, ids)[:end]
    last = None
    while len(found) < end:  # then the undated, the most recently added first
        if budget <= 0:
            return by_date(cursor, vendor, ids)[:end]
        below = "" if last is None else " AND id < %s"
        cursor.execute(
            f"SELECT id FROM decisions_decision{hint} WHERE decision_date IS NULL{below} "
            "ORDER BY id DESC LIMIT %s",
            [*([] if last is None else [last]), chunk],
        )
        got = [row[0] for row in cursor.fetchall()]
        budget -= len(got)
        found += [i for i in got if i in wanted]
        if len(got) < chunk:
            break
        last = got[-1]
    return found[:end]


def by_date(cursor: Any, vendor: str, ids: Sequence[int]) -> list[int]:
    """``ids`` newest decision first, read from the index of the decisions' columns."""
    clause, param = ids_in(vendor, ids)
    hint = f" INDEXED BY {DECISION_COLUMNS_INDEX}" if vendor == "sqlite" else ""
    # PostgreSQL sorts NULL first in a descending order, SQLite last: undated letters last.
    nulls = " NULLS LAST" if vendor == "postgresql" else ""
    cursor.execute(
        f"SELECT id FROM decisions_decision{hint} WHERE id {clause} "
        f"ORDER BY decision_date DESC{nulls}, id DESC",
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
    # Numbers typed are checked in each letter's row of numbers (the sample counts without).
    numbers, checks = sqlite_checks(query)
    if expected < limit / 2:
        cursor.execute(
            f"SELECT rowid FROM decisions_search WHERE decisions_search MATCH %s{numbers} "
            "ORDER BY rowid LIMIT %s",
            [match, *checks, limit],
        )
        ids = [row[0] for row in cursor.fetchall()]
        if len(ids) < limit:
            ids.reverse()
            return ids
    cursor.execute(
        f"SELECT rowid FROM decisions_search WHERE decisions_search MATCH %s{numbers} "
        "ORDER BY rowid DESC LIMIT %s",
        [match, *checks, limit],
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


def rankable_words(
    cursor: Any, words: Sequence[Sequence[str]], glued: Mapping[str, Sequence[str]] | None = None
) -> list[Sequence[str]]:
    """The words worth ranking by: all but those in more than COMMON_SHARE of the newest
    SAMPLE letters and, so estimated, in more than COMMON_LETTERS letters; and but a word of
    several runs (a phrase, `"right first"`) whose runs are together in more than
    COMMON_LETTERS letters, however rare the phrase: bm25 first counts the letters holding
    it, a walk of every letter holding all its runs, checking their positions (31 ms of
    the 108 ms of `"Right first"` at a million, whose runs are in 216,282 letters; and as
    much again walking the window's range), so such a phrase costs what a common word
    costs (docs/benchmarks.md, "why a quoted phrase costs more at a million")."""
    newest, sampled = sample(cursor)
    kept = []
    for word in words:
        share = _share(cursor, fts5_query([word], glued), newest, sampled)
        if share > COMMON_SHARE and share * newest > COMMON_LETTERS:
            continue
        if len(word) > 1 and _share(cursor, _together(word), newest, sampled) * newest > (
            COMMON_LETTERS
        ):
            continue
        kept.append(word)
    return kept


def _together(word: Sequence[str]) -> str:
    """FTS5's match of a phrase's runs anywhere in a letter (each a quoted token: letters,
    digits and underscores alone, `search_terms.RUN`)."""
    return " AND ".join(f'"{part}"' for part in dict.fromkeys(p.casefold() for p in word))


def sqlite_ranked(
    cursor: Any,
    query: SearchQuery,
    window: Sequence[int],
    *,
    by_relevance: bool = True,
    rankable: Sequence[Sequence[str]] | None = None,
) -> list[int]:
    """The window ordered by bm25 over the words alone (or, without words, by decision
    date). Scoring in the statement that matches the filters' tags made FTS5 count every
    letter holding each tag (bm25's document frequencies): a tag found in most letters cost
    more than the rest of the search. The words are matched in any column here (the window
    already holds only letters with them in the text; the tags column weighs nothing):
    bm25's count of a word's letters is then a plain doclist pass, half the cost of one
    checking columns. Words in many letters, which bm25 weighs at little or nothing, are
    left out (`rankable_words`, or ``rankable`` when the caller has asked already); when
    every word is that common, by decision date."""
    if not window:
        return []
    glued = dict(query.glued)
    words = rankable
    if words is None:
        words = rankable_words(cursor, query.words, glued) if query.words and by_relevance else []
    if not words:
        return by_date(cursor, "sqlite", window)
    cursor.execute(
        "SELECT rowid, bm25(decisions_search, 1.0, 1.0, 0.0) FROM decisions_search "
        "WHERE decisions_search MATCH %s AND rowid BETWEEN %s AND %s "
        f"ORDER BY rowid DESC LIMIT {SCORE_CAP}",
        [fts5_query(words, glued), window[-1], window[0]],
    )
    scores = dict(cursor.fetchall())
    unscored = max(scores.values(), default=0.0) + 1.0  # bm25: lower is better
    return sorted(window, key=lambda i: (scores.get(i, unscored), -i))
