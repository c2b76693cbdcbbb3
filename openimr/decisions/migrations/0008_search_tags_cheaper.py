"""SQLite's filter tags (0004), the same text word for word and space for space, from a
cheaper expression. 0002's item tags spelled each of an item's 39 tokens out from its
columns (the prefix ``it_c<category>_o<outcome>`` again for each guideline family), about
270 string joins an item, and 0004's complements asked the items eight times (``EXISTS``
per tag). Now an item's seven prefixes are made once and its cited families once
(``#_fmtus ...``, ``#`` standing for the prefix), each prefix's tokens being that pattern
with ``#`` replaced; and one pass over the items gives every complement. Measured on
generated letters (docs/benchmarks.md, "Corpus ingest"): the tags of a letter took
0.041 ms, 0.026 ms after, of the ~0.33 ms a letter costs to store.

The triggers that write tags (0004's) are created again with it, and the store's batch
index (`openimr.decisions.search_sql.index_rows`) uses it, so every writer still writes
the same row. PostgreSQL is unchanged (its tags are 0004's ``pg_tags``)."""

import importlib

from django.db import migrations

_0002 = importlib.import_module("openimr.decisions.migrations.0002_search_index")
_0004 = importlib.import_module("openimr.decisions.migrations.0004_search_tags_everywhere")

FAMILIES = ("mtus", "acoem", "odg", "other")
_PARTS = {
    "c": "'c' || category",
    "o": "'o' || outcome",
    "m": "'m' || CASE WHEN mtus_based THEN 'yes' ELSE 'no' END",
}
# An item's family tokens for the prefix "#" in 0002's order, an uncited family an empty
# token (0002 joins them all with one space, empty or not).
_FAMILY_TERMS = " || ' ' || ".join(
    f"CASE WHEN cites_{family} THEN '#_f{family}' ELSE '' END" for family in FAMILIES
)


def _prefix(mask: int) -> str:
    """0002's prefix of a mask: category, outcome and MTUS basis, in that order."""
    chosen = [_PARTS[k] for n, k in enumerate("com") if mask & (1 << n)]
    return "'it_' || " + " || '_' || ".join(chosen)


def item_tags(ref: str) -> str:
    """0002's tags of decision ``ref``'s items, in the same order. The inner query is kept
    from being flattened (``LIMIT -1 OFFSET 0``), which would copy each prefix back into
    every place it is used."""
    columns = ", ".join([f"{_FAMILY_TERMS} AS u", *(f"{_prefix(m)} AS p{m}" for m in range(1, 8))])
    blocks = " || ' ' || ".join(
        ["replace(u, '#', 'it')", *(f"p{m} || ' ' || replace(u, '#', p{m})" for m in range(1, 8))]
    )
    return (
        f"coalesce((SELECT group_concat({blocks}, ' ') FROM (SELECT {columns} "
        f"FROM decisions_decisionitem WHERE decision_id = {ref} LIMIT -1 OFFSET 0)), '')"
    )


def _complements() -> str:
    """0004's complements of the item tags from one pass over the items: ``max`` of a
    condition is 1 when some item meets it, NULL when there are no items (as NOT EXISTS)."""
    terms = " || ' ' || ".join(
        f"CASE WHEN max({condition}) THEN '' ELSE 'no_{tag}' END"
        for tag, condition in _0004.ITEM_COMPLEMENTS
    )
    return "(SELECT " + terms + " FROM decisions_decisionitem WHERE decision_id = {d}.id)"


def _sqlite_tags() -> str:
    old_items = (
        "coalesce((SELECT group_concat("
        + _0002._item_tags()
        + ", ' ') FROM decisions_decisionitem WHERE decision_id = {d}.id), '')"
    )
    old_complements = _0004._complements().rsplit(" || ' ' || ", 1)[0]
    tags = _0004.SQLITE_TAGS
    assert tags.count(old_items) == 1 and tags.count(old_complements) == 1
    return tags.replace(old_items, item_tags("{d}.id")).replace(old_complements, _complements())


SQLITE_TAGS = _sqlite_tags()


def sqlite_trigger(name: str) -> str:
    """0004's trigger with these tags."""
    return _0004.sqlite_trigger(name).replace(
        _0004.SQLITE_TAGS.format(d="x"), SQLITE_TAGS.format(d="x")
    )


SQLITE_FORWARD = [
    *(f"DROP TRIGGER decisions_search_{name}" for name in _0004._CHANGED),
    *(sqlite_trigger(name) for name in _0004._CHANGED),
]
SQLITE_BACKWARD = [
    *(f"DROP TRIGGER decisions_search_{name}" for name in _0004._CHANGED),
    *(_0004.sqlite_trigger(name) for name in _0004._CHANGED),
]


def _run(statements: list[str]):  # type: ignore[no-untyped-def]
    def run(apps, schema_editor):  # type: ignore[no-untyped-def]
        if schema_editor.connection.vendor == "sqlite":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("decisions", "0007_corpus_removal_stamp")]

    operations = [migrations.RunPython(_run(SQLITE_FORWARD), _run(SQLITE_BACKWARD))]
