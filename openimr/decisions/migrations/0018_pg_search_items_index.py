"""PostgreSQL: an index of the items' words alone (``ts_filter(document, '{b}')``: the
weight-B lexemes the items give each document, migration 0002), for the precedent panel's
window (`precedents_sql.newest_requesting`: the newest letters whose items name a
treatment and its body part).

Asked of the whole document with each word weighted ":B", the query was answered by walking
the primary key backwards and testing every letter's document in turn: the GIN index of
the documents cannot test a weight, so the planner took a word's count in any part of a
letter (summaries name "x-ray", "physical therapy" and "lumbar" far more often than items
do), judged the newest 5,000 quick to reach, and for a treatment the items name rarely read
every letter (EXPLAIN ANALYZE at 100,000 letters: "x-ray" of the lumbar spine 551 ms, all
100,000 documents tested for 960 found). On the items' own lexemes the index answers
exactly and ANALYZE counts them: 9 ms, and physical therapy of the lumbar spine 258 ->
34 ms. 11 MB at 100,000 letters, built in 2.4 s. SQLite is unchanged (FTS5 asks the items'
column itself)."""

import importlib

from django.db import migrations

_run = importlib.import_module("openimr.decisions.migrations.0009_pg_search_splits_slashed_words")._run

# The expression the query must repeat, word for word, for the planner to use the index.
ITEMS = "ts_filter(document, '{b}')"
PG_FORWARD = [
    f"CREATE INDEX decisions_search_items_gin ON decisions_search USING gin ({ITEMS})",
    "ANALYZE decisions_search",
]
PG_BACKWARD = ["DROP INDEX IF EXISTS decisions_search_items_gin"]


class Migration(migrations.Migration):
    dependencies = [("decisions", "0017_item_regions_of_one_chapter")]

    operations = [migrations.RunPython(_run(PG_FORWARD), _run(PG_BACKWARD))]
