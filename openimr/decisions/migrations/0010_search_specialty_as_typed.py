"""A reviewer specialty is indexed in one form however it is written
(``openimr.decisions.search_terms.specialty_tag``): "&" read as "and", each run of ASCII
characters other than letters and digits one "_", none at either end.

SQLite's tag had been the name with its spaces as "_" (0002): FTS5, keeping only "_" inside
a token, cut "sp_Physical_Medicine_&_Rehabilitation" at the "&" into two tokens, so the
filter "Physical Medicine and Rehabilitation" (the 2013 letters' spelling) found nothing,
and "Internal Medicine Nephrology" missed "Internal Medicine, Nephrology". PostgreSQL's
lexeme (0004) read "&" as "_" and "and" as a word: the two spellings were two specialties.

Only the decisions naming a specialty whose tag changes are indexed again (a name of
letters, digits and single spaces is written as before): at 100,000 letters of which a
tenth name "Physical Medicine & Rehabilitation", see docs/benchmarks.md."""

import importlib
import string

from django.db import migrations

_0004 = importlib.import_module("openimr.decisions.migrations.0004_search_tags_everywhere")
_0008 = importlib.import_module("openimr.decisions.migrations.0008_search_tags_cheaper")
_0009 = importlib.import_module("openimr.decisions.migrations.0009_pg_search_splits_slashed_words")

# search_terms.SPECIALTY_SEPARATORS, frozen here as a migration must be.
SEPARATORS = string.punctuation + " \t\n\r\x0b\x0c"
# "_" runs left by the separators are halved by each pass: ten passes end runs of 1,024,
# longer than any run a 120-character name (an "&" five characters) can hold.
_HALVINGS = 10


# Replacements nested in one expression at most: SQLite's parser overflows its stack near
# 24 within the tags' expression, so the steps are taken in layers of subqueries.
_LAYER = 8


def _steps() -> list[str]:
    """`specialty_tag`'s replacements, in order, each of ``{v}``."""
    steps = ["replace({v}, '&', ' and ')"]
    steps += [f"replace({{v}}, char({ord(c)}), '_')" for c in SEPARATORS if c != "_"]
    return steps + ["replace({v}, '__', '_')"] * _HALVINGS


def _sqlite_layers(source: str, kept: str = "") -> str:
    """``SELECT {kept}`` the `specialty_tag` of ``source``'s ``v`` ``AS v``: the steps in
    layers (``_LAYER``) of subqueries, each separator named by its code (``char``), so no
    quote, "%" or brace of its own reaches the statement."""
    steps = _steps()
    for start in range(0, len(steps), _LAYER):
        text = "v"
        for step in steps[start : start + _LAYER]:
            text = step.format(v=text)
        # Not flattened (LIMIT -1 OFFSET 0): flattening would nest every step in one again.
        source = f"SELECT {kept}{text} AS v FROM ({source} LIMIT -1 OFFSET 0)"
    return f"SELECT {kept}trim(v, '_') AS v FROM ({source})"


def sqlite_tags(ref: str) -> str:
    """SQLite SQL of the specialty tags of decision ``ref``: "sp_" and the `specialty_tag`
    of each, one space between."""
    tags = _sqlite_layers(
        f"SELECT specialty AS v FROM decisions_decisionspecialty WHERE decision_id = {ref}"
    )
    return f"coalesce((SELECT group_concat('sp_' || v, ' ') FROM ({tags})), '')"


def pg_lexeme(name: str) -> str:
    """PostgreSQL SQL of ``"sp_" + specialty_key`` of the expression ``name``."""
    return (
        "'sp_' || lower(trim(both '_' from "
        f"regexp_replace(replace({name}, '&', ' and '), '[^A-Za-z0-9]+', '_', 'g')))"
    )


