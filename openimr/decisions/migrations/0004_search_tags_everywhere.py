"""SQLite's tags also name what a letter lacks: ``no_it_oupheld`` (no upheld item),
``no_it_fmtus``, ``no_pr_standard`` and the like, for each filter value most letters hold.
Nine letters in ten have an upheld item: FTS5 walked that doclist to its end to count the
matches of "a word and outcome=upheld", where "the word, NOT no_it_oupheld" walks the tenth
that has none. The search picks the cheaper side from a sample (`search_index`).

PostgreSQL gets the filters as index terms, as SQLite's FTS5 index has them (0002): each
decision's tsvector holds, beside the words of its summary (weight A) and items (B), its
filter values as lexemes taken verbatim (``yr_2016``, ``pr_expedited``, ``sp_pain_medicine``
and each item's ``it_...`` combinations, the same tokens as SQLite's ``tags`` column). A
filtered search is then one GIN lookup instead of ``EXISTS`` probes of the items over a
million letters (5-6 s for ``category`` + ``year``). No word a visitor types can become
such a lexeme: the text-search parser splits words at ``_``.

Specialty changes reindex their decision too (a trigger on the specialty table), and so do
year and priority changes, as on SQLite. Both databases also get an index of the columns
a search reads of thousands of matched decisions (date, year, priority) by id."""

import importlib

from django.db import migrations

_0002 = importlib.import_module("openimr.decisions.migrations.0002_search_index")
_0003 = importlib.import_module("openimr.decisions.migrations.0003_search_index_once_per_batch")

# SQLite: the tags whose complement is indexed too, with the item condition that gives
# the tag (priority's is its own column). `openimr.decisions.search_index` reads this.
ITEM_COMPLEMENTS = (
    ("it_oupheld", "outcome = 'upheld'"),
    ("it_ooverturned", "outcome = 'overturned'"),
    ("it_myes", "mtus_based"),
    ("it_mno", "NOT mtus_based"),
    *((f"it_f{family}", f"cites_{family}") for family in ("mtus", "acoem", "odg", "other")),
)
COMPLEMENTED = (*(tag for tag, _ in ITEM_COMPLEMENTS), "pr_standard")


def _complements() -> str:
    items = " || ' ' || ".join(
        "CASE WHEN EXISTS (SELECT 1 FROM decisions_decisionitem WHERE decision_id = {d}.id "
        f"AND {condition}) THEN '' ELSE 'no_{tag}' END"
        for tag, condition in ITEM_COMPLEMENTS
    )
    priority = "CASE WHEN {d}.priority = 'standard' THEN '' ELSE 'no_pr_standard' END"
    return items + " || ' ' || " + priority


SQLITE_TAGS = _0002.SQLITE_TAGS + " || ' ' || " + _complements()
_CHANGED: tuple[str, ...] = ("decision_ai", "decision_au", "item_ai", "item_au", "item_ad")
_CHANGED += ("specialty_ai", "specialty_au", "specialty_ad")


def _sqlite_0003(name: str) -> str:
    """The trigger as 0002 and 0003 left it."""
    if name in _0003._INSERT_TRIGGERS:
        return _0003._sqlite_deferrable(name)
    return _0003._sqlite_0002(name)


def sqlite_trigger(name: str) -> str:
    """The trigger writing the tags with their complements."""
    return _sqlite_0003(name).replace(_0002.SQLITE_TAGS.format(d="x"), SQLITE_TAGS.format(d="x"))


def _retag(tags: str) -> str:
    return (
        "UPDATE decisions_search SET tags = (SELECT "
        + tags.format(d="x")
        + " FROM decisions_decision x WHERE x.id = decisions_search.rowid)"
    )


SQLITE_FORWARD = [
    *(f"DROP TRIGGER decisions_search_{name}" for name in _CHANGED),
    *(sqlite_trigger(name) for name in _CHANGED),
    _retag(SQLITE_TAGS),
]
SQLITE_BACKWARD = [
    *(f"DROP TRIGGER decisions_search_{name}" for name in _CHANGED),
    *(_sqlite_0003(name) for name in _CHANGED),
    _retag(_0002.SQLITE_TAGS),
]


# A specialty's lexeme: ASCII letters and digits, every other run of characters one "_",
# lower case. `openimr.decisions.search_terms.specialty_lexeme` must agree.
PG_SPECIALTY = "'sp_' || lower(regexp_replace({s}, '[^A-Za-z0-9]+', '_', 'g'))"
PG_ITEM_TAGS = _0002._item_tags()


def pg_tags(d: str) -> str:
    """SQL for the filter lexemes of decision alias ``d`` as a tsvector."""
    return (
        "array_to_tsvector(ARRAY(SELECT DISTINCT t FROM ("
        f"SELECT 'yr_' || coalesce({d}.year::text, 'none') AS t "
        f"UNION ALL SELECT 'pr_' || coalesce(nullif({d}.priority, ''), 'none') "
        "UNION ALL SELECT " + PG_SPECIALTY.format(s="sp.specialty") + " "
        f"FROM decisions_decisionspecialty sp WHERE sp.decision_id = {d}.id "
        f"UNION ALL SELECT unnest(string_to_array({PG_ITEM_TAGS}, ' ')) "
        f"FROM decisions_decisionitem WHERE decision_id = {d}.id"
        ") tags WHERE t <> ''))"
    )


