"""The SQL behind `openimr.decisions.search`, one function per piece, each knowing the two
vendors it speaks. Values always travel as parameters; the only text put into SQL is this
module's own (column names come from fixed tables, never from input)."""

import html
import importlib
import json
import re
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from openimr.decisions.search_left_out import sqlite_checks
from openimr.decisions.search_match import fts5_match, pg_tsquery, pg_words
from openimr.decisions.search_tags import filter_tags
from openimr.decisions.search_terms import SearchQuery

OPEN, CLOSE = "\ue000", "\ue001"  # private-use marks around a highlighted word
_MARKS = re.compile(f"({OPEN}|{CLOSE})")
SNIPPET_CHARS = 320
# Matches counted, at most; and ranked for the page, at most (see `page`): bm25 cost about
# 13 microseconds a match over a million letters, so two thousand stay inside the budget.
WINDOW = 10_000
RANK_WINDOW = 2_000
FAMILIES = ("mtus", "acoem", "odg", "other")

_SPLIT = "\u200b"  # zero-width space
_HEADLINE = f"StartSel={OPEN}, StopSel={CLOSE}, MaxWords=40, MinWords=15, MaxFragments=2"
_ITEMS_TEXT_PG = (
    "coalesce((SELECT string_agg(x.treatment || ' ' || x.rationale, ' ' ORDER BY x.position) "
    "FROM decisions_decisionitem x WHERE x.decision_id = d.id), '')"
)


def uses_index(vendor: str, query: SearchQuery) -> bool:
    """Whether the full-text index drives the query: every filter is in it (both vendors)."""
    return bool(query.words) or bool(filter_tags(query.filters))


def from_where(vendor: str, query: SearchQuery) -> tuple[str, list[Any]]:
    """``FROM ... WHERE ...`` selecting the decisions ``query`` asks for (alias ``d``; the
    index is ``decisions_search``, unaliased because FTS5's MATCH needs its name). The
    words and filters are asked of the index as the search asks them (FTS5's tokens,
    PostgreSQL's lexemes), so that an export holds exactly the letters its search finds;
    a query naming a case number keeps that decision only."""
    where, params = _from_where(vendor, query)
    if query.case_number is None:
        return where, params
    return f"{where} AND d.case_number = %s", [*params, query.case_number]


def _from_where(vendor: str, query: SearchQuery) -> tuple[str, list[Any]]:
    if vendor != "postgresql":
        return _sqlite_from_where(query)
    if not uses_index(vendor, query):
        return "FROM decisions_decision d WHERE 1 = 1", []
    expression, params = pg_tsquery(query)
    source = "decisions_decision d JOIN decisions_search s ON s.decision_id = d.id"
    return f"FROM {source} WHERE s.document @@ ({expression})", params


def _sqlite_from_where(query: SearchQuery) -> tuple[str, list[Any]]:
    conditions: list[str] = ["1 = 1"]
    params: list[Any] = []
    source = "decisions_decision d"
    if uses_index("sqlite", query):
        source = "decisions_search JOIN decisions_decision d ON d.id = decisions_search.rowid"
        numbers, checks = sqlite_checks(query)
        conditions.append("decisions_search MATCH %s" + numbers)
        params += [fts5_match(query), *checks]
    return f"FROM {source} WHERE {' AND '.join(conditions)}", params


def count_sql(vendor: str, query: SearchQuery, cap: int) -> tuple[str, list[Any]]:
    """Counts matches up to ``cap`` (SQLite's index path counts in `sqlite_matches`)."""
    where, params = from_where(vendor, query)
    return f"SELECT count(*) FROM (SELECT 1 {where} LIMIT %s) m", [*params, cap]


def page(vendor: str, query: SearchQuery) -> tuple[str, list[Any]]:
    """The page's rows (id, case_number, decision_date, priority); LIMIT and OFFSET last.
    Without words: newest decisions first. With words (PostgreSQL; SQLite's index path is
    `sqlite_matches` and `sqlite_ranked`), ts_rank orders the RANK_WINDOW most recently
    added matches: ranking every match of a word found in most letters ("injury") would
    cost a pass over the whole corpus."""
    where, params = from_where(vendor, query)
    columns = "d.id, d.case_number, d.decision_date, d.priority"
    tail = "LIMIT %s OFFSET %s"
    if not query.words and vendor == "postgresql":
        return _pg_newest_page(columns, where, params, query)
    if not query.words:
        return f"SELECT {columns} {where} ORDER BY d.decision_date DESC, d.id DESC {tail}", params
    inner = f"SELECT d.id AS id, s.document AS doc {where} ORDER BY d.id DESC LIMIT {RANK_WINDOW}"
    tsquery, phrases = pg_words(query)
    order = f"ts_rank(m.doc, {tsquery}) DESC, d.id DESC"
    outer = f"SELECT {columns} FROM ({inner}) m JOIN decisions_decision d ON d.id = m.id"
    return f"{outer} ORDER BY {order} {tail}", [*params, *phrases]