# SQLite: 0008's tags with the specialties' new tags.
_SQLITE_OLD = (
    "coalesce((SELECT group_concat('sp_' || replace(specialty, ' ', '_'), ' ') "
    "FROM decisions_decisionspecialty WHERE decision_id = {d}.id), '')"
)
assert _0008.SQLITE_TAGS.count(_SQLITE_OLD) == 1
SQLITE_TAGS = _0008.SQLITE_TAGS.replace(_SQLITE_OLD, sqlite_tags("{d}.id"))


def sqlite_trigger(name: str) -> str:
    """0008's trigger with these tags."""
    return _0008.sqlite_trigger(name).replace(
        _0008.SQLITE_TAGS.format(d="x"), SQLITE_TAGS.format(d="x")
    )


def _sqlite_retag(tags: str) -> str:
    """The tags of the decisions whose specialty's tag is not what 0002 wrote, written again."""
    both = _sqlite_layers(
        "SELECT decision_id, specialty, specialty AS v FROM decisions_decisionspecialty",
        kept="decision_id, specialty, ",
    )
    changed = f"SELECT decision_id FROM ({both}) WHERE replace(specialty, ' ', '_') <> v"
    return (
        "UPDATE decisions_search SET tags = (SELECT "
        + tags.format(d="x")
        + f" FROM decisions_decision x WHERE x.id = decisions_search.rowid) WHERE rowid IN ({changed})"
    )


# The triggers that write tags (0004's list).
CHANGED = _0004._CHANGED
# The rewritten rows leave FTS5's index in more segments, each a search must read: at
# 100,000 letters a search took half as long again (p50 7 -> 10.5 ms CPU) until merged.
_SQLITE_MERGE = "INSERT INTO decisions_search(decisions_search) VALUES ('optimize')"
SQLITE_FORWARD = [
    *(f"DROP TRIGGER decisions_search_{name}" for name in _0004._CHANGED),
    *(sqlite_trigger(name) for name in _0004._CHANGED),
    _sqlite_retag(SQLITE_TAGS),
    _SQLITE_MERGE,
]
SQLITE_BACKWARD = [
    *(f"DROP TRIGGER decisions_search_{name}" for name in _0004._CHANGED),
    *(_0008.sqlite_trigger(name) for name in _0004._CHANGED),
    _sqlite_retag(_0008.SQLITE_TAGS),
    _SQLITE_MERGE,
]

# PostgreSQL: 0009's refresh function with the specialty's new lexeme.
_PG_OLD_REFRESH = _0009.PG_FORWARD[0]
_PG_OLD_SPECIALTY = _0004.PG_SPECIALTY.format(s="sp.specialty")
assert _PG_OLD_REFRESH.count(_PG_OLD_SPECIALTY) == 1
PG_REFRESH = _PG_OLD_REFRESH.replace(_PG_OLD_SPECIALTY, pg_lexeme("sp.specialty"))
_PG_CHANGED = (
    "SELECT decisions_search_refresh(decision_id) FROM (SELECT DISTINCT decision_id "
    "FROM decisions_decisionspecialty WHERE "
    + _0004.PG_SPECIALTY.format(s="specialty")
    + " <> "
    + pg_lexeme("specialty")
    + ") changed"
)

# 0009's statement writing every document, with the new lexeme (a bulk load's: bench).
_PG_OLD_INSERT = next(s for s in _0009.PG_FORWARD if s.startswith("INSERT"))
PG_INSERT = _PG_OLD_INSERT.replace(_PG_OLD_SPECIALTY, pg_lexeme("sp.specialty"))

PG_FORWARD = [PG_REFRESH, _PG_CHANGED]
PG_BACKWARD = [_PG_OLD_REFRESH, _PG_CHANGED]


def _run(statements: dict[str, list[str]]):  # type: ignore[no-untyped-def]
    def run(apps, schema_editor):  # type: ignore[no-untyped-def]
        for statement in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("decisions", "0009_pg_search_splits_slashed_words")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": PG_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": PG_BACKWARD}),
        ),
    ]
