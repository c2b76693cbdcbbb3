"""PostgreSQL's text-search parser keeps a slash-joined run as one token: "MTUS/ACOEM",
"Hot/cold", "EMG/NCV" and a date "03/05/2016" were each indexed as a single lexeme, so a
search for "ACOEM" missed every letter that wrote "MTUS/ACOEM" (420 letters found against
SQLite's 1,029 on the same corpus), and a precedents cohort for "Hot/cold therapy unit"
found none where SQLite found 30. FTS5 splits at the slash. The documents are now made
from the text with each "/" read as a space (the typed words are, too:
``search_sql.pg_phrases``), and every row is written again in one statement, its filter
tags (0004's) unchanged, so the postings of 0006 come out the same. At a million letters
this rewrite takes minutes: it runs once, at the upgrade. SQLite is unchanged."""

import importlib

from django.db import migrations

_0004 = importlib.import_module("openimr.decisions.migrations.0004_search_tags_everywhere")


def _text(expression: str) -> str:
    return f"translate(coalesce({expression}, ''), '/', ' ')"


def pg_document(d: str, items_text: str) -> str:
    """0004's document of decision ``d``, its texts split at each slash."""
    return (
        f"setweight(to_tsvector('english', {_text(f'{d}.clinical_summary')}), 'A') || "
        f"setweight(to_tsvector('english', {_text(items_text)}), 'B') || " + _0004.pg_tags(d)
    )


def _refresh(document: str) -> str:
    return f"""CREATE OR REPLACE FUNCTION decisions_search_refresh(target bigint)
    RETURNS void AS $$
    BEGIN
      DELETE FROM decisions_search WHERE decision_id = target;
      INSERT INTO decisions_search(decision_id, document)
      SELECT d.id, {document}
      FROM decisions_decision d WHERE d.id = target;
    END $$ LANGUAGE plpgsql"""


_ITEMS_BY_DECISION = (
    " FROM decisions_decision d LEFT JOIN (SELECT decision_id, string_agg(treatment || ' ' "
    "|| rationale, ' ' ORDER BY position) AS text FROM decisions_decisionitem "
    "GROUP BY decision_id) i ON i.decision_id = d.id"
)


def _rewrite(document: str) -> list[str]:
    return [
        "TRUNCATE decisions_search",  # 0006's statement trigger empties the postings too
        "INSERT INTO decisions_search(decision_id, document) SELECT d.id, "
        + document
        + _ITEMS_BY_DECISION,
        "ANALYZE decisions_search",
    ]


PG_FORWARD = [
    _refresh(pg_document("d", _0004.PG_ITEMS_TEXT)),
    *_rewrite(pg_document("d", "i.text")),
]
PG_BACKWARD = [
    _0004.PG_REFRESH,
    *_rewrite(_0004.pg_document("d", "i.text")),
]


def _run(statements: list[str]):  # type: ignore[no-untyped-def]
    def run(apps, schema_editor):  # type: ignore[no-untyped-def]
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("decisions", "0008_search_tags_cheaper")]

    operations = [migrations.RunPython(_run(PG_FORWARD), _run(PG_BACKWARD))]
