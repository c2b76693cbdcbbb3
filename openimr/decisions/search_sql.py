"""The SQL behind `openimr.decisions.search`, one function per piece, each knowing the two
vendors it speaks. Values always travel as parameters; the only text put into SQL is this
module's own (column names come from fixed tables, never from input)."""

import html
import importlib
import json
import re
import string
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from openimr.decisions.glued_sql import LETTERS, fts5_either, fts5_glued, pg_glued, pg_kept
from openimr.decisions.search_terms import SearchQuery, excludes, filter_tags, pg_filter_tags

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


def fts5_query(
    words: Sequence[Sequence[str]], glued: Mapping[str, Sequence[str]] | None = None
) -> str:
    """Every word a quoted FTS5 phrase, all of them required, a word of one run also found
    in its ``glued`` tokens ("norco10"), a dose in its glued forms (`_dose_phrases`):
    nothing the visitor typed is read as FTS5 syntax (the words hold only letters, digits
    and underscores, the tokens are the index's own)."""
    glued = glued or {}
    out = []
    for n, parts in enumerate(words):
        if _dose(parts):
            base, *more = _dose_phrases(parts, words[n - 1] if n else (), glued)
            out.append(fts5_either(base, more))
        else:
            tokens = glued.get(parts[0].lower(), ()) if len(parts) == 1 else ()
            out.append(fts5_either(" ".join(parts), tokens))
    return " AND ".join(out)


def fts5_excluded(
    words: Sequence[Sequence[str]], glued: Mapping[str, Sequence[str]] | None = None
) -> str:
    """Any of the excluded words, each a quoted FTS5 phrase, a word of one run also in its
    ``glued`` tokens ("-norco" leaves out "Norco10/325"). A dose is its phrase alone."""
    glued = glued or {}
    either = (
        fts5_either(" ".join(parts), glued.get(parts[0].lower(), ()) if len(parts) == 1 else ())
        for parts in words
    )
    return " OR ".join(either)


def _dose(parts: Sequence[str]) -> bool:
    """A word of numbers alone: a dose ("10/325", "50")."""
    return all(part.isascii() and part.isdecimal() for part in parts)


def _dose_phrases(
    parts: Sequence[str], before: Sequence[str], glued: Mapping[str, Sequence[str]]
) -> list[str]:
    """A dose as letters print it, the typed phrase first: its last number also run into
    its unit ("10/325mg": '10' '325mg'), and its first into the drug typed before it
    ("Norco10/325" for "Norco 10/325": 'norco10' '325'; "Tramadol50mg" for "Tramadol 50")."""
    last = parts[-1]
    ends = [last, *(t for t in glued.get(last, ()) if t[len(last) :].isalpha())]
    phrases = [" ".join([*parts[:-1], end]) for end in ends]
    if len(before) == 1:
        drug = before[0].lower()
        start = drug + parts[0]
        runs = [
            t
            for t in glued.get(drug, ())
            if t == start or (len(parts) == 1 and t.startswith(start) and t[len(start) :].isalpha())
        ]
        if len(parts) == 1:
            phrases += runs
        else:
            phrases += [" ".join([run, *parts[1:-1], end]) for run in runs for end in ends]
    return phrases


def with_glued(cursor: Any, vendor: str, query: SearchQuery) -> SearchQuery:
    """``query`` with the words of letters alone that letters also write run into a number
    ("Norco10/325", "Tramadol50mg": one token each to both indexes, "norco10", which the
    word alone did not find), and on SQLite the last number of each dose with the units
    letters write it with ("325mg"). The precedent panel's lookup (`glued_sql`): on SQLite
    the index's own list of tokens, on PostgreSQL a prefix of the word and a digit (or of
    the number and a letter), for the words its english configuration keeps ("over" asks
    nothing, not "over1")."""
    words = [
        parts[0].lower()
        for parts in (*query.words, *query.excluded)
        if len(parts) == 1 and parts[0].isascii() and parts[0].isalpha()
    ]
    numbers = [parts[-1] for parts in query.words if _dose(parts)]
    if not words and not numbers:
        return query
    glued: tuple[tuple[str, tuple[str, ...]], ...]
    if vendor == "postgresql":
        glued = tuple((word, ()) for word in pg_kept(cursor, words))
    else:
        found = {**fts5_glued(cursor, words), **fts5_glued(cursor, numbers, LETTERS)}
        glued = tuple((w, tuple(tokens)) for w, tokens in found.items() if tokens)
    return replace(query, glued=glued)


