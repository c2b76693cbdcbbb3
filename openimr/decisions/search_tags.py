"""The search index's tokens for a visitor's filters (`search_terms.Filters`): the year,
the priority, the specialty as the index holds it, and one token for the item filters
together, as migrations 0002, 0004 and 0010 write them for SQLite and PostgreSQL. Split from
`search_terms`, which reads what a visitor asks."""

import re
import string
from collections.abc import Iterable
from dataclasses import replace

from openimr.decisions.glued_sql import fold
from openimr.decisions.search_terms import Filters


def item_tag(filters: Filters) -> str | None:
    """The index token naming the chosen item filters together (one item must satisfy them
    all); the same tokens are written by migration 0002's triggers."""
    parts = []
    if filters.category is not None:
        parts.append(f"c{filters.category}")
    if filters.outcome is not None:
        parts.append(f"o{filters.outcome}")
    if filters.mtus_based is not None:
        parts.append("myes" if filters.mtus_based else "mno")
    if filters.family is not None:
        parts.append(f"f{filters.family}")
    return "it_" + "_".join(parts) if parts else None


def filter_tags(filters: Filters) -> list[str]:
    """Index tokens (FTS5 phrases once quoted) for the chosen filters."""
    tags = [] if filters.year is None else [f"yr_{filters.year}"]
    if filters.priority is not None:
        tags.append(f"pr_{filters.priority}")
    if filters.specialty is not None:
        tags.append("sp_" + specialty_tag(filters.specialty))
    item = item_tag(filters)
    return [*tags, item] if item else tags


_NOT_LEXEME = re.compile(r"[^A-Za-z0-9]+")
# The ASCII characters other than letters and digits: each run of them in a specialty is
# one "_" (migration 0010 replaces exactly these in SQLite's SQL, which has no regex).
SPECIALTY_SEPARATORS = string.punctuation + " \t\n\r\x0b\x0c"
_SEPARATOR_RUN = re.compile("[" + re.escape(SPECIALTY_SEPARATORS) + "]+")


def specialty_tag(name: str) -> str:
    """A reviewer specialty as the search index holds it: "&" read as "and", each run of
    ASCII characters other than letters and digits one "_", none at either end. The
    letters print "Physical Medicine & Rehabilitation" (2016-2017) and "Physical Medicine
    and Rehabilitation" (2013), and a researcher types either, in any case and spacing: all
    are ``Physical_Medicine_and_Rehabilitation``, and SQLite's tokenizer folds the case.
    Migration 0010 writes the same in SQL, for the index (its test holds the two equal).
    Not ``reviewers.domain.specialties.specialty_key``: SQL cannot say its every Unicode
    letter and digit."""
    return _SEPARATOR_RUN.sub("_", name.replace("&", " and ")).strip("_")


def pg_filter_tags(filters: Filters) -> list[str]:
    """PostgreSQL's lexemes for the chosen filters (migrations 0004 and 0010 write them):
    the same tokens as SQLite's, lower case, a specialty's its `specialty_key`. Only
    ``[a-z0-9_]`` ever comes out, so each can be quoted into a tsquery as it is."""
    tags = filter_tags(replace(filters, specialty=None))
    if filters.specialty is not None:
        tags.append("sp_" + specialty_key(filters.specialty))
    return [t.lower() for t in tags]


def specialty_key(name: str) -> str:
    """A specialty as its filter matches it: its `specialty_tag` with its accents dropped
    (`glued_sql.fold`) in lower case, each run of characters other than ASCII letters and
    digits one "_", none at either end (PostgreSQL's lexeme, migrations 0010 and 0020).
    "Médecine Physique" is "Medecine Physique", as FTS5's ``remove_diacritics 2`` reads
    SQLite's tag: PostgreSQL's lexeme had made the "é" a "_", so either spelling found only
    itself there, where SQLite found both."""
    return _NOT_LEXEME.sub("_", specialty_tag(fold(name))).strip("_").lower()


def specialty_spellings(counted: Iterable[tuple[str, int]]) -> list[list[str]]:
    """The spellings of each specialty among these (name, count) pairs, grouped as the
    filter matches them (`specialty_key`), the commonest first (the largest count, then the
    first by name). Counted in letters over the corpus, the first is the name every page
    shows for the specialty (`specialty_names`)."""
    groups: dict[str, dict[str, int]] = {}
    for name, count in counted:
        spellings = groups.setdefault(specialty_key(name), {})
        spellings[name] = spellings.get(name, 0) + int(count)
    return [sorted(names, key=lambda n: (-names[n], n)) for names in groups.values()]