def _pg_newest_page(
    columns: str, where: str, params: list[Any], query: SearchQuery
) -> tuple[str, list[Any]]:
    """Newest first on PostgreSQL, undated letters last as on SQLite (PostgreSQL sorts NULL
    first in a descending order). Each half is read from migration 0002's index of the
    dates up to the page's end, so ``NULLS LAST`` never sorts the whole corpus."""
    end = query.page * query.per_page
    dated = f"SELECT {columns} {where} AND d.decision_date IS NOT NULL"
    undated = f"SELECT {columns} {where} AND d.decision_date IS NULL"
    statement = (
        f"({dated} ORDER BY d.decision_date DESC, d.id DESC LIMIT %s) UNION ALL "
        f"({undated} ORDER BY d.id DESC LIMIT %s) "
        "ORDER BY 3 DESC NULLS LAST, 1 DESC LIMIT %s OFFSET %s"
    )
    return statement, [*params, end, *params, end]


# Migration 0004: a decision's date, year and priority by its id, read from this index
# alone (a decision row holds its summary and document: thousands of them are thousands of
# pages).
DECISION_COLUMNS_INDEX = "decisions_decision_search_idx"


def years_and_priorities(cursor: Any, vendor: str, ids: Sequence[int]) -> list[Any]:
    """(id, year, priority) of ``ids``, for the facets."""
    if not ids:
        return []
    clause, param = ids_in(vendor, ids)
    hint = f" INDEXED BY {DECISION_COLUMNS_INDEX}" if vendor == "sqlite" else ""
    cursor.execute(
        f"SELECT id, year, priority FROM decisions_decision{hint} WHERE id {clause}", [param]
    )
    return list(cursor.fetchall())


def rows_by_id(cursor: Any, ids: Sequence[int]) -> list[Any]:
    """(id, case_number, decision_date, priority) of ``ids``, in their order."""
    if not ids:
        return []
    marks = ", ".join(["%s"] * len(ids))
    cursor.execute(
        "SELECT id, case_number, decision_date, priority FROM decisions_decision "
        f"WHERE id IN ({marks})",
        list(ids),
    )
    found = {row[0]: row for row in cursor.fetchall()}
    return [found[i] for i in ids if i in found]


def snippets(cursor: Any, vendor: str, query: SearchQuery, ids: Sequence[int]) -> dict[int, str]:
    """Each hit's snippet: the passage with the most matched words, marked; without words,
    the start of the summary."""
    if not ids:
        return {}
    marks = ", ".join(["%s"] * len(ids))
    if not query.words:
        # One character more than shown: it tells a summary that goes on from one that ends.
        sql = (
            f"SELECT id, substr(clinical_summary, 1, {SNIPPET_CHARS + 1}) "
            f"FROM decisions_decision d WHERE id IN ({marks})"
        )
        cursor.execute(sql, list(ids))
        return {row[0]: summary_start(row[1] or "") for row in cursor.fetchall()}
    if vendor == "postgresql":
        # The parser keeps "MTUS/ACOEM" as one token, so its headline would mark neither
        # half (the index reads "/" as a space: migration 0009). A zero-width space after
        # a slash between two letters or digits splits it without changing what is shown
        # (it is taken out below); "</b>" keeps its slash, so markup still reads as markup.
        text = (
            f"regexp_replace(coalesce(d.clinical_summary, '') || ' ' || {_ITEMS_TEXT_PG}, "
            f"'([[:alnum:]])/(?=[[:alnum:]])', '\\1/' || chr({ord(_SPLIT)}), 'g')"
        )
        tsquery, phrases = pg_words(query)
        sql = (
            f"SELECT d.id, ts_headline('english', {text}, {tsquery}, %s) "
            f"FROM decisions_decision d WHERE d.id IN ({marks})"
        )
        params: list[Any] = [*phrases, _HEADLINE, *ids]
    else:
        sql = (
            f"SELECT rowid, snippet(decisions_search, -1, '{OPEN}', '{CLOSE}', ' … ', 32) "
            f"FROM decisions_search WHERE decisions_search MATCH %s AND rowid IN ({marks})"
        )
        params = [fts5_match(query, with_filters=False), *ids]
    cursor.execute(sql, params)
    if vendor != "postgresql":
        # The index parts its texts' words at a "_" written so (migration 0020).
        return {
            row[0]: _decimals_unmarked(row[1] or "").replace(_TEXTS.PARTING, "_")
            for row in cursor.fetchall()
        }
    return {row[0]: (row[1] or "").replace(_SPLIT, "") for row in cursor.fetchall()}


