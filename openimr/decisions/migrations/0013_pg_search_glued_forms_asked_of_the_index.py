"""PostgreSQL: which forms of a word glued to a number ("norco10" of "Norco10/325") the index
holds, asked of its GIN index before a search asks for them (`glued_sql.pg_continued`).

A search asked every searched word also as ``word0:* | ... | word9:*`` (and a dose's number
as ``325a:* | ... | 325z:*``): most words have no such form, yet the planner, costing a
prefix scan of the GIN index high, tested each prefix on every document instead: at
100,000 letters a search for "Right ankle" took 480-950 ms against 71-157 ms without the
prefixes, and "Nucynta 50mg" with a filter 700 ms against 29 (docs/benchmarks.md). The GIN
index answers whether a prefix is there in a tenth of a millisecond: this function asks it
so (``enable_seqscan`` off for its own statements), first for all of a stem's prefixes
together, then, when one is there, for each, and the search asks only those found.
SQLite is unchanged: its lookup reads FTS5's own list of tokens."""

import importlib

from django.db import migrations

# 0009's runner: PostgreSQL's statements, in order.
_run = importlib.import_module("openimr.decisions.migrations.0009_pg_search_splits_slashed_words")._run

PG_CONTINUED = """CREATE OR REPLACE FUNCTION decisions_search_continued(stems text[], after text)
    RETURNS TABLE(stem text, more text) LANGUAGE plpgsql STABLE SET enable_seqscan = off AS $$
    DECLARE
      s text;
      c text;
    BEGIN
      FOREACH s IN ARRAY stems LOOP
        PERFORM 1 FROM decisions_search WHERE document @@ to_tsquery('english', (
          SELECT string_agg(quote_literal(s || x) || ':*', ' | ')
          FROM regexp_split_to_table(after, '') x)) LIMIT 1;
        CONTINUE WHEN NOT FOUND;
        FOREACH c IN ARRAY regexp_split_to_array(after, '') LOOP
          PERFORM 1 FROM decisions_search
          WHERE document @@ to_tsquery('english', quote_literal(s || c) || ':*') LIMIT 1;
          IF FOUND THEN
            stem := s;
            more := c;
            RETURN NEXT;
          END IF;
        END LOOP;
      END LOOP;
    END $$"""
PG_BACKWARD = "DROP FUNCTION IF EXISTS decisions_search_continued(text[], text)"


class Migration(migrations.Migration):
    dependencies = [("decisions", "0012_specialty_letters_counted")]

    operations = [migrations.RunPython(_run([PG_CONTINUED]), _run([PG_BACKWARD]))]
