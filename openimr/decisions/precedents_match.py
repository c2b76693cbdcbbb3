"""What the precedent panel asks the full-text index (`precedents_sql`), for SQLite FTS5 and
PostgreSQL: quoted FTS5 phrases built from letters alone or from the index's own
letter-and-digit tokens, plainto_tsquery text, or to_tsquery text of letters, a digit and
":*". Words reach the database only as parameters."""

import re
from collections.abc import Mapping, Sequence
from typing import Any

from openimr.decisions.glued_sql import fold, fts5_either, pg_continued, pg_kept, pg_prefixes
from openimr.decisions.search_tags import item_tag
from openimr.decisions.search_terms import Filters


def phrases(words: Sequence[str], joiner: str) -> str:
    return "{summary items} : (" + joiner.join(fts5_either(w) for w in words) + ")"


def naming_key(
    key: Sequence[str],
    also: Sequence[str],
    glued: dict[str, list[str]],
    parts: Sequence[Sequence[str]] = (),
    *,
    each: Mapping[str, Sequence[str]] | None = None,
) -> str:
    """FTS5, in the items' text: every word of ``key`` (alone or in one of its ``glued``
    tokens, or one of its ``each``: "apap" for acetaminophen), or any word of ``also`` (what
    a letter may write for the key's words: "pt" for "physical therapy"); and one word of
    each of ``parts`` (a phrase: its words in a row)."""
    each = each or {}
    every = " AND ".join(
        " OR ".join([fts5_either(w, glued.get(w, ())), *map(fts5_either, each.get(w, ()))])
        for w in key
    )
    named = " OR ".join([f"({every})", *(fts5_either(w, glued.get(w, ())) for w in also)])
    where = "".join(" AND (" + " OR ".join(map(fts5_either, part)) + ")" for part in parts)
    return "{items} : ((" + named + ")" + where + ")"


def pg_words(words: Sequence[str], joiner: str) -> tuple[str, list[Any]]:
    # Accents dropped, as the documents dropped them (migration 0014).
    folded = [fold(w) for w in words]
    return "(" + joiner.join(["plainto_tsquery('english', %s)"] * len(words)) + ")", folded


def pg_term(word: str) -> str:
    """to_tsquery text of a word, or of a phrase ("upper back": its words in a row)."""
    return " <-> ".join(word.split())


# The items' lexemes of a letter's document (weight B: migration 0002), as the index of
# migration 0018 holds them: a query must write the expression so to be answered by it.
ITEMS = "ts_filter(document, '{b}')"


def pg_key(
    cursor: Any,
    key: Sequence[str],
    also: Sequence[str],
    parts: Sequence[Sequence[str]] = (),
    *,
    each: Mapping[str, Sequence[str]] | None = None,
) -> str:
    """PostgreSQL's `naming_key`: to_tsquery text asking each word (`fold`ed, as the
    documents were: migration 0014) and the prefixes of its glued forms the index holds
    (`pg_continued`: "norco1"; the parser reads "norco10" as a word with digits, which the
    english configuration keeps as it is), unweighted: it is asked of the items' lexemes
    alone (``ITEMS``, migration 0018). Only letters reach it, and digits, ``:``, ``*``,
    ``|``, ``&``, ``<->`` and parentheses."""
    each = {
        fold(w): pg_kept(cursor, [fold(s) for s in shorts]) for w, shorts in (each or {}).items()
    }
    key, also = pg_kept(cursor, [fold(w) for w in key]), pg_kept(cursor, [fold(w) for w in also])
    glued = pg_continued(cursor, [*key, *also])

    def term(word: str) -> str:
        same = each.get(word, ())
        return "(" + " | ".join(filter(None, [word, pg_prefixes(glued[word]), *same])) + ")"

    every = " & ".join(map(term, key))
    named = " | ".join([*([f"({every})"] if every else []), *map(term, also)])
    # A part none of whose words the configuration keeps narrows nothing: "()" is no query.
    where = [
        " | ".join(pg_term(w) for w in pg_kept(cursor, [fold(w) for w in part])) for part in parts
    ]
    return " & ".join(f"({text})" for text in [named, *where] if text) if named else ""


# A category's filter tag as both indexes hold it (lower case on PostgreSQL, migration 0004):
# only letters, digits and "_" are asked, so it is quoted as it is.
_TAG = re.compile(r"it_c[a-z0-9_]*")


def category_tag(category: str) -> str | None:
    """The index token of a letter holding an item in ``category`` (migration 0002's
    "it_c" tokens), or None for a category no token could name."""
    tag = item_tag(Filters(category=category))
    return tag if tag and _TAG.fullmatch(tag) else None


def fts5_tag(tag: str) -> str:
    """FTS5: the letters holding the filter tag ``tag``."""
    return f'tags : ("{tag}")'
