"""PostgreSQL keeps a posting list of each filter lexeme (migration 0004's ``yr_2016``,
``pr_expedited``, ``sp_...``, ``it_...``) in a B-tree of its own:
``decisions_search_posting(tag, decision_id)``, one row per lexeme and decision, the tag as
a 64-bit hash of the lexeme (``hashtextextended``; a collision among the few thousand
lexemes is about one chance in 10^12). A filter's newest matches are then the end of one
B-tree range, read from the index alone, and two filters are a merge of two such ranges.

Before, the lexemes were only in each decision's tsvector: the GIN index gives a filter's
matches as a bitmap, but their ids had to be fetched from the table, a page each, and the
planner often walked the ids newest first testing every document (``year=2023`` over
200,000 letters: 135,000 rows read for 10,000 matches, 0.4-0.6 s).

The table follows ``decisions_search`` by trigger: whatever writes a document (the refresh
function, the store's batch, a rebuild) writes its postings, the lexemes taken from the
document itself (those with a filter prefix: no typed word can become one, the text-search
parser splits words at ``_`` and keeps ``/``, ``@`` and ``.`` in the tokens that hold
them). A document's delete removes its postings by the lexemes it held, through the same
index.

``decisions_search_newest(query, low, lim)``: the newest matches of a tsquery above an id,
read through the GIN index and the id index as two bitmaps. The planner, taking ``@@`` for
cheap, walked the id index instead, testing every document in the range (a word in a
tenth of 200,000 letters: 0.77 s where the bitmaps take 0.13 s); the function turns that
plan off for its own statement only (``SET`` on a function lasts for its call) and plans
it with the values (``EXECUTE``). It also gives the bitmaps 32 MB: in the default 4 MB
a range of 230,000 ids of a million went lossy, and every row of its lossy pages (40,000)
was read and tested again. SQLite does nothing: its FTS5 ``tags`` column already is such an index."""

from django.db import migrations

TABLE = "decisions_search_posting"
# The filter lexemes of a document (0004's prefixes; only [a-z0-9_] after them).
PG_TAGS_OF = (
    f"CREATE FUNCTION {TABLE}_tags(document tsvector) RETURNS bigint[] "
    "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ "
    "SELECT coalesce(array_agg(hashtextextended(l, 0)), '{}') "
    "FROM unnest(tsvector_to_array(document)) l WHERE l ~ '^(yr|pr|sp|it)_[a-z0-9_]+$' $$"
)
PG_SYNC = f"""CREATE FUNCTION {TABLE}_sync() RETURNS trigger AS $$
    BEGIN
      IF TG_OP = 'TRUNCATE' THEN TRUNCATE {TABLE}; RETURN NULL; END IF;
      IF TG_OP <> 'INSERT' THEN
        DELETE FROM {TABLE} WHERE tag = ANY({TABLE}_tags(OLD.document))
          AND decision_id = OLD.decision_id;
      END IF;
      IF TG_OP <> 'DELETE' THEN
        INSERT INTO {TABLE}(tag, decision_id)
        SELECT t, NEW.decision_id FROM unnest({TABLE}_tags(NEW.document)) t
        ON CONFLICT DO NOTHING;
      END IF;
      RETURN NULL;
    END $$ LANGUAGE plpgsql"""

PG_NEWEST = """CREATE FUNCTION decisions_search_newest(query tsquery, low bigint, lim integer)
    RETURNS SETOF bigint LANGUAGE plpgsql STABLE SET enable_indexscan = off
    SET work_mem = '32MB' AS $$
    BEGIN
      RETURN QUERY EXECUTE 'SELECT decision_id FROM decisions_search WHERE document @@ $1 '
        'AND decision_id > $2 ORDER BY decision_id DESC LIMIT $3' USING query, low, lim;
    END $$"""

PG_FORWARD = [
    PG_NEWEST,
    f"CREATE TABLE {TABLE} (tag bigint NOT NULL, decision_id bigint NOT NULL)",
    PG_TAGS_OF,
    PG_SYNC,
    f"INSERT INTO {TABLE}(tag, decision_id) SELECT DISTINCT unnest({TABLE}_tags(document)), "
    "decision_id FROM decisions_search",
    # Built after the rows are in: one sort instead of an insert into the B-tree per row.
    f"ALTER TABLE {TABLE} ADD PRIMARY KEY (tag, decision_id)",
    f"CREATE TRIGGER {TABLE}_sync AFTER INSERT OR UPDATE OR DELETE ON decisions_search "
    f"FOR EACH ROW EXECUTE FUNCTION {TABLE}_sync()",
    f"CREATE TRIGGER {TABLE}_truncate AFTER TRUNCATE ON decisions_search "
    f"FOR EACH STATEMENT EXECUTE FUNCTION {TABLE}_sync()",
    f"ANALYZE {TABLE}",
]
PG_BACKWARD = [
    "DROP FUNCTION IF EXISTS decisions_search_newest(tsquery, bigint, integer)",
    f"DROP TRIGGER IF EXISTS {TABLE}_truncate ON decisions_search",
    f"DROP TRIGGER IF EXISTS {TABLE}_sync ON decisions_search",
    f"DROP FUNCTION IF EXISTS {TABLE}_sync()",
    f"DROP FUNCTION IF EXISTS {TABLE}_tags(tsvector)",
    f"DROP TABLE IF EXISTS {TABLE}",
]


def _run(statements: dict[str, list[str]]):  # type: ignore[no-untyped-def]
    def run(apps, schema_editor):  # type: ignore[no-untyped-def]
        for statement in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("decisions", "0005_corpus_version")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": PG_FORWARD}),
            _run({"postgresql": PG_BACKWARD}),
        )
    ]
