"""Both indexes read a letter's words and its specialties alike.

SQLite: a letter writing "knee_pain" is "knee" and "pain" to the index, as it is to
PostgreSQL's parser (and to the search's own reading of a typed word since session 25).
FTS5's tokenizer keeps "_" inside a token, for the filter tags (``yr_2016``, ``sp_...``),
so the letter's "knee_pain" was the one token ``knee_pain``: "knee" did not find it on
SQLite and did on PostgreSQL. The tokenizer is unchanged (the tags need it, and changing it
rebuilds the whole index); the text indexed (the summary, the items' treatments and
rationales) has each "_" written as a FULLWIDTH LOW LINE (U+FF3F), which the tokenizer
parts words at, and which the snippets show as the "_" the letter wrote (`search_sql`).
Only the rows of letters writing a "_" are written again (`_SQLITE_REWRITE`), with their
rows of numbers (`domain.number_runs` now reads "5_3" as 5 and 3, as PostgreSQL does).

PostgreSQL: a specialty's lexeme is made from the name with its accents dropped
(``decisions_search_folded``, migration 0014's fold of the texts), as FTS5's
``remove_diacritics 2`` reads SQLite's tag and as the filter now asks
(`search_tags.specialty_key`): "Médecine Physique" had been ``sp_m_decine_physique``, which
"Medecine Physique" did not find there (SQLite found both spellings). Only the letters
naming a specialty outside ASCII are indexed again."""

import importlib

from django.db import migrations

from openimr.decisions import number_runs_sql as runs_sql

_0002 = importlib.import_module("openimr.decisions.migrations.0002_search_index")
_0004 = importlib.import_module("openimr.decisions.migrations.0004_search_tags_everywhere")
_0010 = importlib.import_module("openimr.decisions.migrations.0010_search_specialty_as_typed")
_0014 = importlib.import_module("openimr.decisions.migrations.0014_pg_search_folds_accents")
_0016 = importlib.import_module(
    "openimr.decisions.migrations.0016_search_item_update_of_indexed_columns"
)

# U+FF3F, a connector punctuation FTS5's unicode61 reads as a separator. NFKC reads it as
# "_", so a snippet shows it as one.
PARTING = "\uff3f"


def parted(expression: str) -> str:
    """SQLite SQL of the text ``expression`` with each "_" a `PARTING`."""
    return f"replace({expression}, '_', char({ord(PARTING)}))"


_ITEMS_TEXT = "group_concat(treatment || ' ' || rationale, ' ')"
assert _0002.SQLITE_ITEMS.count(_ITEMS_TEXT) == 1
# The text of a decision's items as the index holds it, of ``{ref}``.
SQLITE_ITEMS = _0002.SQLITE_ITEMS.replace(_ITEMS_TEXT, parted(_ITEMS_TEXT))
SQLITE_SUMMARY = parted("{d}.clinical_summary")
_SUMMARY_WRITES = (
    "VALUES (new.id, new.clinical_summary, '', '')",
    "SET summary = new.clinical_summary WHERE",
)


def _old_trigger(name: str) -> str:
    """The trigger as 0010 (0016 for the items' update) left it."""
    return _0016.SQLITE_TRIGGER if name == "item_au" else _0010.sqlite_trigger(name)


def sqlite_trigger(name: str) -> str:
    """The trigger writing the texts parted at each "_"."""
    trigger = _old_trigger(name)
    assert _ITEMS_TEXT in trigger
    trigger = trigger.replace(_ITEMS_TEXT, parted(_ITEMS_TEXT))
    for old in _SUMMARY_WRITES:
        trigger = trigger.replace(old, old.replace("new.clinical_summary", parted("new.clinical_summary")))
    return trigger


