"""The full-text index of the public corpus, kept in step by triggers so that every writer
(the ORM, ingest's bulk inserts, raw SQL) indexes what it writes. SQLite: an FTS5 table
(porter stemming, bm25 ranking) whose rowid is the decision's id, with three columns: the
clinical summary, the items' treatments and rationales, and filter tags (year, priority,
reviewer specialties and each item's category/outcome/basis/family combinations), so that a filter is an index lookup
and counting ten thousand matches stays in the index. PostgreSQL: a tsvector per
decision in its own table with a GIN index. Both also get an index on the decision date,
the order of a search without words."""

from django.db import migrations

# Item filters read from the index alone (the rows hold long rationales).
ITEM_FILTER_INDEX = (
    "CREATE INDEX decisions_item_filter_idx ON decisions_decisionitem(decision_id, category, "
    "outcome, mtus_based, cites_mtus, cites_acoem, cites_odg, cites_other)"
)

SQLITE_ITEMS = (
    "coalesce((SELECT group_concat(treatment || ' ' || rationale, ' ') "
    "FROM decisions_decisionitem WHERE decision_id = {ref}), '')"
)


def _item_tags() -> str:
    """One SQL expression giving an item's filter tags: a token for every combination of its
    category (c), outcome (o), MTUS basis (m) and each guideline family it cites (f), in that
    order, e.g. ``it_cpharmaceuticals_ooverturned_fodg``. The search asks for the one token
    naming the filters chosen, so all item filters hold for the same item. Must agree with
    ``openimr.decisions.search_terms.item_tag``."""
    parts = {
        "c": "'c' || category",
        "o": "'o' || outcome",
        "m": "'m' || CASE WHEN mtus_based THEN 'yes' ELSE 'no' END",
    }
    terms = []
    for mask in range(8):
        chosen = [parts[k] for n, k in enumerate("com") if mask & (1 << n)]
        for family in (None, "mtus", "acoem", "odg", "other"):
            if not chosen and family is None:
                continue
            pieces = [*chosen, f"'f{family}'"] if family else chosen
            token = "'it_' || " + " || '_' || ".join(pieces)
            terms.append(f"CASE WHEN cites_{family} THEN {token} ELSE '' END" if family else token)
    return " || ' ' || ".join(terms)


# A specialty's tag is its name with spaces as underscores after "sp_"; the search asks for
# it as a quoted phrase, which the tokenizer splits (and folds in case) the same way.
SQLITE_TAGS = (
    "'yr_' || coalesce({d}.year, 'none') || ' pr_' || coalesce(nullif({d}.priority, ''), 'none') "
    "|| ' ' || coalesce((SELECT group_concat(" + _item_tags() + ", ' ') "
    "FROM decisions_decisionitem WHERE decision_id = {d}.id), '') "
    "|| ' ' || coalesce((SELECT group_concat('sp_' || replace(specialty, ' ', '_'), ' ') "
    "FROM decisions_decisionspecialty WHERE decision_id = {d}.id), '')"
)


def _refresh(ref: str) -> str:
    return (
        "UPDATE decisions_search SET items = " + SQLITE_ITEMS.format(ref=ref) + ", tags = "
        "(SELECT "
        + SQLITE_TAGS.format(d="x")
        + " FROM decisions_decision x WHERE x.id = "
        + ref
        + ") WHERE rowid = "
        + ref
        + "; "
    )


SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE decisions_search USING fts5(summary, items, tags, "
    "tokenize = 'porter unicode61 remove_diacritics 2 tokenchars ''_''')",
    "INSERT INTO decisions_search(rowid, summary, items, tags) "
    "SELECT d.id, d.clinical_summary, "
    + SQLITE_ITEMS.format(ref="d.id")
    + ", "
    + SQLITE_TAGS.format(d="d")
    + " FROM decisions_decision d",
    "CREATE TRIGGER decisions_search_decision_ai AFTER INSERT ON decisions_decision BEGIN "
    "INSERT INTO decisions_search(rowid, summary, items, tags) VALUES (new.id, "
    "new.clinical_summary, '', ''); " + _refresh("new.id") + "END",
    "CREATE TRIGGER decisions_search_decision_au AFTER UPDATE OF clinical_summary, year, "
    "priority ON decisions_decision BEGIN "
    "UPDATE decisions_search SET summary = new.clinical_summary WHERE rowid = new.id; "
    + _refresh("new.id")
    + "END",
    "CREATE TRIGGER decisions_search_decision_ad AFTER DELETE ON decisions_decision BEGIN "
    "DELETE FROM decisions_search WHERE rowid = old.id; END",
    "CREATE TRIGGER decisions_search_item_ai AFTER INSERT ON decisions_decisionitem BEGIN "
    + _refresh("new.decision_id")
    + "END",
    "CREATE TRIGGER decisions_search_item_au AFTER UPDATE ON decisions_decisionitem BEGIN "
    + _refresh("old.decision_id")
    + _refresh("new.decision_id")
    + "END",
    "CREATE TRIGGER decisions_search_item_ad AFTER DELETE ON decisions_decisionitem BEGIN "
    + _refresh("old.decision_id")
    + "END",
    "CREATE TRIGGER decisions_search_specialty_ai AFTER INSERT ON decisions_decisionspecialty "
    "BEGIN " + _refresh("new.decision_id") + "END",
    "CREATE TRIGGER decisions_search_specialty_au AFTER UPDATE ON decisions_decisionspecialty "
    "BEGIN " + _refresh("old.decision_id") + _refresh("new.decision_id") + "END",
    "CREATE TRIGGER decisions_search_specialty_ad AFTER DELETE ON decisions_decisionspecialty "
    "BEGIN " + _refresh("old.decision_id") + "END",
    "CREATE INDEX decisions_decision_date_idx ON decisions_decision(decision_date DESC, id)",
    ITEM_FILTER_INDEX,
]

