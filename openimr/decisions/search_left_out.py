"""SQLite: a phrase left out that holds a number and a word (`-"Tramadol 37.5 mg"`) leaves
out the letters writing it as typed, no others.

FTS5's tokenizer cuts "37.5" into "37" and "5", so its NOT of the phrase also left out
"Tramadol 37-5 mg", and `-"Tramadol 37-5 mg"` left out "Tramadol 37.5 mg"; PostgreSQL's
parser keeps "37.5" whole and left out only the letters writing the phrase as typed. The
phrase is left out here as a search of it alone finds it on SQLite, its numbers whole and
beside its words (`search_numbers.phrase_written`), but as typed: not in its other forms
(a unit run into its number), since a word left out is left out as typed on both."""

from typing import Any

from openimr.decisions.search_match import fts5_excluded
from openimr.decisions.search_numbers import phrase_written, phrases_left_out, sqlite_condition
from openimr.decisions.search_terms import SearchQuery


def sqlite_checks(query: SearchQuery, table: str = "decisions_search") -> tuple[str, list[Any]]:
    """`sqlite_condition` of ``query``, and the letters writing each phrase it leaves out
    holding a number (`phrases_left_out`, which FTS5's NOT skips) left out: SQL to add to a
    statement matching SQLite's index (`` AND ...``), and its parameters."""
    sql, params = sqlite_condition(query, table)
    glued = dict(query.glued)
    for parts, typed in phrases_left_out(query):
        inner, checks = phrase_written(typed)
        # The inner statement's own decisions_search: the letters FTS5's phrase matched.
        sql += (
            f" AND {table}.rowid NOT IN (SELECT rowid FROM decisions_search "
            f"WHERE decisions_search MATCH %s{inner})"
        )
        params += ["{summary items} : (" + fts5_excluded([parts], glued) + ")", *checks]
    return sql, params