def pg_document(d: str, items_text: str) -> str:
    """SQL for decision ``d``'s whole tsvector; ``items_text`` is its items' text."""
    return (
        f"setweight(to_tsvector('english', coalesce({d}.clinical_summary, '')), 'A') || "
        f"setweight(to_tsvector('english', coalesce({items_text}, '')), 'B') || " + pg_tags(d)
    )


PG_ITEMS_TEXT = (
    "(SELECT string_agg(i.treatment || ' ' || i.rationale, ' ' ORDER BY i.position) "
    "FROM decisions_decisionitem i WHERE i.decision_id = d.id)"
)

PG_REFRESH = f"""CREATE OR REPLACE FUNCTION decisions_search_refresh(target bigint)
    RETURNS void AS $$
    BEGIN
      DELETE FROM decisions_search WHERE decision_id = target;
      INSERT INTO decisions_search(decision_id, document)
      SELECT d.id, {pg_document("d", PG_ITEMS_TEXT)}
      FROM decisions_decision d WHERE d.id = target;
    END $$ LANGUAGE plpgsql"""

PG_ON_SPECIALTY = f"""CREATE FUNCTION decisions_search_on_specialty() RETURNS trigger AS $$
    BEGIN
      IF TG_OP = 'INSERT' AND NOT ({_0003.DEFERRED}) THEN RETURN NULL; END IF;
      IF TG_OP <> 'INSERT' THEN PERFORM decisions_search_refresh(OLD.decision_id); END IF;
      IF TG_OP <> 'DELETE' THEN PERFORM decisions_search_refresh(NEW.decision_id); END IF;
      RETURN NULL;
    END $$ LANGUAGE plpgsql"""

PG_FORWARD = [
    PG_REFRESH,
    PG_ON_SPECIALTY,
    "CREATE TRIGGER decisions_search_specialty AFTER INSERT OR UPDATE OR DELETE "
    "ON decisions_decisionspecialty FOR EACH ROW EXECUTE FUNCTION decisions_search_on_specialty()",
    # Year and priority are filters now: their changes reindex the decision too.
    "DROP TRIGGER decisions_search_decision ON decisions_decision",
    "CREATE TRIGGER decisions_search_decision AFTER INSERT OR UPDATE OF clinical_summary, year, "
    "priority OR DELETE ON decisions_decision "
    "FOR EACH ROW EXECUTE FUNCTION decisions_search_on_decision()",
    # Every row rewritten with its tags, in one statement.
    "TRUNCATE decisions_search",
    "INSERT INTO decisions_search(decision_id, document) SELECT d.id, "
    + pg_document("d", "i.text")
    + " FROM decisions_decision d LEFT JOIN (SELECT decision_id, string_agg(treatment || ' ' "
    "|| rationale, ' ' ORDER BY position) AS text FROM decisions_decisionitem "
    "GROUP BY decision_id) i ON i.decision_id = d.id",
    "ANALYZE decisions_search",
]


def _pg_0002_refresh() -> str:
    found = next(s for s in _0002.PG_FORWARD if "FUNCTION decisions_search_refresh" in s)
    return found.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1)


PG_BACKWARD = [
    "DROP TRIGGER IF EXISTS decisions_search_specialty ON decisions_decisionspecialty",
    "DROP FUNCTION IF EXISTS decisions_search_on_specialty()",
    "DROP TRIGGER decisions_search_decision ON decisions_decision",
    next(s for s in _0002.PG_FORWARD if s.startswith("CREATE TRIGGER decisions_search_decision ")),
    _pg_0002_refresh(),
    "SELECT decisions_search_refresh(id) FROM decisions_decision",
]


# Both databases: the columns a search reads of thousands of matched decisions (facets'
# year and priority, the order by date), by id, without reading the rows' long texts.
COLUMNS_INDEX = (
    "CREATE INDEX decisions_decision_search_idx ON decisions_decision(id, decision_date, "
    "year, priority)"
)
COLUMNS_INDEX_BACKWARD = "DROP INDEX IF EXISTS decisions_decision_search_idx"


def _run(statements: dict[str, list[str]]):  # type: ignore[no-untyped-def]
    def run(apps, schema_editor):  # type: ignore[no-untyped-def]
        for sql in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("decisions", "0003_search_index_once_per_batch")]

    operations = [
        migrations.RunPython(
            _run(
                {
                    "sqlite": [*SQLITE_FORWARD, COLUMNS_INDEX],
                    "postgresql": [*PG_FORWARD, COLUMNS_INDEX],
                }
            ),
            _run(
                {
                    "sqlite": [*SQLITE_BACKWARD, COLUMNS_INDEX_BACKWARD],
                    "postgresql": [*PG_BACKWARD, COLUMNS_INDEX_BACKWARD],
                }
            ),
        ),
    ]
