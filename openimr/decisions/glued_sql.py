"""A word written against a number, asked of both indexes: one place for the precedent panel
(`precedents_sql`) and the search (`search_match`). A drug name written against its dose
("Norco10/325", "Tramadol50mg", "Lidoderm5%") is one token to both indexes ("norco10"),
which the word alone does not find: a word is also asked as a token that goes on with a
digit. Never as a bare prefix: "norco" would find "norcodeine", and "physical" (stemmed
"physic") "physician". Only words of letters come here, so the FTS5 phrases and the
to_tsquery text built below hold nothing a visitor could type as syntax."""

import re
import unicodedata
from collections.abc import Sequence
from functools import partial
from typing import Any

from openimr.decisions.corpus import StampedCache

DIGITS = "0123456789"
# Unicode's blocks of combining diacritical marks: an accent, once a letter is decomposed.
MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_MARK = re.compile(f"[{MARKS}]")


def fold(word: str) -> str:
    """A word as both indexes hold it, its case and accents folded: lower case, decomposed
    (NFD), its combining marks dropped, composed again ("Lidocaína", "lidocai\u0301na" and
    "LIDOCAINA" are all "lidocaina"). That is what FTS5's ``remove_diacritics 2`` does to
    642 of the 654 Latin letters of U+00C0-U+024F and U+1E00-U+1EFF (not to a dozen archaic
    ones such as "ǣ"), and what migration 0014 does to PostgreSQL's documents. Letters with
    no decomposition stay apart in both ("ø", "ł", "ß", "æ"): a stroke is no accent."""
    return unicodedata.normalize("NFC", _MARK.sub("", unicodedata.normalize("NFD", word.lower())))


# FTS5's list of its tokens, read as one range of terms per word: ten prefix queries a word
# ("norco0"* to "norco9"*) cost about 0.1-0.5 ms each time they were asked, the range
# 0.03 ms. Per connection (temp): nothing is stored.
_TERMS = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.decisions_search_terms "
    "USING fts5vocab(main, decisions_search, row)"
)
# Tokens of one word glued to numbers asked at most: a bound on the query's length.
GLUED_MAX = 50


LETTERS = "abcdefghijklmnopqrstuvwxyz"


def fts5_glued(cursor: Any, words: Sequence[str], after: str = DIGITS) -> dict[str, list[str]]:
    """SQLite: each word's tokens in the index that are the word run into a number
    ("norco10"), most often none; or, ``after`` LETTERS, a number run into its unit ("325"
    into "325mg"). ``words`` are in lower case, as the index's tokens."""
    cursor.execute(_TERMS)
    found = {}
    for word in words:
        cursor.execute(
            "SELECT term FROM temp.decisions_search_terms WHERE term >= %s AND term < %s LIMIT %s",
            [word + after[0], word + chr(ord(after[-1]) + 1), GLUED_MAX],
        )
        found[word] = [row[0] for row in cursor.fetchall() if row[0].isalnum()]
    return found


def fts5_either(word: str, glued: Sequence[str] = ()) -> str:
    """FTS5: the quoted ``word``, or any of its ``glued`` tokens."""
    if not glued:
        return f'"{word}"'
    return "(" + " OR ".join(f'"{token}"' for token in [word, *glued]) + ")"


def pg_continued(cursor: Any, stems: Sequence[str], after: str = DIGITS) -> dict[str, list[str]]:
    """PostgreSQL: each stem's prefixes that go on in the index, a stem and one character of
    ``after`` ("norco1" for "norco"), most often none: asked of the GIN index (migration
    0013), as a search asking a prefix the index lacks made the planner test it on every
    document. ``stems`` are letters, or digits, in lower case. A prefix found costs a bitmap
    of the letters holding it (12-16 ms for "325m" at 100,000 letters), so each answer is
    kept until the corpus changes: exactly (no lag), as the search pages and precedent
    panels built on it lag themselves (a lagging part would make them lag twice)."""
    found = {}
    for stem in stems:
        ask = partial(_continued, cursor, stem, after)
        found[stem] = list(_CONTINUED.get_or_compute((stem, after), ask))
    return found


_CONTINUED = StampedCache("glued prefixes", 4096, lags=False)


def _continued(cursor: Any, stem: str, after: str) -> tuple[str, ...]:
    cursor.execute("SELECT more FROM decisions_search_continued(%s::text[], %s)", [[stem], after])
    return tuple(stem + more for (more,) in cursor.fetchall())


# A unit the index holds as a lexeme and not as a prefix (`pg_units`): "2x" of "2x" and
# "2x6". Only digits and letters precede it, and `pg_unit` takes it off.
EXACT = "="
# How many letters of a unit are read one by one, past a letter a digit goes on from.
UNIT_DEPTH = 4


def pg_units(cursor: Any, stems: Sequence[str]) -> dict[str, list[str]]:
    """PostgreSQL: each number's units, as SQLite's are the index's tokens that are the
    number and letters alone ("325mg", not "2x6"): the prefixes `pg_continued` finds with a
    letter ("2x"), or where the index holds a digit right after one ("2x6", which "2" had
    found on PostgreSQL only), that lexeme exactly and its letters read on. Each is
    `pg_unit` text."""
    found = pg_continued(cursor, stems, LETTERS)
    return {stem: _letters_only(cursor, prefixes, UNIT_DEPTH) for stem, prefixes in found.items()}


def _letters_only(cursor: Any, prefixes: Sequence[str], depth: int) -> list[str]:
    units: list[str] = []
    for prefix in prefixes:
        if depth == 0 or not pg_continued(cursor, [prefix])[prefix]:
            units.append(prefix)
            continue
        units.append(prefix + EXACT)
        more = pg_continued(cursor, [prefix], LETTERS)[prefix]
        units += _letters_only(cursor, more, depth - 1)
    return units


def pg_unit(unit: str) -> str:
    """to_tsquery text of a `pg_units` entry: the lexeme exactly, or the prefix."""
    return unit[: -len(EXACT)] if unit.endswith(EXACT) else f"{unit}:*"


def pg_prefixes(prefixes: Sequence[str], weight: str = "") -> str:
    """PostgreSQL: to_tsquery text asking any of these prefixes (`pg_continued`)."""
    return " | ".join(f"{prefix}:*{weight}" for prefix in prefixes)


# Whether PostgreSQL's english configuration drops a word ("over", "off"), as plainto_tsquery
# does: a dropped word asks nothing, where its glued forms alone would ask for "over1".
_PG_DROPPED: dict[str, bool] = {}


def pg_kept(cursor: Any, words: Sequence[str]) -> list[str]:
    """Those of ``words`` PostgreSQL's english configuration keeps (asked once a process)."""
    unknown = [w for w in words if w not in _PG_DROPPED]
    if unknown:
        cursor.execute(
            "SELECT w, numnode(plainto_tsquery('english', w)) = 0 FROM unnest(%s::text[]) AS w",
            [unknown],
        )
        _PG_DROPPED.update((word, bool(dropped)) for word, dropped in cursor.fetchall())
    return [w for w in words if not _PG_DROPPED[w]]
