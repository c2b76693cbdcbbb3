"""An item's update reindexes its letter for search when a column the index reads changes
(its text, its filters, the letter it belongs to), and only then (migration 0016): a column
the index does not read (``regions``, which migration 0015 backfilled for every item)
leaves the index row as it was, and search and kept answers still follow the letter."""

import importlib

import pytest
from django.db import connection

from openimr.decisions.corpus import corpus_stamps
from openimr.decisions.models import DecisionItem
from openimr.decisions.search import search
from openimr.decisions.search_terms import parse
from openimr.decisions.tests.public_factories import item, make_decision
from tests.migrating import back_at, migrate_to

pytestmark = pytest.mark.django_db

BEFORE_REGIONS = [("decisions", "0014_pg_search_folds_accents")]
REGIONS = [("decisions", "0015_item_regions")]
AFTER = [("decisions", "0016_search_item_update_of_indexed_columns")]


def numbers(**params: str) -> list[str]:
    return sorted(h.case_number for h in search(parse(params)).hits)


def reindexes(update) -> bool:  # type: ignore[no-untyped-def]
    """Whether the update rewrote an index row. SQLite: the rows the database wrote, its
    triggers' included, beyond the item and the corpus stamp (FTS5 writes a row as several
    rows of its own tables); PostgreSQL: an index row moved (each write makes
    a new row version, at a new place)."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        before = connection.connection.total_changes
        update()
        written = connection.connection.total_changes - before
        assert written >= 2  # the item and the stamp, whatever the index does
        return bool(written > 2)
    with connection.cursor() as cursor:
        cursor.execute("SELECT ctid::text FROM decisions_search ORDER BY decision_id")
        before = cursor.fetchall()
        update()
        cursor.execute("SELECT ctid::text FROM decisions_search ORDER BY decision_id")
        return before != cursor.fetchall()


def index_rows() -> list[tuple]:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT rowid, summary, items, tags FROM decisions_search ORDER BY 1")
        else:
            cursor.execute("SELECT decision_id, document::text FROM decisions_search ORDER BY 1")
        return cursor.fetchall()


def test_a_corrected_treatment_rationale_or_filter_is_found_by_its_new_value_only():
    decision = make_decision(case_number="CM16-0000001", items=[item("Cervical pillow")])
    rows = DecisionItem.objects.filter(decision=decision)
    rows.update(treatment="Hot tub", rationale="Buoyancy helps.")
    assert numbers(q="hot tub") == numbers(q="buoyancy") == ["CM16-0000001"]
    assert numbers(q="pillow") == []
    rows.update(cites_odg=True, category="dmepos", outcome="overturned")
    assert numbers(category="dmepos", outcome="overturned", family="odg") == ["CM16-0000001"]


def test_an_item_moved_to_another_letter_is_found_under_that_letter_only():
    first = make_decision(case_number="CM16-0000001", items=[item("Cervical pillow")])
    second = make_decision(case_number="CM16-0000002", items=[item("Lidocaine patch")])
    DecisionItem.objects.filter(decision=first).update(decision=second, position=5)
    assert numbers(q="pillow") == ["CM16-0000002"]
    assert numbers(q="lidocaine") == ["CM16-0000002"]


def test_a_column_the_index_does_not_read_leaves_its_row_unwritten_and_search_as_it_was():
    decision = make_decision(case_number="CM16-0000001", items=[item("Cervical pillow")])
    rows = DecisionItem.objects.filter(decision=decision)
    stamp, indexed = corpus_stamps(), index_rows()
    assert not reindexes(lambda: rows.update(regions="|cervical|"))
    assert reindexes(lambda: rows.update(treatment="Cervical collar"))
    assert corpus_stamps() != stamp  # kept answers still follow any change
    assert index_rows() != indexed and numbers(q="collar") == ["CM16-0000001"]
    rows.update(treatment="Cervical pillow")
    assert index_rows() == indexed


def index_as_stored() -> list[tuple]:
    """The index's own storage: SQLite's FTS5 blocks (a row rewritten changes them), or
    where each PostgreSQL row is (a row rewritten moves)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT id, block FROM decisions_search_data ORDER BY id")
        else:
            cursor.execute("SELECT decision_id, ctid::text FROM decisions_search ORDER BY 1")
        return cursor.fetchall()


def _old_letter(apps) -> int:  # type: ignore[no-untyped-def]
    """A letter with an item on the knee, written as a database before 0015 holds it."""
    decision = apps.get_model("decisions", "Decision").objects.create(
        case_number="CM16-0000001",
        source="published",
        layout="test",
        content_sha256="a" * 64,
        decision_date="2016-03-14",
        year=2016,
        clinical_summary="Joint pain.",
        document={"items": [{"treatment": "MRI of the left knee"}]},
        added_at="2026-11-01T00:00:00Z",
    )
    apps.get_model("decisions", "DecisionItem").objects.create(
        decision=decision, position=0, treatment="MRI of the left knee", category="diagnostics"
    )
    return int(decision.pk)


@pytest.mark.django_db(transaction=True)
def test_the_upgrade_backfills_regions_without_reindexing_and_narrows_an_upgraded_database():
    with back_at(BEFORE_REGIONS) as old:
        key = _old_letter(old)
        indexed = index_as_stored()
        apps = migrate_to(REGIONS)
        item_model = apps.get_model("decisions", "DecisionItem")
        assert item_model.objects.get(decision_id=key).regions == "|knee|"
        assert index_as_stored() == indexed  # the backfill wrote no index row
        # A database that ran 0015 before it narrowed the trigger holds 0010's trigger.
        with connection.schema_editor() as editor:
            importlib.import_module(f"openimr.decisions.migrations.{AFTER[0][1]}").widened(
                apps, editor
            )
        rows = DecisionItem.objects.filter(decision_id=key)
        assert reindexes(lambda: rows.update(regions="|left knee|"))
        migrate_to(AFTER)
        assert not reindexes(lambda: rows.update(regions="|knee|"))
        rows.update(treatment="MRI of the left ankle")
        assert numbers(q="ankle") == ["CM16-0000001"] and numbers(q="knee") == []
