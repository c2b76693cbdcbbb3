"""SQLite keeps each letter's numbers whole in a table of their own (migration 0019), which a
number searched is asked of: "5%" finds "5% cream", not "0.5%". The table follows every
write as the full-text index does (the store's batches, the ORM, changes and deletes), and
the upgrade fills it for the letters already stored. On PostgreSQL (DATABASE_URL) the same
searches find the same letters through its parser, which reads a decimal whole."""

import importlib

import pytest
from django.db import connection

from openimr.decisions.models import Decision, DecisionItem
from openimr.decisions.search import search
from openimr.decisions.search_terms import parse
from openimr.decisions.tests.public_factories import item, make_decision
from openimr.decisions.tests.test_search_index_follows_every_write import ingest, letter
from tests.migrating import back_at, migrate_to

_0019 = importlib.import_module("openimr.decisions.migrations.0019_search_numbers_whole")
BEFORE = [("decisions", "0018_pg_search_items_index")]
AFTER = [("decisions", "0019_search_numbers_whole")]


def found(q: str) -> list[str]:
    return sorted(h.case_number for h in search(parse({"q": q, "per_page": "100"})).hits)


def runs_row(decision_id: int) -> str | None:
    """SQLite's row of the letter's numbers (None without one)."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT runs FROM {_0019.TABLE} WHERE decision_id = %s", [decision_id])
        row = cursor.fetchone()
    return row[0] if row else None


def _letters() -> None:
    make_decision(case_number="CM16-0000001", summary="Lidocaine 5% cream twice daily.")
    make_decision(case_number="CM16-0000002", summary="Lidocaine 0.5% solution.")
    make_decision(
        case_number="CM16-0000003",
        summary="Chronic neck pain.",
        items=[item("Norco 10/325mg #60", category="pharmaceuticals")],
    )
    make_decision(
        case_number="CM16-0000004",
        summary="Chronic neck pain.",
        items=[item("Norco 1.10/325mg #60", category="pharmaceuticals")],
    )


@pytest.mark.django_db
def test_the_store_writes_each_letters_numbers_with_its_index():
    ingest(
        letter(
            "CM17-0000001",
            "Lidocaine 5% cream.",
            ("Norco 10/325mg", "pharmaceuticals", "upheld", "ODG"),
        ),
        letter(
            "CM17-0000002",
            "Lidocaine 0.5% gel.",
            ("Norco 1.10/325mg", "pharmaceuticals", "upheld", "ODG"),
        ),
    )
    assert found("5%") == ["CM17-0000001"]
    assert found("0.5%") == ["CM17-0000002"]
    assert found("Norco 10/325mg") == ["CM17-0000001"]
    if connection.vendor == "sqlite":
        # A letter writing no decimal has no row: FTS5's runs of digits are its numbers.
        first = Decision.objects.get(case_number="CM17-0000001")
        second = Decision.objects.get(case_number="CM17-0000002")
        assert runs_row(first.pk) is None
        assert runs_row(second.pk).startswith(" . 0.5 _ 1.10 325 ")


@pytest.mark.django_db
def test_the_numbers_follow_a_changed_summary_a_changed_item_and_a_delete():
    _letters()
    assert found("5%") == ["CM16-0000001"]
    Decision.objects.filter(case_number="CM16-0000002").update(
        clinical_summary="Lidocaine 5% solution."
    )
    assert found("5%") == ["CM16-0000001", "CM16-0000002"]
    DecisionItem.objects.filter(decision__case_number="CM16-0000004").update(
        treatment="Norco 10/325mg #30"
    )
    assert found("Norco 10/325mg") == ["CM16-0000003", "CM16-0000004"]
    if connection.vendor == "sqlite":  # its last decimal gone, so is its row
        assert runs_row(Decision.objects.get(case_number="CM16-0000004").pk) is None
    DecisionItem.objects.filter(decision__case_number="CM16-0000003").delete()
    assert found("Norco 10/325mg") == ["CM16-0000004"]
    gone = Decision.objects.get(case_number="CM16-0000001")
    gone.delete()
    assert found("5%") == ["CM16-0000002"]
    if connection.vendor == "sqlite":
        assert runs_row(gone.pk) is None


@pytest.mark.django_db(transaction=True)
def test_the_upgrade_reads_the_numbers_of_the_letters_already_stored():
    with back_at(BEFORE):
        _letters()
        if connection.vendor == "sqlite":
            assert _0019.TABLE not in connection.introspection.table_names()
        migrate_to(AFTER)
    assert found("5%") == ["CM16-0000001"]
    assert found("0.5%") == ["CM16-0000002"]
    assert found("Norco 10/325mg") == ["CM16-0000003"]
    assert found("Norco 10/325") == ["CM16-0000003"]
    # The triggers are back: a letter written after the upgrade is read as it is written.
    make_decision(case_number="CM16-0000005", summary="Ketoprofen 5% gel.")
    assert found("5%") == ["CM16-0000001", "CM16-0000005"]
