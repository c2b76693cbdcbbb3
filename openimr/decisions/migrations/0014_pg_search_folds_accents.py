"""PostgreSQL: the documents are made from the text with its accents dropped, as SQLite's
FTS5 (``remove_diacritics 2``) always read it: a search for "lidocaina" found the letters
writing "Lidocaína" on SQLite and not on PostgreSQL, and "Lidocaína" found them on neither
when the letter glued it to its dose ("Lidocaína5%"). ``decisions_search_folded`` is
`glued_sql.fold` without its lower case (to_tsvector lowers): the text decomposed (NFD), the
combining marks dropped (MARKS, frozen here), composed again (NFC). The search folds the
words it sends the same way (`search_match.pg_phrases`). Needs a UTF8 database, as
``normalize`` does (``scripts/postgres-start.sh`` makes one).

Only the documents of letters holding a character outside ASCII are written again (the fold
leaves ASCII as it is): at 100,000 generated letters, none. SQLite is unchanged."""

import importlib

from django.db import migrations

_0010 = importlib.import_module("openimr.decisions.migrations.0010_search_specialty_as_typed")
# 0009's runner: PostgreSQL's statements, in order.
_run = importlib.import_module("openimr.decisions.migrations.0009_pg_search_splits_slashed_words")._run

# glued_sql.MARKS, frozen, as the regular expression's own escapes.
MARKS = r"\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
PG_FOLDED = (
    "CREATE OR REPLACE FUNCTION decisions_search_folded(text) RETURNS text "
    "LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$ "
    f"SELECT normalize(regexp_replace(normalize($1, NFD), '[{MARKS}]', '', 'g'), NFC) $$"
)
_OPEN, _CLOSE = "translate(coalesce(", ", ''), '/', ' ')"


def folded(statement: str) -> str:
    """0010's statement with each of its two texts (0009's `_text`) folded."""
    assert statement.count(_OPEN) == statement.count(_CLOSE) == 2
    return statement.replace(_OPEN, "decisions_search_folded(" + _OPEN).replace(
        _CLOSE, _CLOSE + ")"
    )


PG_REFRESH = folded(_0010.PG_REFRESH)
# The bulk load's statement (bench/search_load.py), folded too.
PG_INSERT = folded(_0010.PG_INSERT)
_NOT_ASCII = "~ '[^\\x01-\\x7f]'"
_REWRITE = (
    "SELECT decisions_search_refresh(d.id) FROM decisions_decision d "
    f"WHERE d.clinical_summary {_NOT_ASCII} OR EXISTS (SELECT 1 FROM decisions_decisionitem i "
    f"WHERE i.decision_id = d.id AND (i.treatment || i.rationale) {_NOT_ASCII})"
)
PG_FORWARD = [PG_FOLDED, PG_REFRESH, _REWRITE]
PG_BACKWARD = [_0010.PG_REFRESH, _REWRITE, "DROP FUNCTION IF EXISTS decisions_search_folded(text)"]


class Migration(migrations.Migration):
    dependencies = [("decisions", "0013_pg_search_glued_forms_asked_of_the_index")]

    operations = [migrations.RunPython(_run(PG_FORWARD), _run(PG_BACKWARD))]