# The statement indexing every decision (0002's, with 0010's tags): a bulk load's (bench).
SQLITE_BUILD = (
    "INSERT INTO decisions_search(rowid, summary, items, tags) SELECT d.id, "
    + SQLITE_SUMMARY.format(d="d")
    + ", "
    + SQLITE_ITEMS.format(ref="d.id")
    + ", "
    + _0010.SQLITE_TAGS.format(d="d")
    + " FROM decisions_decision d"
)

# The letters writing a "_" in a text the index holds: found by the decisions' and items'
# own rows (a scan of their texts; the index's content is no faster to read).
_UNDERSCORED = (
    "SELECT id FROM decisions_decision WHERE instr(clinical_summary, '_') > 0 UNION "
    "SELECT decision_id FROM decisions_decisionitem "
    "WHERE instr(treatment, '_') > 0 OR instr(rationale, '_') > 0"
)


_FOUND = "decisions_underscored"


def _sqlite_rewrite(summary: str, items: str) -> list[str]:
    """The index rows and the rows of numbers of the letters writing a "_", written again:
    the letters found once (the scan is most of the upgrade's cost)."""
    found = f"SELECT id FROM {_FOUND}"
    return [
        f"CREATE TEMP TABLE {_FOUND} AS {_UNDERSCORED}",
        f"UPDATE decisions_search SET summary = (SELECT {summary.format(d='x')} "
        "FROM decisions_decision x WHERE x.id = decisions_search.rowid), items = "
        + items.format(ref="decisions_search.rowid")
        + f" WHERE rowid IN ({found})",
        f"DELETE FROM {runs_sql.TABLE} WHERE decision_id IN ({found})",
        runs_sql.rows_of(f"IN ({found})"),
        f"DROP TABLE {_FOUND}",
    ]


SQLITE_FORWARD = [
    *(f"DROP TRIGGER decisions_search_{name}" for name in _0004._CHANGED),
    *(sqlite_trigger(name) for name in _0004._CHANGED),
    *_sqlite_rewrite(SQLITE_SUMMARY, SQLITE_ITEMS),
]
SQLITE_BACKWARD = [
    *(f"DROP TRIGGER decisions_search_{name}" for name in _0004._CHANGED),
    *(_old_trigger(name) for name in _0004._CHANGED),
    *_sqlite_rewrite("{d}.clinical_summary", _0002.SQLITE_ITEMS),
]

# PostgreSQL: 0014's refresh function with the specialty's lexeme made from its folded name.
_PG_OLD_LEXEME = _0010.pg_lexeme("sp.specialty")
assert _0014.PG_REFRESH.count(_PG_OLD_LEXEME) == 1
_PG_LEXEME = _0010.pg_lexeme("decisions_search_folded(sp.specialty)")
PG_REFRESH = _0014.PG_REFRESH.replace(_PG_OLD_LEXEME, _PG_LEXEME)
# 0014's statement writing every document (a bulk load's: bench), with the same lexeme.
assert _0014.PG_INSERT.count(_PG_OLD_LEXEME) == 1
PG_INSERT = _0014.PG_INSERT.replace(_PG_OLD_LEXEME, _PG_LEXEME)
_PG_REWRITE = (
    "SELECT decisions_search_refresh(decision_id) FROM (SELECT DISTINCT decision_id "
    "FROM decisions_decisionspecialty WHERE specialty ~ '[^\\x01-\\x7f]') accented"
)
PG_FORWARD = [PG_REFRESH, _PG_REWRITE]
PG_BACKWARD = [_0014.PG_REFRESH, _PG_REWRITE]


def _run(statements: dict[str, list[str]]):  # type: ignore[no-untyped-def]
    def run(apps, schema_editor):  # type: ignore[no-untyped-def]
        if schema_editor.connection.vendor == "sqlite":
            # The rows of numbers are read by `runs_sql.FUNCTION`.
            schema_editor.connection.ensure_connection()
            runs_sql.register(schema_editor.connection.connection)
        for statement in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("decisions", "0019_search_numbers_whole")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": PG_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": PG_BACKWARD}),
        ),
    ]