def fts5_match(
    query: SearchQuery, *, with_filters: bool = True, tags: Sequence[str] | None = None
) -> str:
    """The words, searched in the text columns only, and the filters' tags (or ``tags``)."""
    parts = []
    if query.words:
        glued = dict(query.glued)
        text = fts5_query(query.words, glued)
        if query.excluded:
            # FTS5's NOT is binary: what is searched, less the letters holding any excluded.
            text = f"({text}) NOT ({fts5_excluded(query.excluded, glued)})"
        parts.append("{summary items} : (" + text + ")")
    if tags is None:
        tags = filter_tags(query.filters) if with_filters else []
    if tags:
        quoted = ['"' + t.replace('"', '""') + '"' for t in tags]
        parts.append("tags : (" + " ".join(quoted) + ")")
    return " AND ".join(parts)


_WORD = re.compile(r"\w+")  # search_terms' own cut of a word into its runs
_PUNCTUATION = frozenset(string.punctuation)


def pg_phrases(query: SearchQuery) -> list[str]:
    """Each searched word as typed from its first to its last letter or digit, its ASCII
    punctuation kept (anything else a space), for phraseto_tsquery: PostgreSQL's parser
    then cuts it as it cut the letters ("L4-5" into 'l4' <-> '-5', "12.5" one number),
    where its runs alone ('l4' & '5') matched other letters and missed these."""
    return _pg_typed(query.text, query.words)


def _pg_typed(text: str, words: Sequence[Sequence[str]], *, excluded: bool = False) -> list[str]:
    """`pg_phrases` of the searched words (or with ``excluded``, of the excluded ones)."""
    wanted, phrases = list(words), []
    for chunk in text.split():
        if excludes(chunk) is not excluded:
            continue
        runs = list(_WORD.finditer(chunk))
        if not wanted or tuple(m.group() for m in runs) != tuple(wanted[0]):
            continue
        typed = chunk[runs[0].start() : runs[-1].end()]
        # A slash splits words, as the documents were split (migration 0009).
        kept = (c if (c.isalnum() or c in _PUNCTUATION) and c != "/" else " " for c in typed)
        phrases.append("".join(kept))
        wanted.pop(0)
    return phrases


def pg_words(query: SearchQuery) -> tuple[str, list[str]]:
    """The tsquery of the words, all required, each a phrase (`pg_phrases`), a word with
    glued forms (`with_glued`) also found in them: its text, and its parameters."""
    glued, parts, params = dict(query.glued), [], []
    either = "(phraseto_tsquery('english', %s) || to_tsquery('english', %s))"
    # The phrases are in the words' order (a word not found as typed has none, at the end).
    for n, (word, phrase) in enumerate(zip(query.words, pg_phrases(query), strict=False)):
        if len(word) == 1 and word[0].lower() in glued:
            parts.append(either)
            params += [phrase, pg_glued(word[0].lower())]
        elif _dose(word) and _PG_DOSE.fullmatch(phrase):
            parts.append(either)
            params += [phrase, _pg_dose(word, query.words[n - 1] if n else (), glued)]
        else:
            parts.append("phraseto_tsquery('english', %s)")
            params.append(phrase)
    return " && ".join(parts), params


def pg_excluded(query: SearchQuery) -> tuple[str, list[str]]:
    """The tsquery of any of the excluded words, each a phrase as typed (`pg_phrases`), a
    word of letters alone also in its glued forms ("-norco": 'norco1':* ...): its text and
    its parameters. A word the english configuration drops ("-not") asks nothing, and the
    page says it was left out as too common."""
    glued, parts, params = dict(query.glued), [], []
    typed = _pg_typed(query.text, query.excluded, excluded=True)
    for word, phrase in zip(query.excluded, typed, strict=False):
        if len(word) == 1 and word[0].lower() in glued:
            parts.append("(phraseto_tsquery('english', %s) || to_tsquery('english', %s))")
            params += [phrase, pg_glued(word[0].lower())]
        else:
            parts.append("phraseto_tsquery('english', %s)")
            params.append(phrase)
    return " || ".join(parts), params