# A number FTS5 marked that is half of a decimal ("0.5" for "5%": its tokenizer cuts the
# decimal in two); PostgreSQL's parser reads the decimal whole and marks none of it.
_HALF_DECIMAL = re.compile(
    f"(?:(?<=\\d\\.)|(?<=\\d{CLOSE}\\.)){OPEN}(\\d+){CLOSE}|{OPEN}(\\d+){CLOSE}(?=\\.{OPEN}?\\d)"
)


def _decimals_unmarked(snippet: str) -> str:
    """SQLite's snippet without a mark on half of a decimal (`search_numbers`: "5" does not
    find "0.5"; a letter found for another "5" had shown "0.<mark>5</mark>"). A decimal
    searched ("12.5") is marked whole, one phrase, and stays so."""
    return _HALF_DECIMAL.sub(lambda m: m.group(1) or m.group(2), snippet)


_PART_WORD = re.compile(r"(?<=\s)\S+$")


def summary_start(text: str) -> str:
    """The start of a summary as a snippet: whole, or cut at the last space within
    SNIPPET_CHARS and marked as going on, as FTS5's snippets are (" … "); cut at the
    character, it ended mid-word ("right shoulder pai")."""
    if len(text) <= SNIPPET_CHARS:
        return text
    cut = text[:SNIPPET_CHARS]
    if not text[SNIPPET_CHARS].isspace():  # the cut falls inside a word: leave it out
        cut = _PART_WORD.sub("", cut) or cut
    return cut.rstrip() + " …"


def snippet_html(text: str, *, highlighted: bool) -> str:
    """The snippet as HTML: the text escaped, and only our own marks turned into <mark>,
    balanced even if the letter's text happened to contain the mark characters."""
    out, open_ = [], False
    for part in _MARKS.split(text):
        if part == OPEN and highlighted and not open_:
            out.append("<mark>")
            open_ = True
        elif part == CLOSE and open_:
            out.append("</mark>")
            open_ = False
        elif part not in (OPEN, CLOSE):
            out.append(html.escape(part))
    if open_:
        out.append("</mark>")
    return "".join(out)


def grouped(cursor: Any, template: str, ids: Sequence[int]) -> dict[int, list[tuple[Any, ...]]]:
    """Rows of ``template`` for a page of ids, grouped by their first column."""
    found: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    if not ids:
        return found
    cursor.execute(template.format(ids=", ".join(["%s"] * len(ids))), list(ids))
    for row in cursor.fetchall():
        found[row[0]].append(tuple(row[1:]))
    return found


def ids_in(vendor: str, ids: Sequence[int]) -> tuple[str, Any]:
    """An ``IN`` over many ids with one parameter."""
    if vendor == "postgresql":
        return "= ANY(%s)", list(ids)
    return "IN (SELECT value FROM json_each(%s))", json.dumps(list(ids))


def recent_matches(cursor: Any, vendor: str, query: SearchQuery, limit: int) -> list[Any]:
    """(id, year, priority) of the ``limit`` most recently added matches."""
    where, params = from_where(vendor, query)
    cursor.execute(
        f"SELECT d.id, d.year, d.priority {where} ORDER BY d.id DESC LIMIT %s", [*params, limit]
    )
    return list(cursor.fetchall())


# Indexing a batch of decisions once (`openimr.decisions.search.index_decisions`): the
# expressions are the migrations' own (0020's texts, 0010's tags), so a row indexed here
# equals one the triggers write.
_TEXTS = importlib.import_module(
    "openimr.decisions.migrations.0020_search_parts_words_at_underscores_and_folds_specialties"
)
_TAGS = importlib.import_module("openimr.decisions.migrations.0010_search_specialty_as_typed")
# A row here tells the insert triggers (migration 0003) to leave the index to the batch.
INDEX_DEFER = "INSERT INTO decisions_search_deferred(batch) VALUES (1)"
INDEX_RESUME = "DELETE FROM decisions_search_deferred"


def index_rows(vendor: str, ids: Sequence[int]) -> tuple[str, list[Any]]:
    """One statement writing (or rewriting) the index rows of these decisions."""
    clause, param = ids_in(vendor, ids)
    if vendor == "postgresql":
        return f"SELECT decisions_search_refresh(id) FROM decisions_decision WHERE id {clause}", [
            param
        ]
    return (
        "INSERT OR REPLACE INTO decisions_search(rowid, summary, items, tags) "
        "SELECT d.id, "
        + _TEXTS.SQLITE_SUMMARY.format(d="d")
        + ", "
        + _TEXTS.SQLITE_ITEMS.format(ref="d.id")
        + ", "
        + _TAGS.SQLITE_TAGS.format(d="d")
        + f" FROM decisions_decision d WHERE d.id {clause}",
        [param],
    )