SQLITE_BACKWARD = [
    "DROP INDEX IF EXISTS decisions_decision_date_idx",
    "DROP INDEX IF EXISTS decisions_item_filter_idx",
    *(
        f"DROP TRIGGER IF EXISTS decisions_search_{name}"
        for name in (
            "decision_ai",
            "decision_au",
            "decision_ad",
            "item_ai",
            "item_au",
            "item_ad",
            "specialty_ai",
            "specialty_au",
            "specialty_ad",
        )
    ),
    "DROP TABLE IF EXISTS decisions_search",
]

PG_FORWARD = [
    # No foreign key: Django's test flush truncates decisions_decision alone, which a
    # reference would refuse; the triggers below delete and truncate in step instead.
    "CREATE TABLE decisions_search (decision_id bigint PRIMARY KEY, document tsvector NOT NULL)",
    "CREATE INDEX decisions_search_document_gin ON decisions_search USING gin(document)",
    # One function computes a decision's vector: summary weighted A, items B.
    """CREATE FUNCTION decisions_search_refresh(target bigint) RETURNS void AS $$
    BEGIN
      DELETE FROM decisions_search WHERE decision_id = target;
      INSERT INTO decisions_search(decision_id, document)
      SELECT d.id,
             setweight(to_tsvector('english', coalesce(d.clinical_summary, '')), 'A') ||
             setweight(to_tsvector('english', coalesce((
                 SELECT string_agg(i.treatment || ' ' || i.rationale, ' ' ORDER BY i.position)
                 FROM decisions_decisionitem i WHERE i.decision_id = d.id), '')), 'B')
      FROM decisions_decision d WHERE d.id = target;
    END $$ LANGUAGE plpgsql""",
    """CREATE FUNCTION decisions_search_on_decision() RETURNS trigger AS $$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        DELETE FROM decisions_search WHERE decision_id = OLD.id;
      ELSE
        PERFORM decisions_search_refresh(NEW.id);
      END IF;
      RETURN NULL;
    END $$ LANGUAGE plpgsql""",
    """CREATE FUNCTION decisions_search_on_item() RETURNS trigger AS $$
    BEGIN
      IF TG_OP <> 'INSERT' THEN PERFORM decisions_search_refresh(OLD.decision_id); END IF;
      IF TG_OP <> 'DELETE' THEN PERFORM decisions_search_refresh(NEW.decision_id); END IF;
      RETURN NULL;
    END $$ LANGUAGE plpgsql""",
    """CREATE FUNCTION decisions_search_on_truncate() RETURNS trigger AS $$
    BEGIN TRUNCATE decisions_search; RETURN NULL; END $$ LANGUAGE plpgsql""",
    "CREATE TRIGGER decisions_search_decision AFTER INSERT OR UPDATE OF clinical_summary "
    "OR DELETE ON decisions_decision FOR EACH ROW EXECUTE FUNCTION decisions_search_on_decision()",
    "CREATE TRIGGER decisions_search_item AFTER INSERT OR UPDATE OR DELETE "
    "ON decisions_decisionitem FOR EACH ROW EXECUTE FUNCTION decisions_search_on_item()",
    "CREATE TRIGGER decisions_search_truncate AFTER TRUNCATE ON decisions_decision "
    "FOR EACH STATEMENT EXECUTE FUNCTION decisions_search_on_truncate()",
    "SELECT decisions_search_refresh(id) FROM decisions_decision",
    "CREATE INDEX decisions_decision_date_idx ON decisions_decision(decision_date DESC, id)",
    ITEM_FILTER_INDEX,
]

PG_BACKWARD = [
    "DROP INDEX IF EXISTS decisions_decision_date_idx",
    "DROP INDEX IF EXISTS decisions_item_filter_idx",
    "DROP TRIGGER IF EXISTS decisions_search_truncate ON decisions_decision",
    "DROP TRIGGER IF EXISTS decisions_search_item ON decisions_decisionitem",
    "DROP TRIGGER IF EXISTS decisions_search_decision ON decisions_decision",
    "DROP FUNCTION IF EXISTS decisions_search_on_truncate()",
    "DROP FUNCTION IF EXISTS decisions_search_on_item()",
    "DROP FUNCTION IF EXISTS decisions_search_on_decision()",
    "DROP FUNCTION IF EXISTS decisions_search_refresh(bigint)",
    "DROP TABLE IF EXISTS decisions_search",
]


def _run(statements: dict[str, list[str]]):
    def run(apps, schema_editor):
        for sql in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("decisions", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": PG_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": PG_BACKWARD}),
        ),
    ]