# A dose typed with slashes ("10/325"; the documents' slashes are spaces: migration 0009).
# "10-325" is not one: PostgreSQL's parser reads its "-325" as a negative number.
_PG_DOSE = re.compile(r"\d+( \d+)*")


def _pg_dose(parts: Sequence[str], before: Sequence[str], glued: Mapping[str, Any]) -> str:
    """`_dose_phrases` for PostgreSQL, as to_tsquery text of digits, letters, ``<->``,
    ``|``, ``:*`` and parentheses: the last number or its prefix and a letter ("325mg"),
    and the first run into the drug typed before it, when the drug is asked so."""
    last = f"({parts[-1]} | {pg_glued(parts[-1], after=LETTERS)})"
    forms = [" <-> ".join([*parts[:-1], last])]
    if len(before) == 1 and before[0].lower() in glued:
        start = before[0].lower() + parts[0]
        if len(parts) == 1:
            forms.append(f"{start} | {pg_glued(start, after=LETTERS)}")
        else:
            forms.append(" <-> ".join([start, *parts[1:-1], last]))
    return " | ".join(f"({form})" for form in forms)


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


_LEXEME = re.compile(r"[a-z0-9_]+")


def pg_tsquery(query: SearchQuery) -> tuple[str, list[Any]]:
    """The words (each through phraseto_tsquery: `pg_words`) and the filters' lexemes
    (quoted into a tsquery: `pg_filter_tags` gives only letters, digits and "_"), all
    required."""
    parts, params = [], []
    tags = [t for t in pg_filter_tags(query.filters) if _LEXEME.fullmatch(t)]
    if query.words:
        words, phrases = pg_words(query)
        parts.append(words)
        params += phrases
    if query.words and query.excluded:
        excluded, more = pg_excluded(query)
        if tags:
            parts.append(f"!! ({excluded})")
            params += more
        else:
            # Words the configuration drops ("the -knee") ask nothing, and NOT alone would
            # answer every letter without "knee": they find nothing, as "the" alone does.
            parts[-1] = (
                f"CASE WHEN numnode({words}) = 0 THEN {words} ELSE ({words}) && !! ({excluded}) END"
            )
            params += [*phrases, *phrases, *more]
    if tags:
        parts.append("%s::tsquery")
        params.append(" & ".join(f"'{t}'" for t in tags))
    return " && ".join(parts) or "''::tsquery", params


def _sqlite_from_where(query: SearchQuery) -> tuple[str, list[Any]]:
    conditions: list[str] = ["1 = 1"]
    params: list[Any] = []
    source = "decisions_decision d"
    if uses_index("sqlite", query):
        source = "decisions_search JOIN decisions_decision d ON d.id = decisions_search.rowid"
        conditions.append("decisions_search MATCH %s")
        params.append(fts5_match(query))
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
        sql = (
            f"SELECT id, substr(clinical_summary, 1, {SNIPPET_CHARS}) "
            f"FROM decisions_decision d WHERE id IN ({marks})"
        )
        params: list[Any] = list(ids)
    elif vendor == "postgresql":
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
        params = [*phrases, _HEADLINE, *ids]
    else:
        sql = (
            f"SELECT rowid, snippet(decisions_search, -1, '{OPEN}', '{CLOSE}', ' … ', 32) "
            f"FROM decisions_search WHERE decisions_search MATCH %s AND rowid IN ({marks})"
        )
        params = [fts5_match(query, with_filters=False), *ids]
    cursor.execute(sql, params)
    return {row[0]: (row[1] or "").replace(_SPLIT, "") for row in cursor.fetchall()}


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
# expressions are the migrations' own (0002's text, 0010's tags), so a row indexed here
# equals one the triggers write.
_INDEX = importlib.import_module("openimr.decisions.migrations.0002_search_index")
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
        "SELECT d.id, d.clinical_summary, "
        + _INDEX.SQLITE_ITEMS.format(ref="d.id")
        + ", "
        + _TAGS.SQLITE_TAGS.format(d="d")
        + f" FROM decisions_decision d WHERE d.id {clause}",
        [param],
    )
